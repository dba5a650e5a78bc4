/**
 * `conecta show PLAN_FILE`: reads a plan saved by `plan --out`, without reading the config or the
 * tenant, so CI can print one plan in several sizes (the comment, the job summary) from a single
 * read of the tenant. The command presents it like `plan` does.
 */
import { maskPlan, type MaskedPlan } from '../core/plan/mask-plan.js';
import type { Redactor } from '../io/redactor.js';
import { readPlanFile } from '../io/plan-file.js';

export interface ShowOptions {
  file: string;
  redactor: Redactor;
}

export async function runShow(options: ShowOptions): Promise<{ plan: MaskedPlan; hasChanges: boolean }> {
  const { plan } = await readPlanFile(options.file);
  // Saved plans are masked already; masking again with the run's redactor costs nothing and keeps one path.
  return { plan: maskPlan(plan, options.redactor), hasChanges: plan.changes.length > 0 };
}
