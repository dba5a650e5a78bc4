/** The human plan for the terminal, drawn from the plan view (so it always agrees with --json). */
import type { MaskedPlan } from '../plan/mask-plan.js';
import { buildPlanView, NO_CHANGES_MESSAGE, SIGN_MEANINGS, type ChangeView, type LineSign, type PlanView, type ViewLine } from './plan-view.js';
import type { Style } from './style.js';

/** How many unmanaged addresses are named before "and N more". */
const UNMANAGED_SHOWN = 10;
/** A list change is written on its field's line when the line stays this short. */
const INLINE_LIST_WIDTH = 100;

export function renderPlanText(plan: MaskedPlan, style: Style): string {
  const view = buildPlanView(plan);
  const sections = [`${style.bold('Target:')} ${view.targetLabel}`];
  if (view.isEmpty) {
    sections.push(style.green(NO_CHANGES_MESSAGE));
  } else {
    const used = new Set<LineSign>();
    const changes = view.changes.map((change) => renderChange(change, style, used));
    sections.push(renderLegend(used, style), ...changes);
  }
  const unmanaged = renderUnmanaged(view);
  if (unmanaged) sections.push(unmanaged);
  if (view.unsupported.length > 0) sections.push(['Not supported by this tenant (left out):', ...view.unsupported.map((line) => `  ${line}`)].join('\n'));
  if (view.warnings.length > 0) sections.push([style.yellow('Warnings:'), ...view.warnings.map((warning) => `  ${style.yellow('!')} ${warning}`)].join('\n'));
  if (view.safety.isUnsafe) {
    sections.push([style.red(style.bold('Unsafe plan: apply refuses it without --force.')), ...view.safety.reasons.map((reason) => `  ${style.red('!')} ${reason}`)].join('\n'));
  }
  if (!view.isEmpty) sections.push(style.bold(view.summaryLine));
  return `${sections.join('\n\n')}\n`;
}

/** The signs printed in the change blocks, each with its meaning, and no other. */
function renderLegend(used: ReadonlySet<LineSign>, style: Style): string {
  const lines = SIGN_MEANINGS.filter(({ sign }) => used.has(sign)).map(({ sign, meaning }) => `  ${colorSign(sign, style)} ${meaning}`);
  return ['Changes, in apply order. Signs:', ...lines].join('\n');
}

function renderChange(change: ChangeView, style: Style, used: Set<LineSign>): string {
  used.add(change.sign);
  const header = `${colorSign(change.sign, style)} ${style.bold(change.header)}`;
  return [header, ...change.lines.flatMap((line) => renderLine(line, style, used))].join('\n');
}

function renderLine(line: ViewLine, style: Style, used: Set<LineSign>): string[] {
  const indent = '  '.repeat(line.depth * 2 + 1);
  if (line.sign !== ' ') used.add(line.sign);
  if (line.sign === '@@') return [`${indent}${style.dim(`@@ ${line.text} @@`)}`];
  if (line.sign === ' ') return [`${indent}  ${style.dim(line.text)}`];
  const head = `${indent}${colorSign(line.sign, style)} `;
  if (line.items) {
    const inline = line.hasInlineItems === true ? renderInlineItems(line.items, style) : undefined;
    if (inline !== undefined && indent.length + 2 + line.text.length + inline.plain.length < INLINE_LIST_WIDTH) {
      for (const item of line.items) used.add(item.sign);
      return [`${head}${line.text}${inline.styled}`];
    }
    return [`${head}${line.text}`, ...line.items.flatMap((item) => renderLine(item, style, used))];
  }
  const text = line.before === undefined && line.after === undefined ? line.text : joinWords(line.text, `${line.before ?? ''} → ${line.after ?? ''}`);
  return [`${head}${line.sign === '+' || line.sign === '-' ? colorText(line.sign, text, style) : text}`];
}

/** ` + "Vendas" - "SAC"`: only plain additions and removals, which read unambiguously on one line. */
function renderInlineItems(items: readonly ViewLine[], style: Style): { plain: string; styled: string } | undefined {
  if (items.some((item) => (item.sign !== '+' && item.sign !== '-') || item.before !== undefined)) return undefined;
  return {
    plain: items.map((item) => ` ${item.sign} ${item.text}`).join(''),
    styled: items.map((item) => ` ${colorSign(item.sign, style)} ${colorText(item.sign, item.text, style)}`).join(''),
  };
}

function joinWords(first: string, second: string): string {
  return first === '' ? second : `${first} ${second}`;
}

function colorSign(sign: LineSign, style: Style): string {
  if (sign === '+') return style.green(sign);
  if (sign === '-') return style.red(sign);
  if (sign === '~') return style.yellow(sign);
  if (sign === '!') return style.red(sign);
  if (sign === '↕') return style.cyan(sign);
  return sign;
}

function colorText(sign: LineSign, text: string, style: Style): string {
  return sign === '+' ? style.green(text) : sign === '-' ? style.red(text) : text;
}

function renderUnmanaged(view: PlanView): string | undefined {
  const count = view.unmanaged.length;
  if (count === 0) return undefined;
  const shown = view.unmanaged.slice(0, UNMANAGED_SHOWN).join(', ');
  const more = count > UNMANAGED_SHOWN ? `, and ${count - UNMANAGED_SHOWN} more (--json lists them all)` : '';
  return `Not managed (kept), ${count} ${count === 1 ? 'object' : 'objects'}: ${shown}${more}`;
}
