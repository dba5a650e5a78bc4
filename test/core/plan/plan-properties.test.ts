import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DesiredResource, Spec } from '../../../cli/core/model/resource.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { aDesired, aSnapshot, aState, sandboxTarget, toLive } from '../../helpers/builders.js';
import { simulateApply } from '../../helpers/simulate-apply.js';

const TABULATIONS = ['T1', 'T2', 'T3'];
const TEAMS = ['A', 'B', 'C'];
const AGENTS = ['ana@acme.com', 'Bia@acme.com', 'caio@acme.com'];

const dropUndefined = (spec: Record<string, unknown>): Spec => JSON.parse(JSON.stringify(spec)) as Spec;

function arbitraryResources(): fc.Arbitrary<DesiredResource[]> {
  return fc.record({ tabulations: fc.subarray(TABULATIONS), teams: fc.subarray(TEAMS), agents: fc.subarray(AGENTS) }).chain(({ tabulations, teams, agents }) => {
    const team = (name: string) => fc.record({
      name: fc.constant(name),
      closingMessage: fc.constantFrom('', 'Tchau', 'Tchau  \r\n', 'Linha 1\nLinha 2'),
      sessionTimeout: fc.constantFrom('0m', '90m', '1h30m', '10m'),
      tabulations: fc.subarray(tabulations),
      overflowTeam: teams.length > 0 ? fc.option(fc.constantFrom(...teams), { nil: undefined }) : fc.constant(undefined),
      transferTeams: fc.subarray(teams),
      agentOrder: fc.subarray(agents),
    });
    const agent = (email: string) => fc.record({
      email: fc.constant(email),
      name: fc.constantFrom('Ana', 'Bia'),
      teams: fc.subarray(teams),
      initialPassword: fc.option(fc.constant('segredo123'), { nil: undefined }),
    });
    return fc.tuple(fc.tuple(...teams.map(team)), fc.tuple(...agents.map(agent))).map(([teamSpecs, agentSpecs]) => [
      ...tabulations.map((name) => aDesired('tabulation', { name })),
      ...teamSpecs.map((spec) => aDesired('team', dropUndefined(spec))),
      ...agentSpecs.map((spec) => aDesired('agent', dropUndefined(spec))),
    ]);
  });
}

const options = { target: sandboxTarget };

describe('buildPlan properties', () => {
  test('a state diffed against itself plans no change', () => {
    fc.assert(fc.property(arbitraryResources(), (resources) => {
      const plan = buildPlan(aState(resources), aSnapshot(resources.map((resource) => toLive(resource))), options);
      expect(plan.changes).toEqual([]);
    }));
  });

  test('after applying a plan to the tenant, a fresh plan is empty', () => {
    fc.assert(fc.property(arbitraryResources(), arbitraryResources(), fc.boolean(), (desired, existing, prune) => {
      const snapshot = aSnapshot(existing.map((resource, index) => toLive(resource, `live-${index}`)));
      const plan = buildPlan(aState(desired), snapshot, { ...options, prune });
      const after = simulateApply(plan, snapshot);
      expect(buildPlan(aState(desired), after, { ...options, prune }).changes).toEqual([]);
    }), { numRuns: 300 });
  });

  test('never orders a step before a step it depends on', () => {
    fc.assert(fc.property(arbitraryResources(), arbitraryResources(), (desired, existing) => {
      const plan = buildPlan(aState(desired), aSnapshot(existing.map((resource, index) => toLive(resource, `live-${index}`))), { ...options, prune: true });
      const position = new Map(plan.changes.map((change, index) => [change.id, index]));
      for (const [index, change] of plan.changes.entries()) {
        for (const dependency of change.dependsOn) {
          expect(position.get(dependency)).toBeLessThan(index);
          expect(plan.changes[position.get(dependency)!]!.level).toBeLessThan(change.level);
        }
      }
    }), { numRuns: 300 });
  });
});
