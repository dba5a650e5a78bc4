/**
 * Turns the text of one YAML file into plain JS values, fast and safely.
 *
 * Files in the plain block-style subset go through a line scanner (yaml-fast.ts). The others
 * take the path below: it builds values straight from `yaml`'s CST (its `Parser`), skipping the
 * node objects of its `Composer`, which cost about 5× the lexer on large files. It accepts the
 * plain subset configs are written in (block and flow maps and sequences, scalars, comments) and
 * bails out on anything else: anchors, aliases, tags, explicit keys, directives, odd indentation
 * or any token the parser flagged. Then the slow path runs `yaml`'s own composer, whose errors
 * are precise and whose alias expansion is bounded.
 *
 * Every path refuses `__proto__`/`constructor`/`prototype` keys before building an object (the
 * scanner by declining, so the diagnostic comes from the paths here), limits nesting depth, and
 * records the line and column of the nodes the loader needs (the kinds, their items and the
 * words of word filters); every other position is found later, only for the diagnostics
 * reported (see config-locate.ts).
 */
import { CST, Parser, isAlias, isMap, isSeq, parseAllDocuments, visit, type Document } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ErrorCode } from '../core/error-codes.js';
import { createLineIndex, type LineIndex } from './config-line-index.js';
import { scanYaml } from './yaml-fast.js';

export const MAX_DEPTH = 64;
export const MAX_ALIAS_COUNT = 100;
/** Expanded nodes allowed in one file once aliases are resolved. */
export const MAX_NODES = 2_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ComposedFile {
  /** The document's value; undefined when the file could not be read as YAML. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line and column of the nodes at `/kind`, `/kind/index` and `/wordFilters/list/index`. */
  positions: Record<string, [number, number]>;
}

class Bail extends Error {}

interface FastContext {
  file: string;
  lines: LineIndex;
  diagnostics: Diagnostic[];
  positions: Record<string, [number, number]>;
}

export function composeYaml(source: string, file: string): ComposedFile {
  const scanned = scanYaml(source, MAX_DEPTH);
  if (scanned) return { value: scanned.value, diagnostics: [], positions: scanned.positions };
  return composeWithParser(source, file);
}

/** The `yaml` CST path, then its composer: for files the line scanner (yaml-fast.ts) declines. */
export function composeWithParser(source: string, file: string): ComposedFile {
  const lines = createLineIndex(source);
  const context: FastContext = { file, lines, diagnostics: [], positions: {} };
  try {
    return { value: composeFast(source, context), diagnostics: context.diagnostics, positions: context.positions };
  } catch (error) {
    if (!(error instanceof Bail)) throw error;
  }
  if (Array.from(new Parser().parse(source)).some((token) => exceedsDepth(token, 0))) {
    return { value: undefined, diagnostics: [tooDeep(file, lines, 0)], positions: {} };
  }
  return composeSlowly(source, file, lines);
}

function composeFast(source: string, context: FastContext): unknown {
  return composeStream(Array.from(new Parser().parse(source)), context);
}

function located(context: { file: string; lines: LineIndex }, offset: number, code: ErrorCode, message: string, hint?: string): Diagnostic {
  const [line, column] = context.lines.locate(offset);
  return { code, severity: 'error', message, ...(hint ? { hint } : {}), file: context.file, line, column };
}

function tooDeep(file: string, lines: LineIndex, offset: number): Diagnostic {
  return located({ file, lines }, offset, 'CONFIG_YAML_TOO_DEEP', `The YAML nests deeper than ${MAX_DEPTH} levels.`, 'A conecta config is at most a few levels deep; check the indentation.');
}

function forbiddenKey(context: { file: string; lines: LineIndex }, offset: number, key: string): Diagnostic {
  return located(context, offset, 'CONFIG_FORBIDDEN_KEY', `The key \`${key}\` is not allowed.`, 'Keys named __proto__, constructor or prototype are refused for safety; rename or remove it.');
}

// ---------------------------------------------------------------------------------------------
// Fast path

function composeStream(tokens: CST.Token[], context: FastContext): unknown {
  let document: CST.Document | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'document':
        if (document) throw new Bail();
        document = token;
        break;
      case 'comment': case 'space': case 'newline': case 'byte-order-mark': case 'doc-end':
        break;
      default:
        throw new Bail();
    }
  }
  if (!document) return null;
  for (const token of [...document.start, ...(document.end ?? [])]) {
    if (!['doc-start', 'space', 'newline', 'comment'].includes(token.type)) throw new Bail();
  }
  return document.value ? composeNode(document.value, '', 0, context) : null;
}

function composeNode(token: CST.Token, pointer: string, depth: number, context: FastContext): unknown {
  if (depth > MAX_DEPTH) {
    context.diagnostics.push(tooDeep(context.file, context.lines, token.offset));
    return null;
  }
  if (isRecorded(pointer, depth)) context.positions[pointer] = context.lines.locate(token.offset);
  switch (token.type) {
    case 'block-map': return composeBlockMap(token, pointer, depth, context);
    case 'block-seq': return composeBlockSeq(token, pointer, depth, context);
    case 'flow-collection': return composeFlowCollection(token, pointer, depth, context);
    case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': case 'block-scalar':
      return composeScalar(token);
    default:
      throw new Bail();
  }
}

function isRecorded(pointer: string, depth: number): boolean {
  return depth <= 2 || (depth === 3 && pointer.startsWith('/wordFilters/'));
}

function checkSeparators(tokens: readonly CST.SourceToken[], allowed: readonly string[]): void {
  let previous: CST.SourceToken | undefined;
  for (const token of tokens) {
    if (token.type === 'space' && token.source.includes('\t')) throw new Bail();
    if (token.type === 'comment' && previous && previous.type !== 'space' && previous.type !== 'newline') throw new Bail();
    if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comment' && !allowed.includes(token.type)) throw new Bail();
    previous = token;
  }
}

function countOf(tokens: readonly CST.SourceToken[], type: string): number {
  let count = 0;
  for (const token of tokens) if (token.type === type) count += 1;
  return count;
}

function composeKey(key: CST.Token | null | undefined): string {
  if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) throw new Bail();
  if (key.source.includes('\n')) throw new Bail();
  const value = composeScalar(key);
  return typeof value === 'string' ? value : String(value);
}

function setKey(target: Record<string, unknown>, key: string, keyToken: CST.Token, value: () => unknown, context: FastContext): void {
  if (FORBIDDEN_KEYS.has(key)) {
    context.diagnostics.push(forbiddenKey(context, keyToken.offset, key));
    return;
  }
  if (Object.hasOwn(target, key)) {
    context.diagnostics.push(located(context, keyToken.offset, 'CONFIG_YAML_DUPLICATE_KEY', `The key \`${key}\` appears twice in the same map.`, 'Keep one of them; YAML keys must be unique.'));
    return;
  }
  target[key] = value();
}

function composeBlockMap(token: CST.BlockMap, pointer: string, depth: number, context: FastContext): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const item of token.items) {
    checkSeparators(item.start, []);
    if (item.explicitKey || !item.sep) throw new Bail();
    const keyToken = item.key;
    if (!keyToken || !('indent' in keyToken) || keyToken.indent !== token.indent) throw new Bail();
    checkSeparators(item.sep, ['map-value-ind']);
    if (countOf(item.sep, 'map-value-ind') !== 1 || item.sep[0]?.type !== 'map-value-ind') throw new Bail();
    const value = item.value;
    if (value && (value.type === 'block-map' || value.type === 'block-seq') && countOf(item.sep, 'newline') === 0) throw new Bail();
    const key = composeKey(keyToken);
    const childPointer = `${pointer}/${escapePointer(key)}`;
    setKey(result, key, keyToken, () => (value ? composeNode(value, childPointer, depth + 1, context) : null), context);
  }
  return result;
}

function composeBlockSeq(token: CST.BlockSequence, pointer: string, depth: number, context: FastContext): unknown[] {
  const result: unknown[] = [];
  for (const item of token.items) {
    checkSeparators(item.start, ['seq-item-ind']);
    if (countOf(item.start, 'seq-item-ind') !== 1) throw new Bail();
    if ((item as { key?: unknown }).key !== undefined || (item as { sep?: unknown }).sep !== undefined) throw new Bail();
    const childPointer = `${pointer}/${result.length}`;
    result.push(item.value ? composeNode(item.value, childPointer, depth + 1, context) : null);
  }
  return result;
}

function composeFlowCollection(token: CST.FlowCollection, pointer: string, depth: number, context: FastContext): unknown {
  const isMapToken = token.start.source === '{';
  const closing = isMapToken ? 'flow-map-end' : 'flow-seq-end';
  const endTokens = token.end.filter((end) => end.type !== 'space' && end.type !== 'newline' && end.type !== 'comment');
  if (endTokens.length !== 1 || endTokens[0]?.type !== closing) throw new Bail();
  const map: Record<string, unknown> = {};
  const seq: unknown[] = [];
  token.items.forEach((item, index) => {
    checkSeparators(item.start, ['comma']);
    if (countOf(item.start, 'comma') !== (index === 0 ? 0 : 1)) throw new Bail();
    const isLastEmpty = index === token.items.length - 1 && index > 0 && !item.key && !item.sep && !item.value;
    if (isLastEmpty) return;
    if (isMapToken) {
      if (!item.sep || !item.key) throw new Bail();
      checkSeparators(item.sep, ['map-value-ind']);
      if (countOf(item.sep, 'map-value-ind') !== 1) throw new Bail();
      const key = composeKey(item.key);
      const childPointer = `${pointer}/${escapePointer(key)}`;
      const value = item.value;
      setKey(map, key, item.key, () => (value ? composeNode(value, childPointer, depth + 1, context) : null), context);
    } else {
      if (item.key !== undefined || item.sep !== undefined || !item.value) throw new Bail();
      seq.push(composeNode(item.value, `${pointer}/${seq.length}`, depth + 1, context));
    }
  });
  return isMapToken ? map : seq;
}

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INTEGER = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$/;

function composeScalar(token: CST.FlowScalar | CST.BlockScalar): unknown {
  if (token.type === 'block-scalar') {
    for (const prop of token.props) if (prop.type !== 'block-scalar-header' && prop.type !== 'space' && prop.type !== 'newline' && prop.type !== 'comment') throw new Bail();
  }
  let hasError = false;
  const resolved = CST.resolveAsScalar(token, true, () => {
    hasError = true;
  });
  if (hasError || !resolved) throw new Bail();
  if (resolved.type !== 'PLAIN') return resolved.value;
  const text = resolved.value;
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === 'true';
  if (INTEGER.test(text) || FLOAT.test(text)) return Number(text);
  if (SPECIAL.test(text)) throw new Bail();
  return text;
}

function exceedsDepth(token: CST.Token, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  switch (token.type) {
    case 'document': return token.value ? exceedsDepth(token.value, depth) : false;
    case 'block-map': case 'block-seq': case 'flow-collection':
      return token.items.some((item) => (item.key ? exceedsDepth(item.key, depth + 1) : false) || (item.value ? exceedsDepth(item.value, depth + 1) : false));
    default: return false;
  }
}

export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

// ---------------------------------------------------------------------------------------------
// Slow path: yaml's composer, for files outside the fast subset.

const SYNTAX_CODES: Record<string, ErrorCode> = {
  DUPLICATE_KEY: 'CONFIG_YAML_DUPLICATE_KEY',
  TAG_RESOLVE_FAILED: 'CONFIG_YAML_TAG',
  BAD_ALIAS: 'CONFIG_YAML_ALIAS',
};

function composeSlowly(source: string, file: string, lines: LineIndex): ComposedFile {
  const context = { file, lines };
  const documents = parseAllDocuments(source, { strict: true, uniqueKeys: true, merge: false, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > 1) {
    const second = list[1] as Document;
    return { value: undefined, diagnostics: [located(context, second.range?.[0] ?? 0, 'CONFIG_YAML_MULTIPLE_DOCUMENTS', 'A config file holds one YAML document; this one has several (`---`).', 'Split the documents into separate files.')], positions: {} };
  }
  const document = list[0];
  if (!document) return { value: null, diagnostics: [], positions: {} };
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    const diagnostics = problems.map((problem) => {
      const code = SYNTAX_CODES[problem.code] ?? 'CONFIG_YAML_SYNTAX';
      const message = problem.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      const hint = code === 'CONFIG_YAML_TAG' ? 'Tags (`!name`, `!!type`) are not supported; write a plain value, and `${env:NAME}` for values from the environment.' : code === 'CONFIG_YAML_DUPLICATE_KEY' ? 'Keep one of them; YAML keys must be unique.' : 'Fix the YAML syntax at this place.';
      const text = code === 'CONFIG_YAML_TAG' ? `Tags are not allowed: ${message.replace(/^Unresolved tag: /, '')}.` : code === 'CONFIG_YAML_DUPLICATE_KEY' ? 'A key appears twice in the same map.' : `${message.replace(/\.$/, '')}.`;
      return located(context, problem.pos[0], code, text, hint);
    });
    return { value: undefined, diagnostics, positions: {} };
  }
  const positions: Record<string, [number, number]> = {};
  let firstAlias = 0;
  visit(document, {
    Alias: (_key, node) => {
      if (firstAlias === 0) firstAlias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { value: undefined, diagnostics: [located(context, firstAlias, 'CONFIG_YAML_ALIAS_LIMIT', 'The aliases in this file expand too much (a possible "billion laughs" attack).', `At most ${MAX_ALIAS_COUNT} alias expansions are allowed; write the values out instead.`)], positions: {} };
  }
  const diagnostics: Diagnostic[] = [];
  const isSafe = checkComposedValue(value, [], new Set(), { count: 0 }, document, context, diagnostics);
  recordPositions(document, positions, lines);
  return { value: isSafe ? value : undefined, diagnostics, positions };
}

/** Refuses cycles, forbidden keys, absurd depth and expansions past the node budget. */
function checkComposedValue(value: unknown, path: string[], ancestors: Set<unknown>, budget: { count: number }, document: Document, context: { file: string; lines: LineIndex }, diagnostics: Diagnostic[]): boolean {
  budget.count += 1;
  if (budget.count > MAX_NODES) {
    diagnostics.push(located(context, 0, 'CONFIG_YAML_ALIAS_LIMIT', 'The aliases in this file expand too much (a possible "billion laughs" attack).', 'Write the values out instead of aliasing large structures.'));
    return false;
  }
  if (value === null || typeof value !== 'object') return true;
  const offset = () => nodeOffset(document, path);
  if (ancestors.has(value)) {
    diagnostics.push(located(context, offset(), 'CONFIG_YAML_ALIAS_CYCLE', 'An alias refers to a node that contains it (a cycle).', 'Remove the alias or point it at a node outside itself.'));
    return false;
  }
  if (path.length > MAX_DEPTH) {
    diagnostics.push(tooDeep(context.file, context.lines, offset()));
    return false;
  }
  ancestors.add(value);
  let isSafe = true;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
      diagnostics.push(forbiddenKey(context, nodeOffset(document, [...path, key], true), key));
      isSafe = false;
      continue;
    }
    if (!checkComposedValue(child, [...path, key], ancestors, budget, document, context, diagnostics)) isSafe = false;
    if (!isSafe && diagnostics.length > 100) break;
  }
  ancestors.delete(value);
  return isSafe;
}

function nodeOffset(document: Document, path: readonly string[], isKey = false): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const [index, segment] of path.entries()) {
    while (isAlias(node)) node = (node as { resolve(document: Document): unknown }).resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === segment);
      if (!pair) return offset;
      const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (isKey && index === path.length - 1 && keyRange) return keyRange[0];
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return offset;
    }
    offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
  }
  return offset;
}

function recordPositions(document: Document, positions: Record<string, [number, number]>, lines: LineIndex): void {
  const root = document.contents;
  if (!isMap(root)) return;
  for (const pair of root.items) {
    const kind = String((pair.key as { value?: unknown } | null)?.value ?? '');
    const kindNode = pair.value as { range?: [number, number, number] } | null;
    if (kindNode?.range) positions[`/${escapePointer(kind)}`] = lines.locate(kindNode.range[0]);
    const items = isSeq(kindNode) ? [['', kindNode] as const] : isMap(kindNode) && kind === 'wordFilters' ? kindNode.items.map((list) => [`/${String((list.key as { value?: unknown } | null)?.value ?? '')}`, list.value] as const) : [];
    for (const [prefix, seq] of items) {
      if (prefix && (seq as { range?: [number, number, number] } | null)?.range) positions[`/${kind}${prefix}`] = lines.locate((seq as { range: [number, number, number] }).range[0]);
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, index) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (range) positions[`/${escapePointer(kind)}${prefix}/${index}`] = lines.locate(range[0]);
      });
    }
  }
}
