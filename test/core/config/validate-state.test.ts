import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDesiredState } from '../../../cli/core/config/validate-state.js';
import { toResourceKey } from '../../../cli/core/kinds/registry.js';
import type { DesiredResource, DesiredState, Kind, Spec } from '../../../cli/core/model/resource.js';

function resource(kind: Kind, name: string, spec: Spec, line = 1): DesiredResource {
  return { kind, name, key: toResourceKey(kind, name), spec, origin: { file: 'c.yaml', line, column: 5, pointer: `/x/${line}` } };
}

describe('validateDesiredState', () => {
  it('finds nothing wrong in a consistent state', () => {
    const state: DesiredState = {
      prune: {},
      resources: [
        resource('tabulation', 'Resolvido', { name: 'Resolvido' }),
        resource('team', 'SAC', { name: 'SAC', tabulations: ['Resolvido'], distributionRule: 'sequential', agentOrder: ['ANA@acme.com.br'] }),
        resource('agent', 'ana@acme.com.br', { email: 'ana@acme.com.br', name: 'Ana', teams: ['SAC'] }),
        resource('schedule-group', 'Comercial', { name: 'Comercial', intervals: [{ days: ['mon'], from: '08:00', to: '12:00' }, { days: ['mon'], from: '12:00', to: '18:00' }], holidays: [{ date: '02-29', name: 'Bissexto' }] }),
      ],
    };
    expect(validateDesiredState(state)).toEqual([]);
  });

  it('treats e-mails as the same name regardless of case', () => {
    const state: DesiredState = { prune: {}, resources: [resource('agent', 'Ana@acme.com.br', { email: 'Ana@acme.com.br', name: 'A' }, 1), resource('agent', 'ana@acme.com.br', { email: 'ana@acme.com.br', name: 'B' }, 2)] };
    expect(validateDesiredState(state)).toMatchObject([{ code: 'CONFIG_DUPLICATE_NAME', pointer: '/x/2/email', related: [{ line: 1 }] }]);
  });

  it('points at the exact value of a dangling reference', () => {
    const state: DesiredState = { prune: {}, resources: [resource('team', 'SAC', { name: 'SAC', waitTimeout: { after: '5m', redirectTo: 'Vendsa' } }), resource('team', 'Vendas', { name: 'Vendas' })] };
    expect(validateDesiredState(state)).toMatchObject([{ code: 'CONFIG_UNKNOWN_REFERENCE', pointer: '/x/1/waitTimeout/redirectTo', hint: 'Did you mean `Vendas`?' }]);
  });

  it('says that a reference to the old name of a renamed object should use the new name', () => {
    const renamed = { ...resource('team', 'Suporte Técnico', { name: 'Suporte Técnico' }, 1), renamedFrom: 'Suporte' };
    const state: DesiredState = { prune: {}, resources: [renamed, resource('agent', 'a@acme.com', { email: 'a@acme.com', name: 'A', teams: ['Suporte'] }, 2)] };
    expect(validateDesiredState(state)).toMatchObject([{ code: 'CONFIG_UNKNOWN_REFERENCE', pointer: '/x/2/teams/0', message: '`Suporte` is being renamed to `Suporte Técnico` (renamedFrom).' }]);
  });

  it('never throws on arbitrary specs', () => {
    const kinds: Kind[] = ['user-group', 'administrator', 'tabulation', 'predefined-message', 'team', 'agent', 'schedule-group', 'word-filter', 'pause', 'flow'];
    const arbitraryResource = fc.record({ kind: fc.constantFrom(...kinds), name: fc.string({ minLength: 1 }), spec: fc.dictionary(fc.constantFrom('name', 'email', 'teams', 'agentOrder', 'intervals', 'holidays', 'exceptions', 'userGroup', 'tabulations', 'overflowTeam', 'waitTimeout', 'blocks', 'list', 'word'), fc.jsonValue()) });
    fc.assert(fc.property(fc.array(arbitraryResource, { maxLength: 20 }), (items) => {
      const state: DesiredState = { prune: {}, resources: items.map((item) => resource(item.kind, item.name, item.spec as Spec)) };
      expect(Array.isArray(validateDesiredState(state))).toBe(true);
    }), { numRuns: 300 });
  });
});
