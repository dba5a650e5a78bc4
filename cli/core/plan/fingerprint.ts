/**
 * Fingerprints bind a saved plan to what was reviewed: the normalised desired state, and each
 * live object the plan touches or depends on. Apply recomputes them and refuses a stale plan.
 */
import { createHash } from 'node:crypto';
import { compareKinds } from '../kinds/registry.js';
import type { DesiredResource, DesiredState, JsonValue, LiveResource, PrunePolicy, Spec } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';
import { normalizeSpec } from '../normalize/normalize-spec.js';
import { compareText } from '../compare-text.js';

export function hashCanonical(value: JsonValue): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** The config fingerprint: sensitive values are included, so it changes when a secret does. */
export function fingerprintConfig(state: DesiredState): string {
  return fingerprintNormalizedConfig(state.resources.map((resource) => ({ resource, spec: normalizeSpec(resource.kind, resource.spec) })), state.prune);
}

/** The same, from resources whose spec is already normalised. */
export function fingerprintNormalizedConfig(entries: readonly { resource: DesiredResource; spec: Spec }[], prune: PrunePolicy): string {
  const resources = [...entries]
    .sort((a, b) => compareKinds(a.resource.kind, b.resource.kind) || compareText(a.resource.key, b.resource.key))
    .map(({ resource, spec }) => ({ kind: resource.kind, key: resource.key, name: resource.name, renamedFrom: resource.renamedFrom ?? null, spec }));
  // Hashed piece by piece: one canonical text per resource, never one huge string.
  const hash = createHash('sha256').update(`{"prune":${canonicalJson(prune as JsonValue)},"resources":[`);
  resources.forEach((resource, index) => hash.update(`${index > 0 ? ',' : ''}${canonicalJson(resource)}`));
  return `sha256:${hash.update(']}').digest('hex')}`;
}

/** One live object's fingerprint: its vendor id and normalised spec. */
export function fingerprintLive(resource: LiveResource): string {
  return fingerprintNormalizedLive(resource.id, normalizeSpec(resource.kind, resource.spec));
}

export function fingerprintNormalizedLive(id: string, normalizedSpec: Spec): string {
  return hashCanonical({ id, spec: normalizedSpec });
}
