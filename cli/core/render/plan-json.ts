/** `plan --json`: the versioned machine format documented in docs/plan-format.md, of a masked plan. */
import type { MaskedPlan } from '../plan/mask-plan.js';
import type { Change, Plan } from '../plan/types.js';

/** The plan as a JSON value with the documented key order. */
export function toPlanJson(masked: MaskedPlan): Plan {
  return {
    formatVersion: masked.formatVersion,
    target: masked.target,
    summary: masked.summary,
    safety: masked.safety,
    changes: masked.changes.map(orderChangeKeys),
    unmanaged: masked.unmanaged,
    unsupported: masked.unsupported,
    warnings: masked.warnings,
    fingerprints: masked.fingerprints,
  };
}

export function renderPlanJson(plan: MaskedPlan): string {
  return `${JSON.stringify(toPlanJson(plan), null, 2)}\n`;
}

const CHANGE_KEYS: (keyof Change)[] = ['id', 'address', 'kind', 'name', 'action', 'phase', 'liveId', 'renamedFrom', 'referencedBy', 'level', 'dependsOn', 'consent', 'fields', 'blocks', 'before', 'after'];

/** A stable key order, so that diffs between saved plans stay readable. */
function orderChangeKeys(change: Change): Change {
  const ordered: Record<string, unknown> = {};
  for (const key of CHANGE_KEYS) if (change[key] !== undefined) ordered[key] = change[key];
  return ordered as unknown as Change;
}
