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
import { chooseFence, escapeHtml, escapeMarkdownInline, formatInlineCode, neutralizeControlChars } from './escape.js';
import type { Change } from '../plan/types.js';
import { buildPlanView, NO_CHANGES_MESSAGE, type ChangeView, type PlanView, type ViewLine } from './plan-view.js';

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the closing note about what was left out. */
const NOTE_RESERVE = 1_000;
/** Items listed in the warning callout before "and N more". */
const CALLOUT_ITEMS = 20;
const UNMANAGED_ITEMS = 300;
const WARNING_ITEMS = 50;

export interface MarkdownOptions {
  /** Maximum length of the result; GitHub's comment limit by default. */
  limit?: number;
}

export function renderPlanMarkdown(masked: MaskedPlan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const view = buildPlanView(masked);
  const changesById = new Map(masked.changes.map((change) => [change.id, change]));
  const head = renderHead(view);
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
    const open = `<details>\n<summary><b>${escapeHtml(capitalize(getKindInfo(group.kind).plural))}</b>: ${escapeHtml(describeCounts(group.changes))}</summary>\n\n`;
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
  const open = `<details>\n<summary>Changes whose details are left out: ${ids.length}</summary>\n\n`;
  const close = '\n\n</details>\n';
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

function renderHead(view: PlanView): string {
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
  return `${lines.join('\n')}\n`;
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
      const reasons = change.lines.filter((line) => line.symbol === '!').map((line) => line.text);
      lines.push(`> - ${formatInlineCode(change.id)}${reasons.length > 0 ? `: ${escapeMarkdownInline(reasons.join('; '))}` : ''}`);
    }
    if (deletes.length > CALLOUT_ITEMS) lines.push(`> - and ${deletes.length - CALLOUT_ITEMS} more (see the sections below)`);
  }
  return lines.join('\n');
}

function renderChangeBlock(view: ChangeView, change: Change): string {
  const body = neutralizeControlChars([`# ${view.header}`, ...view.lines.map(renderLine)].join('\n'));
  const fence = chooseFence(body);
  const diagram = change.kind === 'flow' ? renderFlowDiagram(change) : undefined;
  const mermaid = diagram ? `${chooseFence(diagram)}mermaid\n${diagram}\n${chooseFence(diagram)}\n\n` : '';
  return `${fence}diff\n${body}\n${fence}\n\n${mermaid}`;
}

/** A changed flow as a diagram (added blocks green, changed yellow, removed red); none for deletes. */
function renderFlowDiagram(change: Change): string | undefined {
  return change.action === 'delete' || !change.after ? undefined : renderFlowChangeMermaid(change);
}

/** Diff lines keep `+`/`-` in the first column so GitHub colours them. */
function renderLine(line: ViewLine): string {
  const indent = '  '.repeat(line.depth);
  if (line.isDiffBody) return line.symbol === '@' ? `${indent} ${line.text}` : `${line.symbol}${indent}${line.text}`;
  return `${line.symbol} ${indent}${line.text}`;
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

function describeCounts(changes: readonly ChangeView[]): string {
  const first = changes.filter((change) => !change.isReferenceStep);
  const count = (action: Change['action']) => first.filter((change) => change.action === action).length;
  return [['create', count('create')], ['update', count('update')], ['delete', count('delete')]]
    .filter(([, value]) => value !== 0)
    .map(([action, value]) => `${value} to ${action}`)
    .join(', ') || 'reference steps';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
