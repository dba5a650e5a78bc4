/** The human plan for the terminal, drawn from the plan view (so it always agrees with --json). */
import type { MaskedPlan } from '../plan/mask-plan.js';
import { buildPlanView, NO_CHANGES_MESSAGE, type ChangeView, type PlanView, type ViewLine } from './plan-view.js';
import type { Style } from './style.js';

/** How many unmanaged addresses are named before "and N more". */
const UNMANAGED_SHOWN = 10;

export function renderPlanText(plan: MaskedPlan, style: Style): string {
  const view = buildPlanView(plan);
  const sections = [`${style.bold('Target:')} ${view.targetLabel}`];
  if (view.isEmpty) {
    sections.push(style.green(NO_CHANGES_MESSAGE));
  } else {
    sections.push(renderLegend(view, style));
    sections.push(...view.changes.map((change) => renderChange(change, style)));
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

function renderLegend(view: PlanView, style: Style): string {
  const lines = view.legend.map(({ symbol, label }) => `  ${colorSymbol(symbol, style)} ${label}`);
  return ['Changes, in apply order. Symbols:', ...lines].join('\n');
}

function renderChange(change: ChangeView, style: Style): string {
  const header = style.bold(`# ${change.header}`);
  return [header, ...change.lines.map((line) => renderLine(line, style))].join('\n');
}

function renderLine(line: ViewLine, style: Style): string {
  const indent = '  '.repeat(line.depth * 2 + 1);
  if (line.isDiffBody) {
    if (line.symbol === '@') return `${indent}${style.dim(line.text)}`;
    const text = `${line.symbol}${line.text}`;
    return `${indent}${line.symbol === '+' ? style.green(text) : line.symbol === '-' ? style.red(text) : style.dim(text)}`;
  }
  return `${indent}${colorSymbol(line.symbol, style)} ${line.text}`;
}

function colorSymbol(symbol: string, style: Style): string {
  if (symbol === '+') return style.green(symbol);
  if (symbol === '-') return style.red(symbol);
  if (symbol === '~') return style.yellow(symbol);
  if (symbol === '!') return style.red(symbol);
  return symbol;
}

function renderUnmanaged(view: PlanView): string | undefined {
  const count = view.unmanaged.length;
  if (count === 0) return undefined;
  const shown = view.unmanaged.slice(0, UNMANAGED_SHOWN).join(', ');
  const more = count > UNMANAGED_SHOWN ? `, and ${count - UNMANAGED_SHOWN} more (--json lists them all)` : '';
  return `Not managed (kept), ${count} ${count === 1 ? 'object' : 'objects'}: ${shown}${more}`;
}
