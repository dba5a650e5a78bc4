/** What depends on an object about to be deleted, in words: "12 agents are in this team". */
import { compareKinds, getKindInfo, kindInfos } from '../kinds/registry.js';
import type { Kind } from '../model/resource.js';
import type { LiveEntry } from './entries.js';
import type { Referrer } from './reference-index.js';
import type { ChangeImpact, DependentGroup, ReferrerCount } from './types.js';
import { compareText } from '../compare-text.js';

/** The impact of deleting `target`, which `referrers` (live objects) still refer to. */
export function assessDeleteImpact(target: LiveEntry, referrers: readonly Referrer<LiveEntry>[]): ChangeImpact {
  if (referrers.length === 0) return { type: 'deletes-unreferenced' };
  const groups = new Map<string, { kind: Kind; field: string; addresses: Set<string> }>();
  for (const { item, reference } of referrers) {
    const field = String(reference.path[0] ?? '');
    const key = `${item.resource.kind}.${field}`;
    const group = groups.get(key) ?? { kind: item.resource.kind, field, addresses: new Set<string>() };
    group.addresses.add(item.identity);
    groups.set(key, group);
  }
  const dependents = [...groups.values()]
    .sort((a, b) => compareKinds(a.kind, b.kind) || compareText(a.field, b.field))
    .map(({ kind, field, addresses }) => ({ kind, field, count: addresses.size, isMembership: isMembership(target.resource.kind, kind, field) }));
  return { type: 'deletes-in-use', dependents };
}

/** The impact in words: "nothing refers to it", "12 agents are in this team". */
export function describeImpact(kind: Kind, impact: ChangeImpact | undefined): string[] {
  if (impact === undefined) return [];
  if (impact.type === 'deletes-unreferenced') return ['nothing refers to it'];
  return impact.dependents.map((group) => phrase(kind, group));
}

/** How many distinct objects of each kind refer to an object, in kind order. */
export function countReferrers(referrers: readonly Referrer<LiveEntry>[]): ReferrerCount[] {
  const byKind = new Map<Kind, Set<string>>();
  for (const { item } of referrers) {
    const set = byKind.get(item.resource.kind) ?? new Set<string>();
    set.add(item.identity);
    byKind.set(item.resource.kind, set);
  }
  return kindInfos.filter((info) => byKind.has(info.kind)).map((info) => ({ kind: info.kind, count: byKind.get(info.kind)!.size }));
}

/** "12 agents", "1 user group". */
export function formatReferrerCounts(counts: readonly ReferrerCount[]): string {
  return counts.map(({ kind, count }) => `${count} ${count === 1 ? singular(kind) : getKindInfo(kind).plural}`).join(', ');
}

function phrase(targetKind: Kind, { kind, field, count, isMembership: isMember }: DependentGroup): string {
  const noun = count === 1 ? singular(kind) : getKindInfo(kind).plural;
  const targetNoun = singular(targetKind);
  if (isMember) return `${count} ${noun} ${count === 1 ? 'is' : 'are'} in this ${targetNoun}`;
  return `${count} ${noun} ${count === 1 ? 'refers' : 'refer'} to this ${targetNoun} (${field})`;
}

function isMembership(_targetKind: Kind, kind: Kind, field: string): boolean {
  return (kind === 'agent' && field === 'teams') || (kind === 'administrator' && field === 'userGroup');
}

function singular(kind: Kind): string {
  return kind.replace(/-/g, ' ');
}
