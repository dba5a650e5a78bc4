/**
 * Kinds are declared once, in the schema; the client, the sandbox (which keeps its own table, to
 * stay independent) and the test generators must agree with that declaration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds, getKindInfo } from '../../../cli/core/kinds/registry.js';
import { getDefinition } from '../../../cli/core/kinds/schema-walk.js';
import { kindMappers } from '../../../providers/conecta/mappers/index.js';
import { KIND_NAMES, KINDS } from '../../../providers/sandbox/kinds.js';
import { arbitraryTenant } from '../../helpers/random-tenant.js';

describe('kind tables', () => {
  it('declares every kind in its own $defs entry of the schema', () => {
    for (const kind of allKinds) expect(getDefinition(getKindInfo(kind).definition)['x-kind']).toBe(kind);
  });

  it('gives every kind of the registry exactly one client mapper, and no mapper to an unknown kind', () => {
    expect(Object.keys(kindMappers).sort()).toEqual([...allKinds].sort());
    for (const [kind, mapper] of Object.entries(kindMappers)) expect(mapper.kind).toBe(kind);
  });

  it('serves every client endpoint in the sandbox, and no sandbox route that no mapper uses', () => {
    const endpoints = Object.values(kindMappers).flatMap((mapper) => mapper.endpoints).sort();
    const routes = KIND_NAMES.map((name) => KINDS[name].route).sort();
    expect(routes).toEqual(endpoints);
  });

  it('compares natural keys with the same case rule in the registry and the sandbox', () => {
    for (const mapper of Object.values(kindMappers)) {
      for (const endpoint of mapper.endpoints) {
        const sandboxKind = KIND_NAMES.map((name) => KINDS[name]).find((definition) => definition.route === endpoint);
        expect({ endpoint, isCaseInsensitive: sandboxKind?.keyCaseInsensitive }).toEqual({ endpoint, isCaseInsensitive: getKindInfo(mapper.kind).isKeyCaseInsensitive });
      }
    }
  });

  it('generates objects of every kind in the random-tenant generator', () => {
    const seen = new Set<string>();
    for (const tenant of fc.sample(arbitraryTenant({ maxPerKind: 4 }), { numRuns: 60, seed: 15 })) {
      for (const resource of tenant.resources) seen.add(resource.kind);
    }
    expect([...seen].sort()).toEqual([...allKinds].sort());
  });
});
