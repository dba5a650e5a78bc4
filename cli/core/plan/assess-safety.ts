/**
 * The octoDNS rule: a plan that deletes or updates more than 30 % of a kind that has at least
 * 10 live objects is unsafe, and apply refuses it without --force. Creates count too, against what
 * is live: creating more objects of a kind than it holds is what a refresh that missed
 * part of a list would plan, so it needs --force as well. A kind with fewer than 10 live objects
 * (an empty tenant's first apply) is never held back.
 */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import type { Kind } from '../model/resource.js';
import type { Change, PlanSafety } from './types.js';

export const MAX_SAFE_CHANGE_RATIO = 0.3;
export const MIN_LIVE_OBJECTS_FOR_THRESHOLD = 10;
/** Creates past this share of a kind's live objects (more than doubling it) need --force. */
export const MAX_SAFE_CREATE_RATIO = 1;

export function assessSafety(changes: readonly Change[], liveCounts: ReadonlyMap<Kind, number>): PlanSafety {
  const touched = new Map<Kind, Set<string>>();
  const created = new Map<Kind, number>();
  for (const change of changes) {
    if (change.action === 'create') created.set(change.kind, (created.get(change.kind) ?? 0) + 1);
    if (change.action === 'create' || change.liveId === undefined) continue;
    const set = touched.get(change.kind) ?? new Set<string>();
    set.add(change.liveId);
    touched.set(change.kind, set);
  }
  const reasons: string[] = [];
  for (const { kind } of kindInfos) {
    const live = liveCounts.get(kind) ?? 0;
    if (live < MIN_LIVE_OBJECTS_FOR_THRESHOLD) continue;
    const count = touched.get(kind)?.size ?? 0;
    if (count / live > MAX_SAFE_CHANGE_RATIO) {
      reasons.push(`deletes or updates ${Math.round((count / live) * 100)} % of ${getKindInfo(kind).plural} (${count} of ${live}); more than ${MAX_SAFE_CHANGE_RATIO * 100} % needs --force`);
    }
    const creates = created.get(kind) ?? 0;
    if (creates / live > MAX_SAFE_CREATE_RATIO) {
      reasons.push(`creates ${creates} ${getKindInfo(kind).plural}, more than the ${live} live (${Math.round((creates / live) * 100)} %); creating more than a kind holds needs --force`);
    }
  }
  return { isUnsafe: reasons.length > 0, reasons };
}
