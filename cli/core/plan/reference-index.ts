/** Who refers to whom, by identity (`<kind>.<key>`), computed from specs with `listReferences`. */
import { toResourceKey } from '../kinds/registry.js';
import { listReferences, setAtPath, type Reference } from '../kinds/schema-walk.js';
import { formatAddress, type Kind, type Spec } from '../model/resource.js';

/** `<kind>.<key>`: the identity used to match objects and references. */
export function formatIdentity(kind: Kind, key: string): string {
  return formatAddress(kind, key);
}

export function identifyReference(reference: Reference): string {
  return formatIdentity(reference.kind, toResourceKey(reference.kind, reference.name));
}

export interface Referrer<T> {
  item: T;
  reference: Reference;
}

/** Maps each referenced identity to the items whose spec refers to it (self-references left out). */
export function indexReferrers<T>(items: readonly T[], describe: (item: T) => { kind: Kind; key: string; spec: Spec }): Map<string, Referrer<T>[]> {
  const index = new Map<string, Referrer<T>[]>();
  for (const item of items) {
    const { kind, key, spec } = describe(item);
    const self = formatIdentity(kind, key);
    for (const reference of listReferences(kind, spec)) {
      const target = identifyReference(reference);
      if (target === self) continue;
      const list = index.get(target);
      if (list) list.push({ item, reference });
      else index.set(target, [{ item, reference }]);
    }
  }
  return index;
}

/**
 * A copy of `spec` whose references follow the renames of this plan: a reference to a live object
 * that is being renamed is written with its new name. References are ids on the wire, so a
 * referrer whose only difference is the new name does not change.
 * `renames` maps the live identity of each renamed object to its new display name.
 * Returns `spec` itself when nothing it refers to is renamed.
 */
export function followRenames(kind: Kind, spec: Spec, renames: ReadonlyMap<string, string>): Spec {
  if (renames.size === 0) return spec;
  let copy: Spec | undefined;
  for (const reference of listReferences(kind, spec)) {
    const newName = renames.get(identifyReference(reference));
    if (newName === undefined) continue;
    copy ??= structuredClone(spec);
    setAtPath(copy, reference.path, newName);
  }
  return copy ?? spec;
}

