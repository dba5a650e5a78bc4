import { describe, expect, it } from 'vitest';
import { checkLiveReferences, checkReferences } from '../../../cli/core/config/check-references.js';
import { resolveDesiredState } from '../../../cli/core/config/resolve-state.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import type { DesiredResource, DesiredState } from '../../../cli/core/model/resource.js';
import { aDesired, aLive, aSnapshot, sandboxTarget } from '../../helpers/builders.js';

function located(resource: DesiredResource, line: number): DesiredResource {
  return { ...resource, origin: { file: 'c.yaml', line, column: 5, pointer: `/x/${line}` } };
}

const agent = located(aDesired('agent', { email: 'a@acme.com', name: 'A', teams: ['SAC', 'Vendas'] }), 3);

describe('references to kinds the config does not declare (partial adoption)', () => {
  it('notes once per kind that plan checks them in the tenant, instead of an error', () => {
    const state: DesiredState = { resources: [agent], prune: {}, declaredKinds: ['agent'] };
    expect(checkReferences(state)).toEqual([expect.objectContaining({
      code: 'CONFIG_LIVE_REFERENCE', severity: 'notice', pointer: '/x/3/teams/0',
      message: 'The config refers to 2 teams (`SAC`, `Vendas`) and declares no `teams`: plan checks them in the tenant.',
    })]);
  });

  it('still requires a reference to a declared kind to name an object of the config, even when the list is empty', () => {
    const state: DesiredState = { resources: [agent], prune: {}, declaredKinds: ['agent', 'team'] };
    expect(checkReferences(state).map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['CONFIG_UNKNOWN_REFERENCE', 'error'], ['CONFIG_UNKNOWN_REFERENCE', 'error']]);
  });

  it('fails the plan at the name that the tenant does not have, suggesting the closest live name', () => {
    const state: DesiredState = { resources: [agent], prune: {}, declaredKinds: ['agent'] };
    const snapshot = aSnapshot([aLive('team', { name: 'SAC' }), aLive('team', { name: 'Venda' })]);
    expect(checkLiveReferences(state, snapshot)).toEqual([expect.objectContaining({ code: 'PLAN_UNKNOWN_REFERENCE', severity: 'error', pointer: '/x/3/teams/1', hint: 'Did you mean `Venda`?' })]);
    expect(checkLiveReferences(state, aSnapshot([aLive('team', { name: 'SAC' }), aLive('team', { name: 'Vendas' })]))).toEqual([]);
  });

  it('declares a kind whose key appears with an empty list, and only the kinds whose key appears', () => {
    const { state } = resolveDesiredState([{ file: 'c.yaml', value: { version: 1, teams: [], agents: [{ email: 'a@acme.com', name: 'A' }] }, positions: {} }]);
    expect(state.declaredKinds).toEqual(['team', 'agent']);
  });

  it('never prunes a kind the config does not declare, even with --prune', () => {
    const state: DesiredState = { resources: [aDesired('agent', { email: 'a@acme.com', name: 'A', teams: ['SAC'] })], prune: {}, declaredKinds: ['agent'] };
    const snapshot = aSnapshot([aLive('team', { name: 'SAC' }), aLive('team', { name: 'Old' }), aLive('agent', { email: 'a@acme.com', name: 'A', teams: ['SAC'] }), aLive('agent', { email: 'b@acme.com', name: 'B' })]);
    const plan = buildPlan(state, snapshot, { target: sandboxTarget, prune: true });
    expect(plan.changes.map((change) => `${change.action} ${change.address}`)).toEqual(['delete agent.b@acme.com']);
    expect(plan.unmanaged.map((resource) => resource.address)).toEqual(['team.Old', 'team.SAC']);
  });
});
