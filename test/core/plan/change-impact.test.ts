import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { isReferenceStep } from '../../../cli/core/plan/types.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';

const options = { target: sandboxTarget };

describe('typed change impact', () => {
  test('a delete of a team that agents use carries its dependents by kind and field', () => {
    const live = [aLive('team', { name: 'Old' }), aLive('agent', { email: 'a@acme.com', name: 'A', teams: ['Old'] }), aLive('agent', { email: 'b@acme.com', name: 'B', teams: ['Old'] })];
    const desired = [aDesired('agent', { email: 'a@acme.com', name: 'A' }), aDesired('agent', { email: 'b@acme.com', name: 'B' })];
    const remove = buildPlan(aState(desired, { team: true }), aSnapshot(live), options).changes.find((change) => change.address === 'team.Old');
    expect(remove?.impact).toEqual({ type: 'deletes-in-use', dependents: [{ kind: 'agent', field: 'teams', count: 2, isMembership: true }] });
  });

  test('a delete of an object nothing uses says so', () => {
    const remove = buildPlan(aState([], { tabulation: true }), aSnapshot([aLive('tabulation', { name: 'Old' })]), options).changes[0];
    expect(remove?.impact).toEqual({ type: 'deletes-unreferenced' });
  });

  test('reference steps are told apart by phase, whatever their id', () => {
    expect(isReferenceStep({ phase: 'set-deferred-references' })).toBe(true);
    expect(isReferenceStep({ phase: 'remove-references-before-delete' })).toBe(true);
    expect(isReferenceStep({ phase: 'create-without-deferred-references' })).toBe(false);
    expect(isReferenceStep({})).toBe(false);
  });
});
