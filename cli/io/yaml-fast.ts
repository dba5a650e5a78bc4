/**
 * A line scanner for the block-style YAML subset configs are written in, about 10× faster than
 * `yaml`'s CST parser on large files.
 *
 * It reads block maps and sequences (`- key: value` compact maps too), plain, single- and
 * double-quoted scalars on one line, flow sequences and maps on one line (JSON-like `{"k":"v"}`
 * too), literal and folded
 * block scalars (`|`, `|-`, `>`, `>-`), comments, blank lines and one leading `---`. Scalars are
 * typed like `yaml`'s default YAML 1.2 core schema. On anything else — anchors, aliases, tags,
 * complex keys, multi-line plain or quoted scalars, tabs, carriage returns, directives, several
 * documents, duplicate or forbidden keys, a depth past the limit, any doubt — it returns
 * undefined and the caller uses the `yaml` parser, which stays the reference (see
 * yaml-compose.ts).
 */

import { appendPointer } from '../core/json-pointer.js';
import { FORBIDDEN_KEYS, isRecordedPosition } from './yaml-limits.js';

export interface ScannedYaml {
  value: unknown;
  /** 1-based line and column of the nodes that yaml-limits.ts says to record. */
  positions: Record<string, [number, number]>;
}

class Bail extends Error {}

/** Characters that cannot start a plain scalar (c-indicator), except `-`, `?`, `:` handled apart. */
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`']);
const MAX_KEY_LENGTH = 1000;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Returns the document's value and positions, or undefined when the text is outside the subset. */
export function scanYaml(source: string, maxDepth: number): ScannedYaml | undefined {
  if (hasUnsupportedCharacter(source)) return undefined;
  try {
    return new Scanner(source, maxDepth).scanDocument();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

/** Characters the scanner leaves to `yaml`: tabs, CR and other controls, NEL, LS/PS, BOM. */
function hasUnsupportedCharacter(source: string): boolean {
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if ((code < 32 && code !== 10) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  }
  return false;
}

/** Resolves a plain scalar as the YAML 1.2 core schema does (same tests, same order as `yaml`). */
function resolvePlainScalar(text: string): unknown {
  const first = text.charCodeAt(0);
  const isPlainWord = (first >= 97 && first <= 122 && first !== 102 && first !== 110 && first !== 116) || (first >= 65 && first <= 90 && first !== 70 && first !== 78 && first !== 84) || first > 127;
  if (isPlainWord) return text;
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** The pointer of a child, only built while positions may still be recorded (depth ≤ 3). */
function joinPointer(pointer: string, segment: string | number, childDepth: number): string {
  if (childDepth > 3) return '';
  return appendPointer(pointer, segment);
}


class Scanner {
  private readonly positions: Record<string, [number, number]> = {};
  /** Current line: its start offset, end offset (the `\n` or the end), number and indentation. */
  private start = 0;
  private end = 0;
  private line = 0;
  private indent = 0;
  private isEof = false;

  constructor(private readonly source: string, private readonly maxDepth: number) {
    this.enterLine(0);
  }

  scanDocument(): ScannedYaml {
    this.skipBlankLines();
    if (!this.isEof && this.source.startsWith('---', this.start)) {
      this.finishLine(this.start + 3);
    } else {
      this.checkNotMarker();
    }
    if (this.isEof || this.indent !== 0) throw new Bail();
    const value = this.scanBlockNode('', 0);
    if (!this.isEof) throw new Bail();
    return { value, positions: this.positions };
  }

  // -------------------------------------------------------------------------------------------
  // Lines

  private enterLine(start: number): void {
    if (start > this.source.length) {
      this.isEof = true;
      return;
    }
    this.start = start;
    const newline = this.source.indexOf('\n', start);
    this.end = newline === -1 ? this.source.length : newline;
    let column = start;
    while (column < this.end && this.source.charCodeAt(column) === SPACE) column += 1;
    this.indent = column - start;
  }

  private nextLine(): void {
    this.line += 1;
    this.enterLine(this.end + 1);
  }

  private isBlankOrComment(): boolean {
    const first = this.start + this.indent;
    return first === this.end || this.source.charCodeAt(first) === HASH;
  }

  private skipBlankLines(): void {
    while (!this.isEof && this.isBlankOrComment()) this.nextLine();
  }

  /** Moves to the next line with content; refuses document markers (`---`, `...`) there. */
  private nextContent(): void {
    this.nextLine();
    this.skipBlankLines();
    this.checkNotMarker();
  }

  private checkNotMarker(): void {
    if (this.isEof || this.indent !== 0) return;
    const source = this.source;
    if (source.startsWith('---', this.start) || source.startsWith('...', this.start) || source.charCodeAt(this.start) === 37) throw new Bail();
  }

  /** The rest of the line from `offset` must be spaces and maybe a comment; then moves on. */
  private finishLine(offset: number): void {
    let index = offset;
    while (index < this.end && this.source.charCodeAt(index) === SPACE) index += 1;
    if (index < this.end && !(index > offset && this.source.charCodeAt(index) === HASH)) throw new Bail();
    this.nextContent();
  }

  private isSeqItem(): boolean {
    const first = this.start + this.indent;
    return this.source.charCodeAt(first) === DASH && (first + 1 === this.end || this.source.charCodeAt(first + 1) === SPACE);
  }

  private record(pointer: string, depth: number, offset: number): void {
    if (isRecordedPosition(pointer, depth)) this.positions[pointer] = [this.line + 1, offset - this.start + 1];
  }

  // -------------------------------------------------------------------------------------------
  // Block collections

  /** The current line holds a block sequence or map more indented than its parent. */
  private scanBlockNode(pointer: string, depth: number): unknown {
    if (depth > this.maxDepth) throw new Bail();
    this.record(pointer, depth, this.start + this.indent);
    return this.isSeqItem() ? this.scanSequence(this.indent, pointer, depth) : this.scanMap(this.indent, this.start + this.indent, pointer, depth);
  }

  private scanSequence(indent: number, pointer: string, depth: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const itemPointer = joinPointer(pointer, items.length, depth + 1);
      if (depth + 1 > this.maxDepth) throw new Bail();
      const dash = this.start + indent;
      let offset = dash + 1;
      while (offset < this.end && this.source.charCodeAt(offset) === SPACE) offset += 1;
      if (offset === this.end || (offset > dash + 1 && this.source.charCodeAt(offset) === HASH)) {
        if (offset < this.end) this.finishLine(offset);
        else this.nextContent();
        items.push(!this.isEof && this.indent > indent ? this.scanBlockNode(itemPointer, depth + 1) : null);
      } else if (this.source.charCodeAt(offset) === DASH && (offset + 1 === this.end || this.source.charCodeAt(offset + 1) === SPACE)) {
        throw new Bail();
      } else if (this.findKeyEnd(offset) !== -1) {
        this.record(itemPointer, depth + 1, offset);
        items.push(this.scanMap(offset - this.start, offset, itemPointer, depth + 1));
      } else {
        items.push(this.scanInlineValue(offset, indent, itemPointer, depth + 1));
      }
      if (this.isEof || this.indent < indent) return items;
      if (this.indent > indent) throw new Bail();
      if (!this.isSeqItem()) return items;
    }
  }

  /** A map whose first key starts at `offset` on the current line; its keys sit at `indent`. */
  private scanMap(indent: number, offset: number, pointer: string, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let keyOffset = offset;
    for (;;) {
      this.scanEntry(map, indent, keyOffset, pointer, depth);
      if (this.isEof || this.indent < indent) return map;
      if (this.indent > indent) throw new Bail();
      if (this.isSeqItem()) return map;
      keyOffset = this.start + this.indent;
    }
  }

  private scanEntry(map: Record<string, unknown>, indent: number, offset: number, pointer: string, depth: number): void {
    const colon = this.findKeyEnd(offset);
    if (colon === -1) throw new Bail();
    const key = this.scanKey(offset, colon);
    if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(map, key)) throw new Bail();
    const childPointer = joinPointer(pointer, key, depth + 1);
    let valueOffset = colon + 1;
    while (valueOffset < this.end && this.source.charCodeAt(valueOffset) === SPACE) valueOffset += 1;
    if (valueOffset < this.end && this.source.charCodeAt(valueOffset) !== HASH) {
      map[key] = this.scanInlineValue(valueOffset, indent, childPointer, depth + 1);
      return;
    }
    this.finishLine(valueOffset);
    const hasBlock = !this.isEof && (this.indent > indent || (this.indent === indent && this.isSeqItem()));
    map[key] = hasBlock ? this.scanBlockNode(childPointer, depth + 1) : null;
  }

  /**
   * Where the `:` of an implicit key starting at `offset` is (followed by a space or the end of
   * the line), or -1 when the line holds no key there.
   */
  private findKeyEnd(offset: number): number {
    const source = this.source;
    const first = source.charCodeAt(offset);
    let index = offset;
    if (first === 34 || first === 39) {
      index = this.scanQuoted(offset)[1];
      while (index < this.end && source.charCodeAt(index) === SPACE) index += 1;
      return source.charCodeAt(index) === COLON && (index + 1 === this.end || source.charCodeAt(index + 1) === SPACE) ? index : -1;
    }
    if (INDICATORS.has(source[offset] as string)) return -1;
    for (; index < this.end; index += 1) {
      const code = source.charCodeAt(index);
      if (code === COLON && (index + 1 === this.end || source.charCodeAt(index + 1) === SPACE)) return index;
      if (code === HASH && source.charCodeAt(index - 1) === SPACE) return -1;
    }
    return -1;
  }

  private scanKey(offset: number, colon: number): string {
    if (colon - offset > MAX_KEY_LENGTH) throw new Bail();
    const first = this.source.charCodeAt(offset);
    if (first === 34 || first === 39) return this.scanQuoted(offset)[0];
    if (first === DASH || first === 63 || first === COLON) throw new Bail();
    const text = this.source.slice(offset, colon).trimEnd();
    if (resolvePlainScalar(text) !== text) throw new Bail();
    return text;
  }

  // -------------------------------------------------------------------------------------------
  // Values on one line

  /** A value starting at `offset` after `key:` or `- `; the next line must be back at `parentIndent`. */
  private scanInlineValue(offset: number, parentIndent: number, pointer: string, depth: number): unknown {
    if (depth > this.maxDepth) throw new Bail();
    this.record(pointer, depth, offset);
    const code = this.source.charCodeAt(offset);
    let value: unknown;
    if (code === 124 || code === 62) return this.scanBlockScalar(offset, parentIndent);
    if (code === 91 || code === 123) {
      const [flow, end] = this.scanFlow(offset, pointer, depth);
      value = flow;
      this.finishLine(end);
    } else if (code === 34 || code === 39) {
      const [text, end] = this.scanQuoted(offset);
      value = text;
      this.finishLine(end);
    } else {
      value = resolvePlainScalar(this.scanPlain(offset));
      this.nextContent();
    }
    if (!this.isEof && this.indent > parentIndent) throw new Bail();
    return value;
  }

  /** A plain scalar running to the end of the line or a comment. */
  private scanPlain(offset: number): string {
    const source = this.source;
    const first = source.charCodeAt(offset);
    if (INDICATORS.has(source[offset] as string)) throw new Bail();
    if ((first === DASH || first === 63 || first === COLON) && (offset + 1 === this.end || source.charCodeAt(offset + 1) === SPACE)) throw new Bail();
    let end = this.end;
    for (let index = offset + 1; index < this.end; index += 1) {
      const code = source.charCodeAt(index);
      if (code === COLON && (index + 1 === this.end || source.charCodeAt(index + 1) === SPACE)) throw new Bail();
      if (code === HASH && source.charCodeAt(index - 1) === SPACE) {
        end = index;
        break;
      }
    }
    return source.slice(offset, end).trimEnd();
  }

  /** A single- or double-quoted scalar closed on the same line: its value and the offset after it. */
  private scanQuoted(offset: number): [string, number] {
    const source = this.source;
    if (source.charCodeAt(offset) === 39) {
      let text = '';
      let from = offset + 1;
      for (;;) {
        const quote = source.indexOf("'", from);
        if (quote === -1 || quote >= this.end) throw new Bail();
        text += source.slice(from, quote);
        if (source.charCodeAt(quote + 1) !== 39) return [text, quote + 1];
        text += "'";
        from = quote + 2;
      }
    }
    const quote = source.indexOf('"', offset + 1);
    if (quote === -1 || quote >= this.end) throw new Bail();
    const raw = source.slice(offset + 1, quote);
    if (!raw.includes('\\')) return [raw, quote + 1];
    let text = '';
    for (let index = offset + 1; index < this.end; index += 1) {
      const character = source[index] as string;
      if (character === '"') return [text, index + 1];
      if (character !== '\\') {
        text += character;
        continue;
      }
      const escape = source[index + 1] ?? '';
      const simple = ESCAPES[escape];
      const length = HEX_LENGTHS[escape];
      if (simple !== undefined) {
        text += simple;
        index += 1;
      } else if (length !== undefined) {
        const hex = source.slice(index + 2, index + 2 + length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw new Bail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw new Bail();
        text += String.fromCodePoint(code);
        index += 1 + length;
      } else {
        throw new Bail();
      }
    }
    throw new Bail();
  }

  /** A flow sequence or map closed on the same line: its value and the offset after it. */
  private scanFlow(offset: number, pointer: string, depth: number): [unknown, number] {
    const source = this.source;
    const isMap = source.charCodeAt(offset) === 123;
    const closing = isMap ? 125 : 93;
    const map: Record<string, unknown> = {};
    const items: unknown[] = [];
    let index = this.skipSpaces(offset + 1);
    if (source.charCodeAt(index) === closing) return [isMap ? map : items, index + 1];
    for (;;) {
      if (index >= this.end) throw new Bail();
      if (isMap) {
        const [key, afterKey] = this.scanFlowScalar(index, closing, true);
        if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key) || Object.hasOwn(map, key)) throw new Bail();
        // After a quoted (JSON-like) key the value may follow the colon at once: `{"name":"SAC"}`.
        const isJsonLikeKey = source.charCodeAt(index) === 34 || source.charCodeAt(index) === 39;
        if (source.charCodeAt(afterKey) !== COLON || (source.charCodeAt(afterKey + 1) !== SPACE && !isJsonLikeKey)) throw new Bail();
        const valueOffset = this.skipSpaces(afterKey + 1);
        const [value, afterValue] = this.scanFlowItem(valueOffset, closing, joinPointer(pointer, key, depth + 1), depth + 1);
        map[key] = value;
        index = afterValue;
      } else {
        const [value, afterValue] = this.scanFlowItem(index, closing, joinPointer(pointer, items.length, depth + 1), depth + 1);
        items.push(value);
        index = afterValue;
      }
      index = this.skipSpaces(index);
      const code = source.charCodeAt(index);
      if (code === 44) {
        index = this.skipSpaces(index + 1);
        if (source.charCodeAt(index) === closing) return [isMap ? map : items, index + 1];
      } else if (code === closing) {
        return [isMap ? map : items, index + 1];
      } else {
        throw new Bail();
      }
    }
  }

  private skipSpaces(offset: number): number {
    let index = offset;
    while (index < this.end && this.source.charCodeAt(index) === SPACE) index += 1;
    return index;
  }

  private scanFlowItem(offset: number, closing: number, pointer: string, depth: number): [unknown, number] {
    if (depth > this.maxDepth || offset >= this.end) throw new Bail();
    this.record(pointer, depth, offset);
    const code = this.source.charCodeAt(offset);
    if (code === 91 || code === 123) return this.scanFlow(offset, pointer, depth);
    const [value, end] = this.scanFlowScalar(offset, closing, false);
    if (this.source.charCodeAt(this.skipSpaces(end)) === COLON) throw new Bail();
    return [value, end];
  }

  /** A quoted or plain scalar inside a flow collection; a key's plain scalar stops at `: `. */
  private scanFlowScalar(offset: number, closing: number, isKey: boolean): [unknown, number] {
    const source = this.source;
    const first = source.charCodeAt(offset);
    if (first === 34 || first === 39) return this.scanQuoted(offset);
    if (INDICATORS.has(source[offset] as string)) throw new Bail();
    if ((first === DASH || first === 63 || first === COLON) && (offset + 1 === this.end || isFlowBreak(source.charCodeAt(offset + 1)))) throw new Bail();
    let index = offset + 1;
    for (; index < this.end; index += 1) {
      const code = source.charCodeAt(index);
      if (code === 44 || code === closing) break;
      if (code === 91 || code === 93 || code === 123 || code === 125) throw new Bail();
      if (code === HASH && source.charCodeAt(index - 1) === SPACE) throw new Bail();
      if (code === COLON) {
        const next = source.charCodeAt(index + 1);
        if (index + 1 === this.end || isFlowBreak(next)) {
          if (isKey && next === SPACE) break;
          throw new Bail();
        }
      }
    }
    if (index >= this.end) throw new Bail();
    const text = source.slice(offset, index).trimEnd();
    const value = resolvePlainScalar(text);
    if (isKey && value !== text) throw new Bail();
    return [value, index];
  }

  // -------------------------------------------------------------------------------------------
  // Block scalars

  private scanBlockScalar(offset: number, parentIndent: number): string {
    const source = this.source;
    const isFolded = source.charCodeAt(offset) === 62;
    let index = offset + 1;
    const isStripped = source.charCodeAt(index) === DASH;
    if (isStripped) index += 1;
    const afterHeader = this.skipSpaces(index);
    if (afterHeader < this.end && !(afterHeader > index && source.charCodeAt(afterHeader) === HASH)) throw new Bail();
    const lines: string[] = [];
    let contentIndent = -1;
    let longestLeadingBlank = 0;
    this.nextLine();
    while (!this.isEof) {
      const length = this.end - this.start;
      if (this.indent === length) {
        if (contentIndent === -1) longestLeadingBlank = Math.max(longestLeadingBlank, length);
        else if (length > contentIndent) throw new Bail();
        lines.push('');
        this.nextLine();
        continue;
      }
      if (this.indent <= parentIndent) break;
      if (contentIndent === -1) {
        contentIndent = this.indent;
        if (longestLeadingBlank > contentIndent) throw new Bail();
      } else if (this.indent < contentIndent) {
        throw new Bail();
      }
      if (isFolded && this.indent > contentIndent) throw new Bail();
      lines.push(source.slice(this.start + contentIndent, this.end));
      this.nextLine();
    }
    this.skipBlankLines();
    this.checkNotMarker();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return '';
    const body = isFolded ? foldLines(lines) : lines.join('\n');
    return isStripped ? body : `${body}\n`;
  }
}

/** A space or a flow indicator (`,[]{}`). */
function isFlowBreak(code: number): boolean {
  return code === SPACE || code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}

/** Folds the lines of a `>` scalar whose lines all sit at the content indentation. */
function foldLines(lines: readonly string[]): string {
  let text = '';
  let blanks = 0;
  let hasText = false;
  for (const line of lines) {
    if (line === '') {
      blanks += 1;
      continue;
    }
    text += hasText ? (blanks > 0 ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks);
    text += line;
    blanks = 0;
    hasText = true;
  }
  return text;
}
