/**
 * Whether a saved plan still describes what apply would do: the config it was made from, every
 * live object it fingerprinted, and the changes it lists. Each difference is one line naming the
 * object, so `apply --plan` can refuse before any write and say exactly what moved.
 */
import { toResourceKey } from '../kinds/registry.js';
import type { Kind, LiveResource, LiveSnapshot } from '../model/resource.js';
import type { Plan } from '../plan/types.js';

export function findPlanDrift(saved: Pick<Plan, 'fingerprints' | 'changes'>, fresh: Pick<Plan, 'fingerprints' | 'changes'>, snapshot: LiveSnapshot, fingerprintLive: (resource: LiveResource) => string): string[] {
  const drift: string[] = [];
  if (saved.fingerprints.config !== fresh.fingerprints.config) drift.push('the configuration changed since the plan was saved');

  const live = new Map(snapshot.resources.map((resource) => [identify(resource.kind, resource.name), resource]));
  for (const [address, fingerprint] of Object.entries(saved.fingerprints.live)) {
    const resource = live.get(identifyAddress(address));
    const current = fresh.fingerprints.live[address] ?? (resource === undefined ? undefined : fingerprintLive(resource));
    if (current === undefined) drift.push(`${address} was deleted from the tenant since the plan was saved`);
    else if (current !== fingerprint) drift.push(`${address} changed in the tenant since the plan was saved`);
  }
  for (const address of Object.keys(fresh.fingerprints.live)) {
    if (!(address in saved.fingerprints.live)) drift.push(`${address} appeared in the tenant since the plan was saved`);
  }

  if (drift.length === 0) {
    const describe = (plan: Pick<Plan, 'changes'>) => plan.changes.map((change) => `${change.action} ${change.id}`);
    const savedSteps = new Set(describe(saved));
    const freshSteps = new Set(describe(fresh));
    for (const step of savedSteps) if (!freshSteps.has(step)) drift.push(`the saved plan would ${step}, which is no longer needed`);
    for (const step of freshSteps) if (!savedSteps.has(step)) drift.push(`a fresh plan would also ${step}, which the saved plan does not`);
  }
  return drift;
}

function identify(kind: Kind, name: string): string {
  return `${kind}\u0000${toResourceKey(kind, name)}`;
}

/** `team.SAC` → the identity of kind `team`, name `SAC` (kinds have no dots; names may). */
function identifyAddress(address: string): string {
  const dot = address.indexOf('.');
  return identify(address.slice(0, dot) as Kind, address.slice(dot + 1));
}
