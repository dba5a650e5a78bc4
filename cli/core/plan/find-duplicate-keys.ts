/**
 * Two live objects with the same natural key make the tenant ambiguous: the config's object could
 * be either, and a plan built on one hides the other (the way duplicates created by a blind re-send
 * stay invisible). Found on the live snapshot; plan refuses, doctor lists, apply re-checks.
 */
import type { Kind, LiveResource } from '../model/resource.js';

export interface DuplicateKey {
  kind: Kind;
  /** The natural key as the first object spells it. */
  name: string;
  /** Every live id holding the key, in snapshot order. */
  ids: string[];
}

export function findDuplicateKeys(resources: readonly LiveResource[]): DuplicateKey[] {
  const byKey = new Map<string, DuplicateKey>();
  for (const resource of resources) {
    const entry = byKey.get(resource.key);
    if (entry) entry.ids.push(resource.id);
    else byKey.set(resource.key, { kind: resource.kind, name: resource.name, ids: [resource.id] });
  }
  return [...byKey.values()].filter((entry) => entry.ids.length > 1);
}

/** One line per duplicated key: `team.SAC: 2 live objects (ids a, b)`. */
export function describeDuplicateKey(duplicate: DuplicateKey): string {
  return `${duplicate.kind}.${duplicate.name}: ${duplicate.ids.length} live objects (ids ${duplicate.ids.join(', ')})`;
}
