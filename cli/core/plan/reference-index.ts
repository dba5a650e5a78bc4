/** Who refers to whom, by identity (`<kind>.<key>`), computed from specs with `listReferences`. */
import { toResourceKey } from '../kinds/registry.js';
import { listReferences, type Reference } from '../kinds/schema-walk.js';
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
