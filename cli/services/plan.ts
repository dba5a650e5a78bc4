/**
 * `conecta plan`: load the config, refresh the tenant and build the plan, optionally saving it
 * for `apply --plan`. Returns the plan; the command hands it to the reporter, which prints it as
 * text, JSON or Markdown.
 */
import { maskPlan, type MaskedPlan } from '../core/plan/mask-plan.js';
import { writePlanFile } from '../io/plan-file.js';
import type { Reporter } from '../io/reporter.js';
import type { Redactor } from '../../providers/contract.js';
import { preparePlan } from './prepare-plan.js';
import { resolveTarget, type ResolveTargetOptions } from './project.js';

export interface PlanOptions {
  /** Which environment and config folders (explicit paths win). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  prune?: boolean;
  /** Save the plan here for `apply --plan`. */
  out?: string;
  /** Receives notices, config warnings and the provider's events. */
  reporter: Reporter;
  /** The run's redactor: learns the config's secrets; the plan is masked with it once, here. */
  redactor: Redactor;
}

export interface PlanOutcome {
  /** The plan as it may be shown and saved: sensitive values and known secrets masked. */
  plan: MaskedPlan;
  hasChanges: boolean;
}

export async function runPlan(options: PlanOptions): Promise<PlanOutcome> {
  const { reporter } = options;
  const target = await resolveTarget(options.targetOptions);
  const prepared = await preparePlan({
    target,
    cwd: options.cwd,
    redactor: options.redactor,
    ...(options.prune === undefined ? {} : { prune: options.prune }),
    onProviderEvent: (event) => reporter.emit({ type: 'provider', event }),
  });
  try {
    if (prepared.opened.notice) reporter.emit({ type: 'notice', text: prepared.opened.notice });
    for (const warning of prepared.opened.warnings) reporter.emit({ type: 'notice', text: warning });
    if (prepared.diagnostics.length > 0) reporter.emit({ type: 'diagnostics', diagnostics: prepared.diagnostics });
    const plan = maskPlan(prepared.plan, options.redactor);
    if (options.out !== undefined) {
      await writePlanFile(options.out, plan, { layers: target.layers, isPruned: options.prune === true }, options.cwd);
      reporter.emit({ type: 'notice', text: `Saved the plan to ${options.out}; apply exactly this plan with \`conecta apply --plan ${options.out}\`.` });
    }
    return { plan, hasChanges: plan.changes.length > 0 };
  } finally {
    await prepared.opened.close();
  }
}
