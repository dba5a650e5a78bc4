/**
 * The plan: a pure, deterministic function of (desired state, live snapshot). It matches objects
 * by natural key (or `renamedFrom`), diffs them field by field, applies the deletion policy,
 * orders the steps by dependency, judges safety and fingerprints what it depends on.
 */
import { listDeclaredKinds } from '../config/check-references.js';
import { diffFields } from '../diff/diff-fields.js';
import { diffFlowBlocks } from '../flows/diff-blocks.js';
import { compareKinds, getKindInfo, toResourceKey } from '../kinds/registry.js';
import { listReferences, type Reference } from '../kinds/schema-walk.js';
import { formatAddress, type DesiredState, type JsonValue, type Kind, type LiveSnapshot, type Spec } from '../model/resource.js';
import { isJsonEqual } from '../normalize/canonical-json.js';
import { normalizeSpec, toComparableSpec } from '../normalize/normalize-spec.js';
import { assessSafety } from './assess-safety.js';
import { decideDeletions } from './decide-deletions.js';
import { protectAccount, type AccountProtection, type SignedInAccount } from './protect-account.js';
import { assessDeleteImpact, countReferrers, describeImpact } from './describe-dependents.js';
import type { DesiredEntry, LiveEntry } from './entries.js';
import { fingerprintNormalizedConfig, fingerprintNormalizedLive, UNSAVED_FINGERPRINT_KEY, type FingerprintKey } from './fingerprint.js';
import { orderChanges, type DependencyEdge } from './order-changes.js';
import { followRenames, formatIdentity, identifyReference, indexReferrers, type Referrer } from './reference-index.js';
import { isReferenceStep, PLAN_FORMAT_VERSION, type Change, type Plan, type PlanTarget, type UnmanagedResource } from './types.js';
import { compareText } from '../compare-text.js';

export interface BuildPlanOptions {
  target: PlanTarget;
  /** Delete live objects missing from the config in every kind (`--prune`). */
  prune?: boolean;
  /** The account the provider is signed in as (`GET /auth/me`): it and its user group are protected. */
  account?: SignedInAccount;
  /** Keys the digests of sensitive values in the fingerprints (fingerprint.ts); its salt is saved in the plan. */
  fingerprintKey?: FingerprintKey;
}

interface Pair {
  desired: DesiredEntry;
  live: LiveEntry | undefined;
}

export function buildPlan(desired: DesiredState, snapshot: LiveSnapshot, options: BuildPlanOptions): Plan {
  const fingerprintKey = options.fingerprintKey ?? UNSAVED_FINGERPRINT_KEY;
  const unsupported = new Set(snapshot.unsupported.map((entry) => entry.kind));
  const warnings = describeUnsupported(desired, snapshot);
  const allDesired: DesiredEntry[] = desired.resources
    .map((resource) => ({ resource, spec: normalizeSpec(resource.kind, resource.spec), identity: formatIdentity(resource.kind, resource.key) }));
  const desiredEntries = allDesired.filter((entry) => !unsupported.has(entry.resource.kind));
  const liveEntries: LiveEntry[] = snapshot.resources
    .filter((resource) => !unsupported.has(resource.kind))
    .map((resource) => ({ resource, spec: normalizeSpec(resource.kind, resource.spec), identity: formatIdentity(resource.kind, resource.key) }));
  const liveByIdentity = new Map(liveEntries.map((entry) => [entry.identity, entry]));
  const { pairs, unmatched } = matchResources(desiredEntries, liveByIdentity);
  const declared = listDeclaredKinds(desired);
  const protection = protectAccount(options.account, liveByIdentity, new Map(desiredEntries.map((entry) => [entry.identity, entry])));

  let liveReferrers: Map<string, Referrer<LiveEntry>[]> | undefined;
  const listLiveReferrers = () => (liveReferrers ??= indexReferrers(liveEntries, (entry) => ({ kind: entry.resource.kind, key: entry.resource.key, spec: entry.spec })));
  const decision = decideDeletions({
    unmatched,
    // Prune applies to the kinds the config declares; the others are not managed (partial adoption).
    isPruned: (kind) => declared.has(kind) && (options.prune === true || desired.prune[kind] === true),
    explainProtected: protection.explainKept,
    listDesiredReferences: () => new Set(desiredEntries.flatMap((entry) => listReferences(entry.resource.kind, entry.spec).map(identifyReference))),
    listLiveReferrers,
  });
  warnings.push(...decision.warnings);

  // Live identity of each renamed object → its new name: references follow renames (they are ids on the wire).
  const renames = new Map(pairs.filter((pair) => pair.live && pair.live.identity !== pair.desired.identity).map((pair) => [pair.live!.identity, pair.desired.resource.name]));
  const changes: Change[] = [];
  const changeByDesired = new Map<string, number>();
  for (const pair of pairs) {
    const change = diffPair(pair, renames, protection, warnings);
    if (!change) continue;
    changeByDesired.set(pair.desired.identity, changes.length);
    changes.push(change);
  }
  const deleteByLive = new Map<string, number>();
  for (const entry of decision.deletes) {
    deleteByLive.set(entry.identity, changes.length);
    changes.push(makeDelete(entry, listLiveReferrers().get(entry.identity) ?? []));
  }
  for (const pair of pairs) {
    const index = changeByDesired.get(pair.desired.identity);
    if (index === undefined || !pair.live || !renames.has(pair.live.identity)) continue;
    const referrers = (listLiveReferrers().get(pair.live.identity) ?? []).filter(({ item }) => !deleteByLive.has(item.identity));
    if (referrers.length > 0) changes[index]!.referencedBy = countReferrers(referrers);
  }

  const pairByDesired = new Map(pairs.map((pair) => [pair.desired.identity, pair]));
  const referencesByAddress = new Map(changes.map((change) => [change.address, change.after ? listReferences(change.kind, change.after) : []]));
  const edges = collectEdges({ changes, pairs, changeByDesired, deleteByLive, listLiveReferrers, referencesByAddress, pairByLive: new Map(pairs.filter((pair) => pair.live).map((pair) => [pair.live!.identity, pair])) });
  const ordered = orderChanges(changes, edges);

  const unmanaged: UnmanagedResource[] = decision.kept
    .map((entry) => ({ address: formatAddress(entry.resource.kind, entry.resource.name), kind: entry.resource.kind, name: entry.resource.name }))
    .sort(compareByKindAndName);
  const liveCounts = new Map<Kind, number>();
  for (const entry of liveEntries) liveCounts.set(entry.resource.kind, (liveCounts.get(entry.resource.kind) ?? 0) + 1);
  const isFirstStep = (change: Change) => !isReferenceStep(change);

  return {
    formatVersion: PLAN_FORMAT_VERSION,
    target: {
      url: options.target.url,
      isSandbox: options.target.isSandbox,
      ...(options.target.environment === undefined ? {} : { environment: options.target.environment }),
      ...(options.target.account === undefined ? {} : { account: { ...(options.target.account.id === undefined ? {} : { id: options.target.account.id }), email: options.target.account.email } }),
    },
    changes: ordered,
    unmanaged,
    safety: assessSafety(ordered, liveCounts),
    summary: {
      create: ordered.filter((change) => change.action === 'create').length,
      update: ordered.filter((change) => change.action === 'update' && isFirstStep(change)).length,
      delete: ordered.filter((change) => change.action === 'delete').length,
      unmanaged: unmanaged.length,
    },
    fingerprints: {
      salt: fingerprintKey.salt,
      config: fingerprintNormalizedConfig(allDesired, desired.prune, fingerprintKey),
      live: fingerprintDependencies(ordered, referencesByAddress, pairByDesired, liveByIdentity, fingerprintKey),
    },
    unsupported: [...snapshot.unsupported],
    warnings,
  };
}

/** Identity by natural key; an unmatched `renamedFrom` then claims the live object with the old key. */
function matchResources(desired: readonly DesiredEntry[], liveByIdentity: ReadonlyMap<string, LiveEntry>): { pairs: Pair[]; unmatched: LiveEntry[] } {
  const claimed = new Set<string>();
  const pairs: Pair[] = desired.map((entry) => {
    const live = liveByIdentity.get(entry.identity);
    if (live) claimed.add(live.identity);
    return { desired: entry, live };
  });
  for (const pair of pairs) {
    const { resource } = pair.desired;
    if (pair.live || resource.renamedFrom === undefined) continue;
    const old = liveByIdentity.get(formatIdentity(resource.kind, toResourceKey(resource.kind, resource.renamedFrom)));
    if (!old || claimed.has(old.identity)) continue;
    claimed.add(old.identity);
    pair.live = old;
  }
  const unmatched = [...liveByIdentity.values()].filter((entry) => !claimed.has(entry.identity));
  return { pairs, unmatched };
}

function diffPair({ desired, live }: Pair, renames: ReadonlyMap<string, string>, protection: AccountProtection, warnings: string[]): Change | undefined {
  const { kind, name } = desired.resource;
  const address = formatAddress(kind, name);
  const base = { id: address, address, kind, name, dependsOn: [], level: 0, consent: [] };
  if (!live) {
    // The fields the config writes; server defaults are filled into `after` but not listed.
    const fields = diffFields(kind, undefined, desired.spec).filter((field) => hasPath(desired.resource.spec, field.path));
    const change: Change = { ...base, action: 'create', after: desired.spec, fields };
    return withBlocks(change);
  }
  const followed = followRenames(kind, live.spec, renames);
  const before = toComparableSpec(kind, followed === live.spec ? followed : normalizeSpec(kind, followed));
  const after = protection.protect(live, before, toComparableSpec(kind, desired.spec), warnings);
  if (isJsonEqual(before, after)) return undefined;
  const change: Change = { ...base, action: 'update', liveId: live.resource.id, before, after, fields: diffFields(kind, before, after) };
  if (live.identity !== desired.identity) change.renamedFrom = live.resource.name;
  return withBlocks(change);
}

function hasPath(spec: Spec, dottedPath: string): boolean {
  let value: JsonValue | undefined = spec;
  for (const step of dottedPath.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step in value)) return false;
    value = value[step];
  }
  return true;
}

function makeDelete(entry: LiveEntry, referrers: readonly Referrer<LiveEntry>[]): Change {
  const { kind, name, id } = entry.resource;
  const address = formatAddress(kind, name);
  const impact = assessDeleteImpact(entry, referrers);
  return { id: address, address, kind, name, action: 'delete', liveId: id, before: entry.spec, fields: [], dependsOn: [], level: 0, impact, consent: describeImpact(kind, impact) };
}

/** Flows: the change block by block (diffFlowBlocks flags sensitive block fields itself). */
function withBlocks(change: Change): Change {
  if (change.kind === 'flow') change.blocks = diffFlowBlocks(change.before, change.after);
  return change;
}

interface EdgeInput {
  changes: readonly Change[];
  pairs: readonly Pair[];
  changeByDesired: ReadonlyMap<string, number>;
  deleteByLive: ReadonlyMap<string, number>;
  pairByLive: ReadonlyMap<string, Pair>;
  listLiveReferrers: () => ReadonlyMap<string, readonly Referrer<LiveEntry>[]>;
  /** References made by each change's `after`, by address (one first step per address). */
  referencesByAddress: ReadonlyMap<string, readonly Reference[]>;
}

function collectEdges(input: EdgeInput): DependencyEdge[] {
  const { changes, changeByDesired, deleteByLive, pairByLive } = input;
  const edges: DependencyEdge[] = [];
  // Objects that must exist under their new name first: creates and renames.
  const prerequisites = new Map<string, number>();
  const renameByOldIdentity = new Map<string, number>();
  for (const pair of input.pairs) {
    const index = changeByDesired.get(pair.desired.identity);
    if (index === undefined) continue;
    const change = changes[index]!;
    if (change.action === 'create' || change.renamedFrom !== undefined) prerequisites.set(pair.desired.identity, index);
    if (change.renamedFrom !== undefined && pair.live) renameByOldIdentity.set(pair.live.identity, index);
  }
  changes.forEach((change, index) => {
    if (change.action === 'delete') return;
    for (const reference of input.referencesByAddress.get(change.address) ?? []) {
      const target = prerequisites.get(identifyReference(reference));
      if (target !== undefined) edges.push({ from: index, to: target, owner: index, reference });
    }
    const rename = change.action === 'create' ? renameByOldIdentity.get(formatIdentity(change.kind, toResourceKey(change.kind, change.name))) : undefined;
    if (rename !== undefined) edges.push({ from: index, to: rename, owner: index });
  });
  if (deleteByLive.size > 0) {
    const referrers = input.listLiveReferrers();
    for (const [identity, index] of deleteByLive) {
      for (const { item, reference } of referrers.get(identity) ?? []) {
        const deleteIndex = deleteByLive.get(item.identity);
        if (deleteIndex !== undefined) {
          edges.push({ from: index, to: deleteIndex, owner: deleteIndex, reference });
          continue;
        }
        const pair = pairByLive.get(item.identity);
        const update = pair ? changeByDesired.get(pair.desired.identity) : undefined;
        if (update !== undefined) edges.push({ from: index, to: update, owner: update });
      }
    }
  }
  return edges;
}

/** Each live object a change touches (updates, deletes) or refers to, by live address. */
function fingerprintDependencies(changes: readonly Change[], referencesByAddress: ReadonlyMap<string, readonly Reference[]>, pairByDesired: ReadonlyMap<string, Pair>, liveByIdentity: ReadonlyMap<string, LiveEntry>, key: FingerprintKey): Record<string, string> {
  const entries = new Map<string, LiveEntry>();
  const add = (entry: LiveEntry | undefined) => {
    if (entry) entries.set(formatAddress(entry.resource.kind, entry.resource.name), entry);
  };
  for (const change of changes) {
    if (change.action === 'delete') add(liveByIdentity.get(formatIdentity(change.kind, toResourceKey(change.kind, change.name))));
    else add(pairByDesired.get(formatIdentity(change.kind, toResourceKey(change.kind, change.name)))?.live);
    for (const reference of referencesByAddress.get(change.address) ?? []) {
      const identity = identifyReference(reference);
      add(pairByDesired.get(identity)?.live ?? (pairByDesired.has(identity) ? undefined : liveByIdentity.get(identity)));
    }
  }
  const result: Record<string, string> = {};
  for (const address of [...entries.keys()].sort()) {
    const entry = entries.get(address)!;
    result[address] = fingerprintNormalizedLive(entry.resource.kind, entry.resource.id, entry.spec, key);
  }
  return result;
}

function describeUnsupported(desired: DesiredState, snapshot: LiveSnapshot): string[] {
  return snapshot.unsupported.flatMap(({ kind, reason }) => {
    const count = desired.resources.filter((resource) => resource.kind === kind).length;
    if (count === 0) return [];
    return [`The config's ${getKindInfo(kind).plural} (${count}) are left out of the plan: ${reason}`];
  });
}

function compareByKindAndName(a: { kind: Kind; name: string }, b: { kind: Kind; name: string }): number {
  return compareKinds(a.kind, b.kind) || compareText(a.name, b.name);
}
