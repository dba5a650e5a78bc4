/**
 * `plan --markdown`: the body of a pull-request comment. A heading naming the target, the summary
 * table first, deletes and unsafe changes called out at the top, then one collapsible section per
 * kind. It always fits the limit (GitHub's comment limit by default, `plan --max-length`): whole
 * change blocks and sections are left out (never a table or code block cut in half), a note says
 * what is missing, and the address of every change whose details were left out is still listed.
 */
import { renderFlowChangeMermaid } from '../flows/mermaid.js';
import { getKindInfo } from '../kinds/registry.js';
import type { Kind } from '../model/resource.js';
import type { MaskedPlan } from '../plan/mask-plan.js';
import { chooseFence, escapeHtml, escapeHtmlInert, escapeMarkdownInline, formatInlineCode, neutralizeControlChars } from './escape.js';
import type { Change } from '../plan/types.js';
import { buildPlanView, NO_CHANGES_MESSAGE, SIGN_MEANINGS, type ChangeView, type LineSign, type PlanView, type ViewLine } from './plan-view.js';

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the closing note about what was left out. */
const NOTE_RESERVE = 1_000;
/** Items listed in the warning callout before "and N more". */
const CALLOUT_ITEMS = 20;
const UNMANAGED_ITEMS = 300;
const WARNING_ITEMS = 50;
/** Addresses named in a section's summary line before "and N more". */
const SUMMARY_ADDRESSES = 8;

/** In Markdown an update shows each old value as a `-` line and the new one as a `+` line. */
const MARKDOWN_MEANINGS: Partial<Record<LineSign, string>> = {
  '+': 'create, or a value added (an update: the new value)',
  '-': 'delete, or a value removed (an update: the old value)',
  '~': 'update',
};

export interface MarkdownOptions {
  /** Maximum length of the result; GitHub's comment limit by default. */
  limit?: number;
}

export function renderPlanMarkdown(masked: MaskedPlan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const view = buildPlanView(masked);
  const changesById = new Map(masked.changes.map((change) => [change.id, change]));
  const head = renderHead(view, listSigns(view));
  const whole = renderBody(view, changesById, head.length + NOTE_RESERVE, limit);
  if (whole.leftOutIds.length === 0 && whole.omittedSections.length === 0) return [head, ...whole.parts].join('\n');
  // Cut: room is kept first for the address of every change, so none is hidden.
  const reserve = renderAddressIndex(view.changes.map((change) => change.id), limit - head.length - NOTE_RESERVE).length;
  const cut = renderBody(view, changesById, head.length + NOTE_RESERVE + reserve, limit);
  const note = renderLeftOutNote(cut.leftOut, cut.omittedSections, limit);
  const index = cut.leftOutIds.length > 0 ? renderAddressIndex(cut.leftOutIds, reserve) : '';
  return [head, ...cut.parts, ...(note ? [note] : []), ...(index ? [index] : [])].join('\n');
}

interface Body {
  parts: string[];
  leftOut: Map<Kind, number>;
  leftOutIds: string[];
  omittedSections: string[];
}

/** The per-kind sections, then the unmanaged list and the warnings, as far as they fit in `limit` after `used`. */
function renderBody(view: PlanView, changesById: ReadonlyMap<string, Change>, used: number, limit: number): Body {
  const parts: string[] = [];
  const leftOut = new Map<Kind, number>();
  const leftOutIds: string[] = [];
  for (const group of groupByKind(view.changes)) {
    const open = `<details>\n<summary><b>${escapeHtml(capitalize(getKindInfo(group.kind).plural))}</b>: ${describeSection(group.changes)}</summary>\n\n`;
    const close = '</details>\n';
    if (used + open.length + close.length > limit) {
      leftOut.set(group.kind, (leftOut.get(group.kind) ?? 0) + group.changes.length);
      leftOutIds.push(...group.changes.map((change) => change.id));
      continue;
    }
    const blocks: string[] = [];
    let sectionLength = open.length + close.length;
    for (const change of group.changes) {
      const block = renderChangeBlock(change, changesById.get(change.id)!);
      if (used + sectionLength + block.length > limit) {
        leftOut.set(group.kind, (leftOut.get(group.kind) ?? 0) + 1);
        leftOutIds.push(change.id);
        continue;
      }
      blocks.push(block);
      sectionLength += block.length;
    }
    if (blocks.length === 0) continue;
    parts.push(`${open}${blocks.join('')}${close}`);
    used += sectionLength;
  }
  const omittedSections: string[] = [];
  for (const [name, section] of [['the list of objects not managed', renderUnmanaged(view)], ['the warnings', renderWarnings(view)]] as const) {
    if (!section) continue;
    if (used + section.length > limit) {
      omittedSections.push(name);
      continue;
    }
    parts.push(section);
    used += section.length;
  }
  return { parts, leftOut, leftOutIds, omittedSections };
}

/** Every address whose details were left out, as short as Markdown allows, within `room` characters. */
function renderAddressIndex(ids: readonly string[], room: number): string {
  const close = '\n\n</details>\n';
  // The summary names the first addresses, fewer when long names would not leave room for the list.
  let open = '';
  for (let count = SUMMARY_ADDRESSES; count >= 0; count -= 1) {
    open = `<details>\n<summary>Changes whose details are left out: ${ids.length}${count > 0 ? ` (${listAddresses(ids, count)})` : ''}</summary>\n\n`;
    if (open.length + close.length <= room / 2) break;
  }
  const items: string[] = [];
  let length = open.length + close.length;
  for (const [index, id] of ids.entries()) {
    const item = `${formatInlineCode(id)}${index < ids.length - 1 ? ', ' : ''}`;
    const rest = `and ${ids.length - index} more: the job summary, the artifacts and \`conecta show plan.json\` hold the whole plan`;
    if (length + item.length + rest.length > room) {
      items.push(rest);
      break;
    }
    items.push(item);
    length += item.length;
  }
  return `${open}${items.join('')}${close}`;
}

function renderHead(view: PlanView, signs: ReadonlySet<LineSign>): string {
  const lines = [`### Conecta plan for ${escapeMarkdownInline(view.targetLabel)}`, ''];
  if (view.isEmpty) lines.push(`**${NO_CHANGES_MESSAGE}**`, '');
  else lines.push(`**${view.summaryLine}**`, '');
  if (view.counts.length > 0) {
    lines.push('| Kind | Create | Update | Delete | Not managed |', '| --- | ---: | ---: | ---: | ---: |');
    for (const count of view.counts) lines.push(`| ${capitalize(getKindInfo(count.kind).plural)} | ${count.create} | ${count.update} | ${count.delete} | ${count.unmanaged} |`);
    lines.push('');
  }
  const callout = renderCallout(view);
  if (callout) lines.push(callout, '');
  if (signs.size > 0) lines.push(renderLegend(signs), '');
  return `${lines.join('\n')}\n`;
}

/** The signs the change blocks use, each with its meaning in a Markdown diff. */
function renderLegend(signs: ReadonlySet<LineSign>): string {
  const entries = SIGN_MEANINGS.filter(({ sign }) => signs.has(sign)).map(({ sign, meaning }) => `\`${sign}\` ${MARKDOWN_MEANINGS[sign] ?? meaning}`);
  return `Signs: ${entries.join(' · ')}.`;
}

/** The signs at the start of the lines of every change block (as `renderChangeBlock` writes them). */
function listSigns(view: PlanView): Set<LineSign> {
  const signs = new Set<LineSign>();
  for (const change of view.changes) {
    signs.add(change.sign);
    for (const line of change.lines.flatMap(renderLine)) {
      const sign = readSign(line);
      if (sign) signs.add(sign);
    }
  }
  return signs;
}

/** The sign of a line of a change block: first column `+`, `-`, `~` or `@@`, or a mark after the indent (`↕`, `!`). */
function readSign(line: string): LineSign | undefined {
  if (line.startsWith('@@')) return '@@';
  const first = line[0];
  if (first === '+' || first === '-' || first === '~') return first;
  const mark = /^ {2,}([↕!]) /.exec(line)?.[1];
  return mark as LineSign | undefined;
}

/** Deletes and unsafe verdicts, at the top in a GitHub warning alert. */
function renderCallout(view: PlanView): string | undefined {
  const deletes = view.changes.filter((change) => change.action === 'delete');
  if (!view.safety.isUnsafe && deletes.length === 0) return undefined;
  const lines = ['> [!WARNING]'];
  if (view.safety.isUnsafe) {
    lines.push('> **Unsafe plan: apply refuses it without `--force`.**');
    for (const reason of view.safety.reasons) lines.push(`> - ${escapeMarkdownInline(reason)}`);
  }
  if (deletes.length > 0) {
    if (view.safety.isUnsafe) lines.push('>');
    lines.push(`> **${deletes.length} ${deletes.length === 1 ? 'object' : 'objects'} will be deleted:**`);
    for (const change of deletes.slice(0, CALLOUT_ITEMS)) {
      const reasons = change.lines.filter((line) => line.sign === '!').map((line) => line.text);
      lines.push(`> - ${formatInlineCode(change.id)}${reasons.length > 0 ? `: ${escapeMarkdownInline(reasons.join('; '))}` : ''}`);
    }
    if (deletes.length > CALLOUT_ITEMS) lines.push(`> - and ${deletes.length - CALLOUT_ITEMS} more (see the sections below)`);
  }
  return lines.join('\n');
}

function renderChangeBlock(view: ChangeView, change: Change): string {
  const body = neutralizeControlChars([`${view.sign} ${view.header}`, ...view.lines.flatMap(renderLine)].join('\n'));
  const fence = chooseFence(body);
  const diagram = change.kind === 'flow' ? renderFlowDiagram(change) : undefined;
  const mermaid = diagram ? `${chooseFence(diagram)}mermaid\n${diagram}\n${chooseFence(diagram)}\n\n` : '';
  return `${fence}diff\n${body}\n${fence}\n\n${mermaid}`;
}

/** A changed flow as a diagram (added blocks green, changed yellow, removed red); none for deletes. */
function renderFlowDiagram(change: Change): string | undefined {
  return change.action === 'delete' || !change.after ? undefined : renderFlowChangeMermaid(change);
}

/**
 * Lines of a `diff` block: GitHub colours a line by its first character, so added values start
 * with `+` (green), removed ones with `-` (red), and a changed value is its old `-` line and its
 * new `+` line. Everything else (list and text headings, moves, notes) starts with spaces and
 * stays uncoloured; nothing starts with `---`, `+++`, `<`, `>` or `!`, which the grammar reads too.
 */
function renderLine(line: ViewLine): string[] {
  // One level under the change's header line.
  const indent = '  '.repeat(line.depth + 1);
  const lines: string[] = [];
  if (line.sign === '@@') lines.push(`@@ ${line.text} @@`);
  else if (line.sign === '+' || line.sign === '-') lines.push(`${line.sign} ${indent}${line.text}`);
  else if (line.sign === '~' && (line.before !== undefined || line.after !== undefined)) {
    lines.push(`- ${indent}${joinWords(line.text, line.before ?? '(none)')}`, `+ ${indent}${joinWords(line.text, line.after ?? '(none)')}`);
  } else if (line.sign === '↕') lines.push(`  ${indent}↕ ${joinWords(line.text, `${line.before ?? ''} → ${line.after ?? ''}`)}`);
  else if (line.sign === '!') lines.push(`  ${indent}! ${line.text}`);
  else lines.push(`  ${indent}${line.text}`);
  for (const item of line.items ?? []) lines.push(...renderLine(item));
  return lines;
}

function joinWords(first: string, second: string): string {
  return first === '' ? second : `${first} ${second}`;
}

function renderUnmanaged(view: PlanView): string | undefined {
  const count = view.unmanaged.length;
  if (count === 0) return undefined;
  const items = view.unmanaged.slice(0, UNMANAGED_ITEMS).map((address) => `- ${formatInlineCode(address)}`);
  if (count > UNMANAGED_ITEMS) items.push(`- and ${count - UNMANAGED_ITEMS} more (\`conecta plan --json\` lists them all)`);
  return `<details>\n<summary>Not managed (kept): ${count} ${count === 1 ? 'object' : 'objects'}</summary>\n\n${items.join('\n')}\n\n</details>\n`;
}

function renderWarnings(view: PlanView): string | undefined {
  const lines = [...view.warnings, ...view.unsupported.map((line) => `not supported by this tenant (left out): ${line}`)];
  if (lines.length === 0) return undefined;
  const items = lines.slice(0, WARNING_ITEMS).map((warning) => `- ${escapeMarkdownInline(warning)}`);
  if (lines.length > WARNING_ITEMS) items.push(`- and ${lines.length - WARNING_ITEMS} more`);
  return `**Warnings**\n\n${items.join('\n')}\n`;
}

function renderLeftOutNote(leftOut: ReadonlyMap<Kind, number>, omittedSections: readonly string[], limit: number): string | undefined {
  if (leftOut.size === 0 && omittedSections.length === 0) return undefined;
  const pieces: string[] = [];
  if (leftOut.size > 0) {
    const total = [...leftOut.values()].reduce((sum, count) => sum + count, 0);
    const perKind = [...leftOut].map(([kind, count]) => `${getKindInfo(kind).plural}: ${count}`).join(', ');
    pieces.push(`the details of ${total} ${total === 1 ? 'change' : 'changes'} (${perKind})`);
  }
  pieces.push(...omittedSections);
  return `> [!NOTE]\n> Left out to fit the ${limit.toLocaleString('en-US')}-character comment limit: ${pieces.join('; ')}.${leftOut.size > 0 ? ' Their addresses are listed below.' : ''} Run \`conecta plan\` (or \`conecta show plan.json\` on a saved plan) to see the whole plan.\n`;
}

function groupByKind(changes: readonly ChangeView[]): { kind: Kind; changes: ChangeView[] }[] {
  const groups = new Map<Kind, ChangeView[]>();
  for (const change of changes) groups.set(change.kind, [...(groups.get(change.kind) ?? []), change]);
  return [...groups].map(([kind, list]) => ({ kind, changes: list }));
}

/**
 * What a closed section changes: counts per action, each with its first addresses, so nothing
 * hides behind a collapsed `<details>`: `1 to create (tabulation.Venda), 4 to delete (…, and 2 more)`.
 */
function describeSection(changes: readonly ChangeView[]): string {
  let budget = SUMMARY_ADDRESSES;
  const list = (addresses: readonly string[]): string => {
    const shown = Math.max(1, budget);
    budget -= Math.min(shown, addresses.length);
    return listAddresses(addresses, shown);
  };
  const parts: string[] = [];
  for (const action of ['create', 'update', 'delete'] as const) {
    const addresses = unique(changes.filter((change) => change.action === action && !change.isReferenceStep).map((change) => change.id));
    if (addresses.length > 0) parts.push(`${addresses.length} to ${action} (${list(addresses)})`);
  }
  if (parts.length === 0) parts.push(`reference steps (${list(unique(changes.map((change) => change.id)))})`);
  return parts.join(', ');
}

/** `<code>team.SAC</code>, <code>team.Vendas</code>, and 3 more`: the first `count` addresses, as inert HTML. */
function listAddresses(addresses: readonly string[], count: number): string {
  const shown = addresses.slice(0, count);
  const more = addresses.length - shown.length;
  return `${shown.map((address) => `<code>${escapeHtmlInert(address)}</code>`).join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
