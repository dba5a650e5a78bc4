/**
 * `conecta plan`: load the config, refresh the tenant, build the plan and print it as text, JSON
 * or Markdown (always masked), optionally saving it for `apply --plan`. Notes go to stderr so
 * --json and --markdown stay clean on stdout.
 */
import type { Plan } from '../core/plan/types.js';
import { renderDiagnostics } from '../core/render/diagnostics.js';
import { renderPlanJson } from '../core/render/plan-json.js';
import { renderPlanMarkdown } from '../core/render/plan-markdown.js';
import { renderPlanText } from '../core/render/plan-text.js';
import type { Style } from '../core/render/style.js';
import { writePlanFile } from '../io/plan-file.js';
import { maskSecrets } from '../io/secrets.js';
import type { ProviderEvent } from '../../providers/contract.js';
import { preparePlan } from './prepare-plan.js';
import { resolveTarget, type ResolveTargetOptions } from './project.js';

export type PlanFormat = 'text' | 'json' | 'markdown';

export interface PlanOptions {
  /** Which environment and config folders (explicit paths win). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  prune?: boolean;
  format: PlanFormat;
  /** Save the plan here for `apply --plan`. */
  out?: string;
  style: Style;
  isVerbose?: boolean;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface PlanOutcome {
  plan: Plan;
  hasChanges: boolean;
}

export async function runPlan(options: PlanOptions): Promise<PlanOutcome> {
  const note = (text: string) => options.stderr.write(`${maskSecrets(text)}\n`);
  const target = await resolveTarget(options.targetOptions);
  const prepared = await preparePlan({
    target,
    cwd: options.cwd,
    ...(options.prune === undefined ? {} : { prune: options.prune }),
    onProviderEvent: (event) => {
      const line = describeEvent(event, options.isVerbose === true);
      if (line) note(options.style.dim(line));
    },
  });
  try {
    if (prepared.opened.notice) note(prepared.opened.notice);
    if (prepared.diagnostics.length > 0) note(renderDiagnostics(prepared.diagnostics, options.style).trimEnd());
    const { plan } = prepared;
    if (options.out !== undefined) {
      await writePlanFile(options.out, plan, { layers: target.layers, isPruned: options.prune === true }, options.cwd);
      note(`Saved the plan to ${options.out}; apply exactly this plan with \`conecta apply --plan ${options.out}\`.`);
    }
    options.stdout.write(maskSecrets(render(plan, options)));
    return { plan, hasChanges: plan.changes.length > 0 };
  } finally {
    await prepared.opened.close();
  }
}

function render(plan: Plan, options: PlanOptions): string {
  if (options.format === 'json') return renderPlanJson(plan);
  if (options.format === 'markdown') return renderPlanMarkdown(plan);
  return renderPlanText(plan, options.style);
}

function describeEvent(event: ProviderEvent, isVerbose: boolean): string | undefined {
  if (event.type === 'retry') return `retrying ${event.method} ${event.path} in ${event.delayMs} ms (attempt ${event.attempt}): ${event.reason}`;
  if (event.type === 'rate-limited') return `rate limited: waiting ${event.waitMs} ms (concurrency ${event.concurrency})`;
  if (!isVerbose) return undefined;
  if (event.type === 'request') return `${event.method} ${event.path} → ${event.status ?? 'no answer'} (${Math.round(event.durationMs)} ms)`;
  return `${event.kind}.${event.name}: ${event.how}`;
}
