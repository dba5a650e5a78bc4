/** Builders for the plan's inputs: desired and live resources, states and snapshots. */
import { formatWordFilterName, getKindInfo, toResourceKey } from '../../cli/core/kinds/registry.js';
import type { DesiredResource, DesiredState, Kind, LiveResource, LiveSnapshot, PrunePolicy, Spec, UnsupportedKind } from '../../cli/core/model/resource.js';

export const sandboxTarget = { url: 'http://127.0.0.1:4010', isSandbox: true };

export function nameOf(kind: Kind, spec: Spec): string {
  if (kind === 'word-filter') return formatWordFilterName(String(spec.list), String(spec.word));
  const field = getKindInfo(kind).keyField!;
  return String(spec[field]);
}

export function aDesired(kind: Kind, spec: Spec, extra: { renamedFrom?: string } = {}): DesiredResource {
  const name = nameOf(kind, spec);
  const resource: DesiredResource = { kind, name, key: toResourceKey(kind, name), spec };
  if (extra.renamedFrom !== undefined) resource.renamedFrom = extra.renamedFrom;
  return resource;
}

export function aLive(kind: Kind, spec: Spec, id = `${kind}-${nameOf(kind, spec)}`): LiveResource {
  const name = nameOf(kind, spec);
  return { kind, name, key: toResourceKey(kind, name), id, spec };
}

export function aState(resources: DesiredResource[], prune: PrunePolicy = {}): DesiredState {
  return { resources, prune };
}

export function aSnapshot(resources: LiveResource[], unsupported: UnsupportedKind[] = []): LiveSnapshot {
  return { resources, unsupported };
}

/** The live twin of a desired resource (same spec), as the tenant would list it after apply. */
export function toLive(resource: DesiredResource, id = `${resource.kind}-${resource.name}`): LiveResource {
  const spec = { ...resource.spec };
  delete spec.initialPassword;
  return { kind: resource.kind, name: resource.name, key: resource.key, id, spec };
}
