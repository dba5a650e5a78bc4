import { describe, expect, it } from 'vitest';
import { findPlanDrift } from '../../../cli/core/execute/find-plan-drift.js';
import type { LiveResource } from '../../../cli/core/model/resource.js';

const fingerprint = (resource: LiveResource) => `fp:${resource.id}:${JSON.stringify(resource.spec)}`;
const team = (name: string, spec = {}): LiveResource => ({ kind: 'team', name, key: name, id: `id-${name}`, spec: { name, ...spec } });
const agent = (email: string): LiveResource => ({ kind: 'agent', name: email, key: email.toLowerCase(), id: `id-${email}`, spec: { email } });

function planOf(live: LiveResource[], changes: { id: string; action: 'create' | 'update' | 'delete' }[] = [], config = 'c1') {
  return { fingerprints: { salt: '', config, live: Object.fromEntries(live.map((r) => [`${r.kind}.${r.name}`, fingerprint(r)])) }, changes: changes as never[] };
}

describe('findPlanDrift', () => {
  it('finds nothing when config, live objects and changes are as saved', () => {
    const live = [team('SAC'), agent('Maria@acme.com')];
    const saved = planOf(live, [{ id: 'team.SAC', action: 'update' }]);
    expect(findPlanDrift(saved, saved, { resources: live, unsupported: [] }, fingerprint)).toEqual([]);
  });

  it('names each live object that changed, was deleted or appeared since the plan was saved', () => {
    const saved = planOf([team('A'), team('B'), agent('maria@acme.com')]);
    const liveNow = [team('A', { closing: 'bye' }), agent('MARIA@acme.com'), team('C')];
    const fresh = planOf([team('A', { closing: 'bye' }), team('C')]);
    expect(findPlanDrift(saved, fresh, { resources: liveNow, unsupported: [] }, fingerprint)).toEqual([
      'team.A changed in the tenant since the plan was saved',
      'team.B was deleted from the tenant since the plan was saved',
      'agent.maria@acme.com changed in the tenant since the plan was saved',
      'team.C appeared in the tenant since the plan was saved',
    ]);
  });

  it('reports a changed configuration', () => {
    expect(findPlanDrift(planOf([], [], 'c1'), planOf([], [], 'c2'), { resources: [], unsupported: [] }, fingerprint)).toEqual(['the configuration changed since the plan was saved']);
  });

  it('reports steps the saved plan and a fresh plan disagree on', () => {
    const saved = planOf([], [{ id: 'team.A', action: 'create' }]);
    const fresh = planOf([], [{ id: 'team.B', action: 'create' }]);
    expect(findPlanDrift(saved, fresh, { resources: [], unsupported: [] }, fingerprint)).toEqual([
      'the saved plan would create team.A, which is no longer needed',
      'a fresh plan would also create team.B, which the saved plan does not',
    ]);
  });
});
