/**
 * The human report of an apply: one line per step, grouped by outcome, and a summary line.
 * Rendered from the same `ApplyResult` that `apply --json` prints.
 */
import type { Style } from '../render/style.js';
import type { ApplyResult, StepResult } from './types.js';

/** "created team.SAC", "set references of flow.Main", "deleted pause.Almoço". */
export function describeStep(step: Pick<StepResult, 'action' | 'address' | 'phase'>, tense: 'past' | 'present' = 'past'): string {
  if (step.phase === 'set-deferred-references') return `set the deferred references of ${step.address}`;
  const verb = { create: ['created', 'create'], update: ['updated', 'update'], delete: ['deleted', 'delete'] }[step.action][tense === 'past' ? 0 : 1];
  const suffix = step.phase === 'create-without-deferred-references' ? ' (without its deferred references)' : '';
  return `${verb} ${step.address}${suffix}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatStepLine(step: StepResult, style: Style): string {
  switch (step.status) {
    case 'applied':
      return `${style.green('✓')} ${describeStep(step)} ${style.dim(`(${formatDuration(step.durationMs ?? 0)})`)}`;
    case 'failed':
      return `${style.red('✗')} failed to ${describeStep(step, 'present')}: ${step.error?.message ?? 'unknown error'}${step.error ? style.dim(` [${step.error.code}]`) : ''}`;
    case 'unknown':
      return `${style.yellow('?')} outcome unknown: ${describeStep(step, 'present')}: ${step.error?.message ?? 'no answer'}${step.error ? style.dim(` [${step.error.code}]`) : ''}`;
    case 'skipped':
      return `${style.yellow('-')} skipped ${describeStep(step, 'present')} ${style.dim(`(${step.skippedBecause ?? 'a dependency'} failed)`)}`;
    case 'not-started':
      return `${style.dim('·')} not started: ${describeStep(step, 'present')}`;
  }
}

/** How many of the plan's changes are not known to have taken effect (failed, unknown, skipped or not started). */
export function countNotApplied(result: ApplyResult): number {
  return result.counts.failed + result.counts.unknown + result.counts.skipped + result.counts.notStarted;
}

export interface ApplyReportOptions {
  /**
   * The applied, failed and skipped steps were already printed one line each as they finished
   * (output that is not a terminal): list only the steps that never started, then the summary.
   */
  isFinishedStepsShown?: boolean;
}

export function renderApplyReport(result: ApplyResult, style: Style, options: ApplyReportOptions = {}): string {
  const allSections: [string, StepResult['status']][] = [['Applied', 'applied'], ['Failed', 'failed'], ['Outcome unknown', 'unknown'], ['Skipped', 'skipped'], ['Not started', 'not-started']];
  const sections = options.isFinishedStepsShown ? allSections.filter(([, status]) => status === 'not-started') : allSections;
  const lines: string[] = [];
  for (const [title, status] of sections) {
    const steps = result.steps.filter((step) => step.status === status);
    if (steps.length === 0) continue;
    lines.push(style.bold(`${title} (${steps.length}):`));
    for (const step of steps) lines.push(`  ${formatStepLine(step, style)}`);
    lines.push('');
  }
  const { applied, failed, unknown, skipped, notStarted } = result.counts;
  const verb = result.isInterrupted ? 'Apply interrupted' : countNotApplied(result) > 0 ? 'Apply incomplete' : 'Apply complete';
  const unknownPart = unknown > 0 ? `${unknown} outcome unknown, ` : '';
  const summary = `${verb}: ${applied} applied, ${failed} failed, ${unknownPart}${skipped} skipped, ${notStarted} not started (${formatDuration(result.durationMs)}).`;
  lines.push(countNotApplied(result) > 0 ? style.yellow(summary) : style.green(summary));
  if (unknown > 0) lines.push(style.cyan(`hint: ${unknown === 1 ? 'a create was' : `${unknown} creates were`} not sent again after an ambiguous failure; \`conecta plan\` shows whether ${unknown === 1 ? 'it' : 'they'} landed, and the next apply reconciles.`));
  return `${lines.join('\n')}\n`;
}
