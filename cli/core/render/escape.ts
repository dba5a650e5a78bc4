/**
 * The one place that makes text from a config or a tenant inert in the output it goes to.
 * Renderers call these; they never build Markdown or terminal text from a raw name.
 *
 * Markdown (the pull-request comment): a name must not close `<details>`, open HTML, start a
 * heading, list or table row, mention a user or team (`@acme/admins`), reference an issue (`#12`),
 * or make a link or an image (`[x](…)`, `![x](…)`, bare `https://…`, `www.…`).
 *
 * Terminal: a name must not send escape sequences (colours, cursor moves, OSC 8 hyperlinks,
 * clearing the screen), a carriage return that overwrites the line, or bidi overrides that reorder
 * it. They are shown as visible `\uXXXX` escapes instead.
 */

/** Zero-width space: breaks a mention or reference without changing what a reader sees. */
const ZERO_WIDTH_SPACE = '&#8203;';
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text inside an HTML element of the comment (`<summary>`): entities only, one line. */
export function escapeHtml(text: string): string {
  return neutralizeControlChars(text, { isSingleLine: true }).replace(/[&<>"]/g, (char) => HTML_ENTITIES[char]!);
}

/**
 * Text inside an HTML block of the comment (a `<summary>`, where Markdown is not read but GitHub
 * still links mentions, references and URLs): entities for markup and Markdown punctuation,
 * mentions, references and URLs broken by a zero-width space. One line.
 */
export function escapeHtmlInert(text: string): string {
  // Entities last: the zero-width space is an entity itself.
  return breakAutolinks(escapeHtml(text)).replace(/[\\`*_[\]|~!()]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text for inline Markdown (a list item, a table cell, a sentence): one line, no structure.
 * Escapes only what could make structure, so the comment's source stays readable.
 */
export function escapeMarkdownInline(text: string): string {
  const escaped = escapeHtml(text)
    .replace(/[\\`*_[\]|~!]/g, '\\$&')
    // At the start: a list marker, a heading, a quote or a numbered list (`- `, `# `, `> `, `1. `).
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return breakAutolinks(escaped);
}

/**
 * GitHub links mentions, issue references and bare URLs after Markdown (a backslash does not stop
 * them): a zero-width space breaks each without changing what a reader sees.
 */
function breakAutolinks(text: string): string {
  return text
    .replace(/[@#]/g, `$&${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/** An inline code span that the text cannot close, on one line (`|` escaped for table cells). */
export function formatInlineCode(text: string): string {
  const line = neutralizeControlChars(text, { isSingleLine: true }).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 || line.startsWith(' ') || line.endsWith(' ') ? `${ticks} ${line} ${ticks}` : `${ticks}${line}${ticks}`;
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function chooseFence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

// C0 controls but tab and newline, DEL, C1 controls, line/paragraph separators, bidi controls:
// matching control characters is the point of these two expressions.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */
const SHORT_ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

/** Control characters as visible escapes (`\u001b`, `\r`); newlines and tabs kept unless single-line. */
export function neutralizeControlChars(text: string, options: { isSingleLine?: boolean } = {}): string {
  return text.replace(options.isSingleLine ? CONTROL_OR_NEWLINE : CONTROL, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Keys whose values are names or addresses: shown on one line even if they hold a newline. */
const SINGLE_LINE_KEYS = new Set(['name', 'address', 'id', 'renamedFrom', 'liveId', 'file', 'path', 'url', 'email']);

/**
 * A copy of a plain value (a plan, a report, an event) with every string neutralised for the
 * terminal; names and addresses on one line. What the terminal reporter renders from.
 */
export function neutralizeDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') return neutralizeControlChars(value, { isSingleLine: key !== undefined && SINGLE_LINE_KEYS.has(key) }) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => neutralizeDeep(item, key)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[name] = neutralizeDeep(item, name);
  return copy as T;
}
