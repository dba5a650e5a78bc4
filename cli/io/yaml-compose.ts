/**
 * Turns the text of one YAML file into plain JS values, fast and safely, on two paths:
 *
 * - files in the plain block-style subset configs are written in go through the line scanner
 *   (yaml-fast.ts), about 10× faster than `yaml`;
 * - every other file goes to `yaml`'s composer, which stays the reference: precise errors,
 *   bounded alias expansion.
 *
 * The limits (depth, forbidden keys) and the positions recorded are shared (yaml-limits.ts); the
 * scanner declines a file that breaks a limit, and the composer path below reports it. A
 * duplicate key is reported at its second occurrence and the first value is kept.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, type CST, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ErrorCode } from '../core/error-codes.js';
import { appendPointer } from '../core/json-pointer.js';
import { createLineIndex, type LineIndex } from './config-line-index.js';
import { scanYaml } from './yaml-fast.js';
import { FORBIDDEN_KEYS, isRecordedPosition, MAX_DEPTH } from './yaml-limits.js';

export { MAX_DEPTH } from './yaml-limits.js';
export const MAX_ALIAS_COUNT = 100;
/** Expanded nodes allowed in one file once aliases are resolved. */
export const MAX_NODES = 2_000_000;

export interface ComposedFile {
  /** The document's value; undefined when the file could not be read as YAML. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line and column of the nodes yaml-limits.ts records (`/kind`, `/kind/index`, …). */
  positions: Record<string, [number, number]>;
}

interface Context {
  file: string;
  lines: LineIndex;
  source: string;
}

export function composeYaml(source: string, file: string): ComposedFile {
  const scanned = scanYaml(source, MAX_DEPTH);
  if (scanned) return { value: scanned.value, diagnostics: [], positions: scanned.positions };
  return composeWithParser(source, file);
}

const SYNTAX_CODES: Record<string, ErrorCode> = {
  DUPLICATE_KEY: 'CONFIG_YAML_DUPLICATE_KEY',
  TAG_RESOLVE_FAILED: 'CONFIG_YAML_TAG',
  BAD_ALIAS: 'CONFIG_YAML_ALIAS',
};

/** `yaml`'s composer: for the files the line scanner declines. */
export function composeWithParser(source: string, file: string): ComposedFile {
  const context: Context = { file, lines: createLineIndex(source), source };
  const tokens = Array.from(new Parser().parse(source));
  // The composer recurses per level: refuse absurd nesting before it runs.
  const deep = tokens.map((token) => findTooDeep(token, 0)).find((offset) => offset !== undefined);
  if (deep !== undefined) return { value: undefined, diagnostics: [tooDeep(context, deep)], positions: {} };
  // Every tag is refused, known ones included: `!!binary` would become a Buffer, `!!timestamp` a
  // Date, `!!set` a map of nulls, silently.
  const tags = tokens.flatMap(findTags);
  if (tags.length > 0) return { value: undefined, diagnostics: tags.map((tag) => describeTag(context, tag)), positions: {} };
  const documents = Array.from(new Composer({ strict: true, uniqueKeys: false, merge: false, prettyErrors: false }).compose(tokens));
  if (documents.length > 1) {
    const second = documents[1] as Document;
    return { value: undefined, diagnostics: [located(context, second.range?.[0] ?? 0, 'CONFIG_YAML_MULTIPLE_DOCUMENTS', 'A config file holds one YAML document; this one has several (`---`).', 'Split the documents into separate files.')], positions: {} };
  }
  const document = documents[0];
  if (!document) return { value: null, diagnostics: [], positions: {} };
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    const unterminated = tokens.flatMap(findUnterminatedQuotes)[0];
    return { value: undefined, diagnostics: problems.map((problem) => describeSyntaxProblem(context, problem.code, problem.message, problem.pos[0], unterminated)), positions: {} };
  }
  const diagnostics = dropDuplicateKeys(document, context);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { value: undefined, diagnostics: [located(context, findFirstAlias(document), 'CONFIG_YAML_ALIAS_LIMIT', 'The aliases in this file expand too much (a possible "billion laughs" attack).', `At most ${MAX_ALIAS_COUNT} alias expansions are allowed; write the values out instead.`)], positions: {} };
  }
  const isSafe = checkComposedValue(value, [], new Set(), { count: 0 }, document, context, diagnostics);
  return { value: isSafe ? value : undefined, diagnostics, positions: recordPositions(document, context.lines) };
}

function located(context: Context, offset: number, code: ErrorCode, message: string, hint?: string): Diagnostic {
  const [line, column] = context.lines.locate(offset);
  return { code, severity: 'error', message, ...(hint ? { hint } : {}), file: context.file, line, column };
}

function tooDeep(context: Context, offset: number): Diagnostic {
  return located(context, offset, 'CONFIG_YAML_TOO_DEEP', `The YAML nests deeper than ${MAX_DEPTH} levels.`, 'A conecta config is at most a few levels deep; check the indentation.');
}

function forbiddenKey(context: Context, offset: number, key: string): Diagnostic {
  return located(context, offset, 'CONFIG_FORBIDDEN_KEY', `The key \`${key}\` is not allowed.`, 'Keys named __proto__, constructor or prototype are refused for safety; rename or remove it.');
}

function describeSyntaxProblem(context: Context, yamlCode: string, yamlMessage: string, offset: number, unterminated?: CST.SourceToken | CST.FlowScalar): Diagnostic {
  if (unterminated && /closing .?quote/i.test(yamlMessage)) return describeUnterminatedQuote(context, unterminated, offset);
  const tabHint = 'Replace the tab with spaces (two per level, like the lines above); set your editor to insert spaces in .yaml files.';
  if (yamlCode === 'TAB_AS_INDENT') return located(context, offset, 'CONFIG_YAML_SYNTAX', 'This line is indented with a tab; YAML indents with spaces only.', tabHint);
  // A tab among the spaces of an indentation makes other errors ("must start at the same column").
  const lineStart = context.source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const hasIndentTab = /^ *\t/.test(context.source.slice(lineStart, lineStart + 200));
  const code = SYNTAX_CODES[yamlCode] ?? 'CONFIG_YAML_SYNTAX';
  const message = yamlMessage.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  const hint = code === 'CONFIG_YAML_TAG' ? 'Tags (`!name`, `!!type`) are not supported; write a plain value, and `${env:NAME}` for values from the environment.' : code === 'CONFIG_YAML_DUPLICATE_KEY' ? 'Keep one of them; YAML keys must be unique.' : hasIndentTab ? `The indentation of this line holds a tab (shown as → above). ${tabHint}` : 'Fix the YAML syntax at this place.';
  const text = code === 'CONFIG_YAML_TAG' ? `Tags are not allowed: ${message.replace(/^Unresolved tag: /, '')}.` : code === 'CONFIG_YAML_DUPLICATE_KEY' ? 'A key appears twice in the same map.' : `${message.replace(/\.$/, '')}.`;
  return located(context, offset, code, text, hint);
}

/**
 * An unterminated quote is reported where it opened (the parser only notices at the end of the
 * file, or of the flow collection); the parser's own position is kept as a second place.
 */
function describeUnterminatedQuote(context: Context, token: CST.SourceToken | CST.FlowScalar, parserOffset: number): Diagnostic {
  const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
  const diagnostic = located(context, token.offset, 'CONFIG_YAML_SYNTAX', `This ${quote === '"' ? 'double' : 'single'} quote (${quote}) is never closed: the value runs on to the end of the file.`, `Close the quote on this line (${quote}…${quote}); in a ${quote === '"' ? 'double-quoted value write \\" for a quote' : "single-quoted value write '' for a quote"}.`);
  const [line, column] = context.lines.locate(parserOffset);
  return { ...diagnostic, related: [{ message: 'where the YAML parser gave up', file: context.file, line, column }] };
}

/** The CST tokens below `token` (itself included) that `isWanted` accepts, by offset. */
function collectTokens<T extends { offset: number }>(token: unknown, isWanted: (record: Record<string, unknown>) => boolean): T[] {
  const found: T[] = [];
  const pending: unknown[] = [token];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) pending.push(...item);
    else if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (typeof record.offset === 'number' && isWanted(record)) found.push(record as unknown as T);
      for (const value of Object.values(record)) if (value !== null && typeof value === 'object') pending.push(value);
    }
  }
  return found.sort((left, right) => left.offset - right.offset);
}

/** Every tag (`!x`, `!!type`, `!<…>`) in a CST token, with its offset. */
function findTags(token: unknown): CST.SourceToken[] {
  return collectTokens(token, (record) => record.type === 'tag');
}

function describeTag(context: Context, tag: CST.SourceToken): Diagnostic {
  return located(context, tag.offset, 'CONFIG_YAML_TAG', `Tags are not allowed: ${tag.source}.`, 'Tags (`!name`, `!!type`) are not supported; write a plain value, and `${env:NAME}` for values from the environment.');
}

/** Quoted scalars whose closing quote is missing. */
function findUnterminatedQuotes(token: unknown): CST.FlowScalar[] {
  return collectTokens(token, (record) => (record.type === 'double-quoted-scalar' || record.type === 'single-quoted-scalar') && typeof record.source === 'string' && !isQuoteClosed(record.source));
}

function isQuoteClosed(source: string): boolean {
  const quote = source[0];
  for (let index = 1; index < source.length; index += 1) {
    const char = source[index];
    if (quote === '"' && char === '\\') index += 1;
    else if (quote === "'" && char === "'" && source[index + 1] === "'") index += 1;
    else if (char === quote) return index === source.length - 1 || source.slice(index + 1).trim() === '';
  }
  return false;
}

/** The offset of the first collection nested deeper than MAX_DEPTH, if any. */
function findTooDeep(token: CST.Token, depth: number): number | undefined {
  if (depth > MAX_DEPTH) return token.offset;
  switch (token.type) {
    case 'document': return token.value ? findTooDeep(token.value, depth) : undefined;
    case 'block-map': case 'block-seq': case 'flow-collection':
      for (const item of token.items) {
        const offset = (item.key ? findTooDeep(item.key, depth + 1) : undefined) ?? (item.value ? findTooDeep(item.value, depth + 1) : undefined);
        if (offset !== undefined) return offset;
      }
      return undefined;
    default: return undefined;
  }
}

/** Reports each key that repeats in its map at the repetition and removes that pair: the first value stays. */
function dropDuplicateKeys(document: Document, context: Context): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending: unknown[] = [document.contents];
  const seenNodes = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (seenNodes.has(node)) continue;
    seenNodes.add(node);
    if (isMap(node)) {
      const keys = new Set<string>();
      node.items = node.items.filter((pair) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        pending.push(pair.value);
        if (key === undefined) return true;
        if (!keys.has(key)) {
          keys.add(key);
          return true;
        }
        diagnostics.push(located(context, rangeStart(pair.key) ?? 0, 'CONFIG_YAML_DUPLICATE_KEY', `The key \`${key}\` appears twice in the same map.`, 'Keep one of them; YAML keys must be unique.'));
        return false;
      });
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return diagnostics;
}

function findFirstAlias(document: Document): number {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.shift();
    if (isAlias(node)) return rangeStart(node) ?? 0;
    if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
    else if (isSeq(node)) pending.push(...node.items);
  }
  return 0;
}

/** Refuses cycles, forbidden keys, absurd depth and expansions past the node budget. */
function checkComposedValue(value: unknown, path: string[], ancestors: Set<unknown>, budget: { count: number }, document: Document, context: Context, diagnostics: Diagnostic[]): boolean {
  budget.count += 1;
  if (budget.count > MAX_NODES) {
    diagnostics.push(located(context, 0, 'CONFIG_YAML_ALIAS_LIMIT', 'The aliases in this file expand too much (a possible "billion laughs" attack).', 'Write the values out instead of aliasing large structures.'));
    return false;
  }
  if (value === null || typeof value !== 'object') return true;
  const offset = () => findNodeOffset(document, path) ?? 0;
  if (ancestors.has(value)) {
    diagnostics.push(located(context, offset(), 'CONFIG_YAML_ALIAS_CYCLE', 'An alias refers to a node that contains it (a cycle).', 'Remove the alias or point it at a node outside itself.'));
    return false;
  }
  if (path.length > MAX_DEPTH) {
    diagnostics.push(tooDeep(context, offset()));
    return false;
  }
  ancestors.add(value);
  let isSafe = true;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
      diagnostics.push(forbiddenKey(context, findNodeOffset(document, [...path, key], true) ?? 0, key));
      isSafe = false;
      continue;
    }
    if (!checkComposedValue(child, [...path, key], ancestors, budget, document, context, diagnostics)) isSafe = false;
    if (!isSafe && diagnostics.length > 100) break;
  }
  ancestors.delete(value);
  return isSafe;
}

/**
 * The offset of the node at `path` (of its key with `isKey`), following aliases; where the path
 * stops existing, the last node found. Undefined for an empty document. Shared with
 * config-locate.ts, which places diagnostics by JSON pointer.
 */
export function findNodeOffset(document: Document, path: readonly string[], isKey = false): number | undefined {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of path.entries()) {
    while (isAlias(node)) node = (node as { resolve(document: Document): unknown }).resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) return offset;
      if (isKey && index === path.length - 1) return rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return offset;
    }
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/** The positions yaml-limits.ts names, read from the composed document. */
function recordPositions(document: Document, lines: LineIndex): Record<string, [number, number]> {
  const positions: Record<string, [number, number]> = {};
  const visit = (node: unknown, pointer: string, depth: number) => {
    const start = rangeStart(node);
    if (depth > 0 && start !== undefined && isRecordedPosition(pointer, depth)) positions[pointer] = lines.locate(start);
    if (depth >= 3) return;
    if (isMap(node)) for (const pair of node.items) visit(pair.value, appendPointer(pointer, String(isScalar(pair.key) ? pair.key.value : pair.key)), depth + 1);
    else if (isSeq(node)) node.items.forEach((item, index) => visit(item, appendPointer(pointer, index), depth + 1));
  };
  visit(document.contents, '', 0);
  return positions;
}
