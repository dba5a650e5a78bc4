/**
 * Gives diagnostics that carry a JSON pointer their exact line and column, and every located
 * diagnostic its code frame. Positions are resolved lazily: a file is parsed into `yaml`'s
 * document model (slow on large files) only when one of its diagnostics is reported.
 */
import { parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import { createLineIndex, type LineIndex } from './config-line-index.js';
import { parsePointer } from '../core/json-pointer.js';
import { findNodeOffset } from './yaml-compose.js';

/** Codes whose pointer names a key: the caret goes under the key rather than its value. */
const KEY_CODES = new Set(['CONFIG_UNKNOWN_KEY', 'CONFIG_FORBIDDEN_KEY', 'CONFIG_YAML_DUPLICATE_KEY', 'CONFIG_INVALID_KEY']);

interface LocatedFile {
  document?: Document;
  lines: LineIndex;
  sourceLines: string[];
}

export function locateDiagnostics(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  const cache = new Map<string, LocatedFile>();
  const open = (file: string, source: string): LocatedFile => {
    let located = cache.get(file);
    if (!located) {
      located = { lines: createLineIndex(source), sourceLines: source.split(/\r?\n/) };
      cache.set(file, located);
    }
    return located;
  };
  return diagnostics.map((diagnostic) => {
    const source = diagnostic.file === undefined ? undefined : sources.get(diagnostic.file);
    if (source === undefined || diagnostic.file === undefined) return diagnostic;
    const located = open(diagnostic.file, source);
    let { line, column } = diagnostic;
    if (diagnostic.pointer !== undefined && (line === undefined || !diagnostic.code.startsWith('CONFIG_YAML'))) {
      located.document ??= parseDocument(source, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false });
      const offset = findNodeOffset(located.document, parsePointer(diagnostic.pointer), KEY_CODES.has(diagnostic.code));
      if (offset !== undefined) [line, column] = located.lines.locate(offset);
    }
    if (line === undefined) return diagnostic;
    return { ...diagnostic, line, column: column ?? 1, frame: formatFrame(located.sourceLines, line, column ?? 1) };
  });
}

/** Two lines of context, the line, and a caret under the column. */
export function formatFrame(sourceLines: readonly string[], line: number, column: number): string {
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const rows: string[] = [];
  for (let number = first; number <= line && number <= sourceLines.length; number += 1) {
    // A tab is shown as → (one column, like the caret counts it), so an indentation tab can be seen.
    const text = (sourceLines[number - 1] ?? '').replace(/\t/g, '→');
    rows.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`);
  }
  rows.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  return rows.join('\n');
}
