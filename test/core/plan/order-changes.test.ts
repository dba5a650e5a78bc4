import { describe, expect, test } from 'vitest';
import { PlanError } from '../../../cli/core/errors.js';
import { findUnbreakableCycles } from '../../../cli/core/plan/find-unbreakable-cycles.js';
import { orderChanges, removeReferences } from '../../../cli/core/plan/order-changes.js';
import type { Change } from '../../../cli/core/plan/types.js';
import { aDesired, aState } from '../../helpers/builders.js';

function aCreate(name: string, after: Change['after']): Change {
  return { id: `team.${name}`, address: `team.${name}`, kind: 'team', name, action: 'create', after, fields: [], dependsOn: [], level: 0, consent: [] };
}

describe('orderChanges', () => {
  test('refuses a cycle whose references cannot be deferred, naming the objects', () => {
    const changes = [aCreate('A', { name: 'A' }), aCreate('B', { name: 'B' })];
    const reference = (name: string) => ({ kind: 'team' as const, name, path: ['tabulations', 0], isDeferrable: false });
    const run = () => orderChanges(changes, [{ from: 0, to: 1, owner: 0, reference: reference('B') }, { from: 1, to: 0, owner: 1, reference: reference('A') }]);
    expect(run).toThrow(PlanError);
    expect(run).toThrow(/team\.A, team\.B refer to each other/);
  });

  test('sets dependsOn to step ids and levels to the longest chain below', () => {
    const changes = [aCreate('A', { name: 'A' }), aCreate('B', { name: 'B' }), aCreate('C', { name: 'C' })];
    const ordered = orderChanges(changes, [{ from: 0, to: 1, owner: 0 }, { from: 0, to: 2, owner: 0 }, { from: 1, to: 2, owner: 1 }]);
    expect(ordered.map((change) => [change.id, change.level, change.dependsOn])).toEqual([
      ['team.C', 0, []],
      ['team.B', 1, ['team.C']],
      ['team.A', 2, ['team.B', 'team.C']],
    ]);
  });
});

describe('removeReferences', () => {
  test('drops list items and removes other reference fields whole', () => {
    const spec = { name: 'A', agentOrder: ['a', 'b', 'c'], waitTimeout: { after: '1m', redirectTo: 'B' }, overflowTeam: 'B' };
    expect(removeReferences(spec, [['agentOrder', 1], ['waitTimeout', 'redirectTo'], ['overflowTeam']])).toEqual({ name: 'A', agentOrder: ['a', 'c'] });
  });
});

describe('findUnbreakableCycles', () => {
  test('accepts a cycle that a deferrable reference breaks', () => {
    const state = aState([aDesired('team', { name: 'A', overflowTeam: 'B' }), aDesired('team', { name: 'B', overflowTeam: 'A' })]);
    expect(findUnbreakableCycles(state)).toEqual([]);
  });
});
