/**
 * The octoDNS rule: a plan that deletes or updates more than 30 % of a kind that has at least
 * 10 live objects is unsafe, and apply refuses it without --force.
 */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import type { Kind } from '../model/resource.js';
import type { Change, PlanSafety } from './types.js';

export const MAX_SAFE_CHANGE_RATIO = 0.3;
export const MIN_LIVE_OBJECTS_FOR_THRESHOLD = 10;

export function assessSafety(changes: readonly Change[], liveCounts: ReadonlyMap<Kind, number>): PlanSafety {
  const touched = new Map<Kind, Set<string>>();
  for (const change of changes) {
    if (change.action === 'create' || change.liveId === undefined) continue;
    const set = touched.get(change.kind) ?? new Set<string>();
    set.add(change.liveId);
    touched.set(change.kind, set);
  }
  const reasons: string[] = [];
  for (const { kind } of kindInfos) {
    const live = liveCounts.get(kind) ?? 0;
    const count = touched.get(kind)?.size ?? 0;
    if (live < MIN_LIVE_OBJECTS_FOR_THRESHOLD || count / live <= MAX_SAFE_CHANGE_RATIO) continue;
    const percent = Math.round((count / live) * 100);
    reasons.push(`deletes or updates ${percent} % of ${getKindInfo(kind).plural} (${count} of ${live}); more than ${MAX_SAFE_CHANGE_RATIO * 100} % needs --force`);
  }
  return { isUnsafe: reasons.length > 0, reasons };
}
