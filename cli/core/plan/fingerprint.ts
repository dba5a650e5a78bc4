/**
 * Fingerprints bind a saved plan to what was reviewed: the normalised desired state, and each
 * live object the plan touches or depends on. Apply recomputes them and refuses a stale plan.
 *
 * A saved plan is a file anyone with the repository's CI artefacts may read, so a fingerprint must
 * not let them guess a sensitive value offline (an unsalted hash of a spec holding a password can
 * be tried against a dictionary). Sensitive values therefore never enter a hash as themselves:
 * each is replaced by an HMAC-SHA256 keyed with the run's credential (CONECTA_TOKEN, or the
 * password) and a random salt saved with the plan. Without the credential the HMAC cannot be
 * recomputed, so no guess can be checked; whoever holds the credential can already read the
 * tenant. The salt makes two plans of the same config unlinkable. `apply --plan` uses the saved
 * salt and its own credential: a secret that changed since the plan makes the plan stale, as
 * before. (The embedded local sandbox has no credential; its plans are keyed by the salt alone.)
 */
import { createHash, createHmac } from 'node:crypto';
import { compareKinds } from '../kinds/registry.js';
import type { DesiredResource, DesiredState, JsonValue, Kind, LiveResource, PrunePolicy, Spec } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';
import { normalizeSpec } from '../normalize/normalize-spec.js';
import { compareText } from '../compare-text.js';
import { replaceSensitive } from './mask-plan.js';

/** What keys the digests of sensitive values: the salt saved in the plan and the run's credential (never saved). */
export interface FingerprintKey {
  salt: string;
  credential: string;
}

/** For tests and callers that save nothing: no salt, no credential. */
export const UNSAVED_FINGERPRINT_KEY: FingerprintKey = { salt: '', credential: '' };

/** `spec` with each sensitive value replaced by its keyed digest. */
function digestSensitive(kind: Kind, spec: Spec, key: FingerprintKey): Spec {
  return replaceSensitive(kind, spec, (value) => `hmac:${createHmac('sha256', key.credential).update(`${key.salt}\u0000${canonicalJson(value)}`).digest('hex')}`);
}

export function hashCanonical(value: JsonValue): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** The config fingerprint: sensitive values enter as keyed digests, so it changes when a secret does. */
export function fingerprintConfig(state: DesiredState, key: FingerprintKey): string {
  return fingerprintNormalizedConfig(state.resources.map((resource) => ({ resource, spec: normalizeSpec(resource.kind, resource.spec) })), state.prune, key);
}

/** The same, from resources whose spec is already normalised. */
export function fingerprintNormalizedConfig(entries: readonly { resource: DesiredResource; spec: Spec }[], prune: PrunePolicy, key: FingerprintKey): string {
  const resources = [...entries]
    .sort((a, b) => compareKinds(a.resource.kind, b.resource.kind) || compareText(a.resource.key, b.resource.key))
    .map(({ resource, spec }) => ({ kind: resource.kind, key: resource.key, name: resource.name, renamedFrom: resource.renamedFrom ?? null, spec: digestSensitive(resource.kind, spec, key) }));
  // Hashed piece by piece: one canonical text per resource, never one huge string.
  const hash = createHash('sha256').update(`{"prune":${canonicalJson(prune as JsonValue)},"resources":[`);
  resources.forEach((resource, index) => hash.update(`${index > 0 ? ',' : ''}${canonicalJson(resource)}`));
  return `sha256:${hash.update(']}').digest('hex')}`;
}

/** One live object's fingerprint: its vendor id and normalised spec (sensitive values as keyed digests). */
export function fingerprintLive(resource: LiveResource, key: FingerprintKey): string {
  return fingerprintNormalizedLive(resource.kind, resource.id, normalizeSpec(resource.kind, resource.spec), key);
}

export function fingerprintNormalizedLive(kind: Kind, id: string, normalizedSpec: Spec, key: FingerprintKey): string {
  return hashCanonical({ id, spec: digestSensitive(kind, normalizedSpec, key) });
}
