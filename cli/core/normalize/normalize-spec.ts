/**
 * Normalisation, applied to the desired and the live spec alike, so that only real differences
 * remain: the schema drives it (normalize-by-schema.ts: defaults, sets sorted, ordered lists kept,
 * texts and durations in canonical form); the natural key of a case-insensitive kind is
 * lower-cased (e-mails), and so is a filtered word, trimmed (Conecta ignores its case).
 */
import { allKinds, getKindInfo } from '../kinds/registry.js';
import { getKindSchema } from '../kinds/schema-walk.js';
import type { Kind, Spec } from '../model/resource.js';
import { normalizeBySchema } from './normalize-by-schema.js';

/** Returns a normalised copy of `spec`; the input is not changed. */
export function normalizeSpec(kind: Kind, spec: Spec): Spec {
  const result = normalizeBySchema(kind, spec);
  const { keyField, isKeyCaseInsensitive } = getKindInfo(kind);
  if (!isKeyCaseInsensitive) return result;
  const key = keyField === null ? undefined : result[keyField];
  if (keyField !== null && typeof key === 'string') result[keyField] = key.toLowerCase();
  if (kind === 'word-filter' && typeof result.word === 'string') result.word = result.word.trim().toLowerCase();
  return result;
}

/** Top-level fields that are written but never read back (initial passwords): left out of comparisons. */
export function listWriteOnlyFields(kind: Kind): readonly string[] {
  return writeOnlyFields.get(kind) ?? [];
}

const writeOnlyFields = new Map<Kind, string[]>(allKinds.map((kind) => [
  kind,
  Object.entries(getKindSchema(kind).properties ?? {}).filter(([, node]) => node.writeOnly === true).map(([key]) => key),
]));

/** The spec as compared with the other side: write-only fields removed. */
export function toComparableSpec(kind: Kind, spec: Spec): Spec {
  const writeOnly = listWriteOnlyFields(kind);
  if (!writeOnly.some((field) => field in spec)) return spec;
  const result = { ...spec };
  for (const field of writeOnly) delete result[field];
  return result;
}
