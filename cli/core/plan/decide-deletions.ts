/**
 * The deletion policy. Live objects missing from the config are kept and listed as not managed,
 * unless their kind is pruned. Even then, the built-in Administrador group and anything a kept
 * or desired object still refers to are never deleted, nor the signed-in account and its group;
 * they stay unmanaged with a warning.
 */
import { BUILT_IN_USER_GROUP } from '../kinds/registry.js';
import { formatAddress, type Kind } from '../model/resource.js';
import type { LiveEntry } from './entries.js';
import type { Referrer } from './reference-index.js';

export interface DeletionInput {
  /** Live objects no desired object matches. */
  unmatched: readonly LiveEntry[];
  isPruned: (kind: Kind) => boolean;
  /** Why an object may never be deleted (the signed-in account and its group); undefined when it may. */
  explainProtected?: (entry: LiveEntry) => string | undefined;
  /** Identities the desired state refers to (computed only when needed). */
  listDesiredReferences: () => ReadonlySet<string>;
  /** Live referrers by referenced identity (computed only when needed). */
  listLiveReferrers: () => ReadonlyMap<string, readonly Referrer<LiveEntry>[]>;
}

export interface DeletionDecision {
  deletes: LiveEntry[];
  kept: LiveEntry[];
  warnings: string[];
}

export function decideDeletions(input: DeletionInput): DeletionDecision {
  const warnings = new Map<string, string>();
  const candidates = input.unmatched.filter((entry) => {
    if (!input.isPruned(entry.resource.kind) || isBuiltIn(entry)) return false;
    const reason = input.explainProtected?.(entry);
    if (reason !== undefined) warnings.set(entry.identity, `${address(entry)} is not in the config but is kept: ${reason}.`);
    return reason === undefined;
  });
  if (candidates.length === 0) return { deletes: [], kept: [...input.unmatched], warnings: [...warnings.values()] };
  const desiredReferences = input.listDesiredReferences();
  const liveReferrers = input.listLiveReferrers();
  const unmatched = new Set(input.unmatched.map((entry) => entry.identity));
  const deleting = new Set<string>();
  for (const entry of candidates) {
    if (desiredReferences.has(entry.identity)) warnings.set(entry.identity, `${address(entry)} is not in the config but is kept: the config still refers to it.`);
    else deleting.add(entry.identity);
  }
  // Keeping one object keeps what it refers to: repeat until nothing changes.
  let hasChanged = true;
  while (hasChanged) {
    hasChanged = false;
    for (const entry of candidates) {
      if (!deleting.has(entry.identity)) continue;
      const keptReferrers = (liveReferrers.get(entry.identity) ?? [])
        .map(({ item }) => item)
        .filter((item) => unmatched.has(item.identity) && !deleting.has(item.identity));
      if (keptReferrers.length === 0) continue;
      deleting.delete(entry.identity);
      hasChanged = true;
      warnings.set(entry.identity, `${address(entry)} is not in the config but is kept: ${listAddresses(keptReferrers)} (not managed) ${keptReferrers.length === 1 ? 'refers' : 'refer'} to it.`);
    }
  }
  return {
    deletes: candidates.filter((entry) => deleting.has(entry.identity)),
    kept: input.unmatched.filter((entry) => !deleting.has(entry.identity)),
    warnings: [...warnings.values()],
  };
}

function isBuiltIn(entry: LiveEntry): boolean {
  return entry.resource.kind === 'user-group' && entry.resource.name === BUILT_IN_USER_GROUP;
}

function address(entry: LiveEntry): string {
  return formatAddress(entry.resource.kind, entry.resource.name);
}

function listAddresses(entries: readonly LiveEntry[]): string {
  const unique = [...new Set(entries.map(address))].sort();
  const shown = unique.slice(0, 3).join(', ');
  return unique.length > 3 ? `${shown} and ${unique.length - 3} more` : shown;
}
