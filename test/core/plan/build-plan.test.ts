import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { fingerprintLive, UNSAVED_FINGERPRINT_KEY } from '../../../cli/core/plan/fingerprint.js';
import type { Change } from '../../../cli/core/plan/types.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';

const options = { target: sandboxTarget };
const byId = (changes: Change[], id: string) => changes.find((change) => change.id === id)!;

describe('buildPlan: matching and diff', () => {
  test('plans a create for an object missing from the tenant, with every field', () => {
    const plan = buildPlan(aState([aDesired('tabulation', { name: 'Venda' })]), aSnapshot([]), options);
    expect(plan.changes).toMatchObject([{ id: 'tabulation.Venda', action: 'create', fields: [{ path: 'name', after: 'Venda' }] }]);
    expect(plan.summary).toEqual({ create: 1, update: 0, delete: 0, unmanaged: 0 });
  });

  test('plans nothing when the live object only differs by defaults, order of sets and line endings', () => {
    const desired = aDesired('team', { name: 'SAC', tabulations: ['b', 'a'], closingMessage: 'Tchau\r\n' });
    const live = aLive('team', { name: 'SAC', tabulations: ['a', 'b'], closingMessage: 'Tchau', sessionTimeout: '0s', distributionRule: 'all' });
    expect(buildPlan(aState([desired]), aSnapshot([live]), options).changes).toEqual([]);
  });

  test("plans an update when a team's closing message changes, field by field with dotted paths", () => {
    const desired = aDesired('team', { name: 'SAC', closingMessage: 'b', waitTimeout: { after: '10m', redirectTo: 'SAC' }, permissions: { sendEmojis: false } });
    const live = aLive('team', { name: 'SAC', closingMessage: 'a', waitTimeout: { after: '5m', redirectTo: 'SAC' } });
    const [change] = buildPlan(aState([desired]), aSnapshot([live]), options).changes;
    expect(change).toMatchObject({ action: 'update', liveId: 'team-SAC' });
    expect(change!.fields).toEqual([
      { path: 'closingMessage', before: 'a', after: 'b', isText: true },
      { path: 'waitTimeout.after', before: '5m', after: '10m' },
      { path: 'permissions.sendEmojis', before: true, after: false },
    ]);
  });

  test('plans a rename as an update of the live object, never a delete and a create', () => {
    const desired = aDesired('team', { name: 'Suporte' }, { renamedFrom: 'Help' });
    const plan = buildPlan(aState([desired], { team: true }), aSnapshot([aLive('team', { name: 'Help' })]), options);
    expect(plan.changes).toMatchObject([{ id: 'team.Suporte', action: 'update', renamedFrom: 'Help', liveId: 'team-Help', fields: [{ path: 'name', before: 'Help', after: 'Suporte' }] }]);
  });

  test('a rename is one change: referrers whose only difference is the new name are not changed', () => {
    const emails = Array.from({ length: 12 }, (_, index) => `agent${index}@acme.com`);
    const desired = [
      aDesired('team', { name: 'Suporte Técnico' }, { renamedFrom: 'Suporte' }),
      aDesired('team', { name: 'SAC', overflowTeam: 'Suporte Técnico', transferTeams: ['Suporte Técnico', 'SAC'] }),
      aDesired('user-group', { name: 'Supervisores', viewByTeams: true, visibleTeams: ['Suporte Técnico'] }),
      ...emails.map((email) => aDesired('agent', { email, name: email, teams: ['Suporte Técnico', 'SAC'] })),
    ];
    const live = [
      aLive('team', { name: 'Suporte' }),
      aLive('team', { name: 'SAC', overflowTeam: 'Suporte', transferTeams: ['SAC', 'Suporte'] }),
      aLive('user-group', { name: 'Supervisores', viewByTeams: true, visibleTeams: ['Suporte'] }),
      ...emails.map((email) => aLive('agent', { email, name: email, teams: ['SAC', 'Suporte'] })),
    ];
    const plan = buildPlan(aState(desired), aSnapshot(live), options);
    expect(plan.changes).toMatchObject([{
      id: 'team.Suporte Técnico', action: 'update', renamedFrom: 'Suporte', liveId: 'team-Suporte',
      fields: [{ path: 'name', before: 'Suporte', after: 'Suporte Técnico' }],
      referencedBy: [{ kind: 'user-group', count: 1 }, { kind: 'team', count: 1 }, { kind: 'agent', count: 12 }],
    }]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.safety.isUnsafe).toBe(false);
  });

  test('a referrer that changes for another reason shows only that change, not the renamed reference', () => {
    const desired = [aDesired('team', { name: 'Suporte Técnico' }, { renamedFrom: 'Suporte' }), aDesired('agent', { email: 'a@acme.com', name: 'Ana', teams: ['Suporte Técnico'] })];
    const live = [aLive('team', { name: 'Suporte' }), aLive('agent', { email: 'a@acme.com', name: 'A', teams: ['Suporte'] })];
    const agent = byId(buildPlan(aState(desired), aSnapshot(live), options).changes, 'agent.a@acme.com');
    expect(agent.fields).toEqual([{ path: 'name', before: 'A', after: 'Ana' }]);
    expect(agent.before).toMatchObject({ teams: ['Suporte Técnico'] });
  });

  test('renamed agents (new login e-mail) stay in the agent order of their teams without a team update', () => {
    const desired = [aDesired('agent', { email: 'ana.souza@acme.com', name: 'Ana' }, { renamedFrom: 'Ana@Acme.com' }), aDesired('team', { name: 'SAC', distributionRule: 'sequential', agentOrder: ['ana.souza@acme.com'] })];
    const live = [aLive('agent', { email: 'ana@acme.com', name: 'Ana', teams: ['SAC'] }), aLive('team', { name: 'SAC', distributionRule: 'sequential', agentOrder: ['ana@acme.com'] })];
    const plan = buildPlan(aState(desired), aSnapshot(live), options);
    expect(plan.changes.map((change) => change.id)).toEqual(['agent.ana.souza@acme.com']);
    expect(plan.changes[0]!.referencedBy).toEqual([{ kind: 'team', count: 1 }]);
  });

  test('matches agents by e-mail without regard to case', () => {
    const plan = buildPlan(aState([aDesired('agent', { email: 'Maria@Acme.com', name: 'Maria' })]), aSnapshot([aLive('agent', { email: 'maria@acme.com', name: 'Maria' })]), options);
    expect(plan.changes).toEqual([]);
  });

  test('never compares the write-only initial password but writes it on create', () => {
    const desired = aDesired('agent', { email: 'a@acme.com', name: 'A', initialPassword: 'segredo123' });
    expect(buildPlan(aState([desired]), aSnapshot([aLive('agent', { email: 'a@acme.com', name: 'A' })]), options).changes).toEqual([]);
    const [create] = buildPlan(aState([desired]), aSnapshot([]), options).changes;
    expect(create!.after).toMatchObject({ initialPassword: 'segredo123' });
    expect(create!.fields.find((field) => field.path === 'initialPassword')).toMatchObject({ isSensitive: true });
  });
});

describe('buildPlan: deletion policy', () => {
  test('keeps live objects missing from the config by default and lists them as not managed', () => {
    const plan = buildPlan(aState([]), aSnapshot([aLive('tabulation', { name: 'Old' })]), options);
    expect(plan.changes).toEqual([]);
    expect(plan.unmanaged).toEqual([{ address: 'tabulation.Old', kind: 'tabulation', name: 'Old' }]);
  });

  test('deletes them when the kind is pruned, saying what depends on the object', () => {
    const live = [aLive('team', { name: 'Old' }), aLive('agent', { email: 'a@acme.com', name: 'A', teams: ['Old'] }), aLive('agent', { email: 'b@acme.com', name: 'B', teams: ['Old'] })];
    const desired = [aDesired('agent', { email: 'a@acme.com', name: 'A' }), aDesired('agent', { email: 'b@acme.com', name: 'B' })];
    const plan = buildPlan(aState(desired, { team: true }), aSnapshot(live), options);
    const remove = byId(plan.changes, 'team.Old');
    expect(remove).toMatchObject({ action: 'delete', consent: ['2 agents are in this team'] });
    expect(remove.dependsOn).toEqual(['agent.a@acme.com', 'agent.b@acme.com']);
  });

  test('never deletes the built-in Administrador group, even with --prune', () => {
    const plan = buildPlan(aState([]), aSnapshot([aLive('user-group', { name: 'Administrador' })]), { ...options, prune: true });
    expect(plan.changes).toEqual([]);
    expect(plan.unmanaged.map((resource) => resource.address)).toEqual(['user-group.Administrador']);
  });

  test('keeps an object that a kept object still refers to, with a warning', () => {
    const live = [aLive('tabulation', { name: 'Venda' }), aLive('team', { name: 'Legado', tabulations: ['Venda'] })];
    const plan = buildPlan(aState([], { tabulation: true }), aSnapshot(live), options);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual(['tabulation.Venda is not in the config but is kept: team.Legado (not managed) refers to it.']);
  });

  test('deletes a dependent before what it depends on', () => {
    const live = [aLive('tabulation', { name: 'Venda' }), aLive('team', { name: 'Legado', tabulations: ['Venda'] })];
    const plan = buildPlan(aState([]), aSnapshot(live), { ...options, prune: true });
    expect(plan.changes.map((change) => [change.id, change.level])).toEqual([['team.Legado', 0], ['tabulation.Venda', 1]]);
  });
});

describe('buildPlan: order', () => {
  test('creates what an object refers to first, kind order only breaking ties', () => {
    const desired = [aDesired('agent', { email: 'a@acme.com', name: 'A', teams: ['SAC'] }), aDesired('team', { name: 'SAC', tabulations: ['Venda'] }), aDesired('tabulation', { name: 'Venda' }), aDesired('pause', { name: 'Almoço' })];
    const plan = buildPlan(aState(desired), aSnapshot([]), options);
    expect(plan.changes.map((change) => `${change.level}:${change.id}`)).toEqual(['0:tabulation.Venda', '0:pause.Almoço', '1:team.SAC', '2:agent.a@acme.com']);
    expect(byId(plan.changes, 'agent.a@acme.com').dependsOn).toEqual(['team.SAC']);
  });

  test('breaks a reference cycle by creating one side without the reference and setting it later', () => {
    const desired = [aDesired('team', { name: 'A', overflowTeam: 'B' }), aDesired('team', { name: 'B', overflowTeam: 'A' })];
    const plan = buildPlan(aState(desired), aSnapshot([]), options);
    expect(plan.changes.map((change) => [change.id, change.phase, change.level])).toEqual([
      ['team.A', 'create-without-deferred-references', 0],
      ['team.B', undefined, 1],
      ['team.A#references', 'set-deferred-references', 2],
    ]);
    expect(byId(plan.changes, 'team.A').after).not.toHaveProperty('overflowTeam');
    expect(byId(plan.changes, 'team.A#references')).toMatchObject({ action: 'update', fields: [{ path: 'overflowTeam', after: 'B' }], dependsOn: ['team.A', 'team.B'] });
    expect(plan.summary.update).toBe(0);
  });

  test('renames before an object that changes for another reason refers to the new name', () => {
    const desired = [aDesired('team', { name: 'Suporte' }, { renamedFrom: 'Help' }), aDesired('agent', { email: 'a@acme.com', name: 'A2', teams: ['Suporte'] })];
    const live = [aLive('team', { name: 'Help' }), aLive('agent', { email: 'a@acme.com', name: 'A', teams: ['Help'] })];
    const plan = buildPlan(aState(desired), aSnapshot(live), options);
    expect(byId(plan.changes, 'agent.a@acme.com').dependsOn).toEqual(['team.Suporte']);
  });

  test('removes references before deleting objects that refer to each other', () => {
    const live = [aLive('team', { name: 'A', overflowTeam: 'B' }), aLive('team', { name: 'B', overflowTeam: 'A' })];
    const plan = buildPlan(aState([], { team: true }), aSnapshot(live), options);
    expect(plan.changes.map((change) => [change.id, change.action, change.level])).toEqual([
      ['team.A#references', 'update', 0],
      ['team.B', 'delete', 1],
      ['team.A', 'delete', 2],
    ]);
    expect(plan.changes[0]).toMatchObject({ phase: 'remove-references-before-delete', fields: [{ path: 'overflowTeam', before: 'B' }] });
    expect(plan.summary).toMatchObject({ update: 0, delete: 2 });
  });
});

describe('buildPlan: safety and fingerprints', () => {
  test('marks a plan unsafe when it deletes or updates more than 30 % of a kind with at least 10 objects', () => {
    const live = Array.from({ length: 10 }, (_, index) => aLive('tabulation', { name: `T${index}` }));
    const plan = buildPlan(aState(live.slice(0, 6).map((resource) => aDesired('tabulation', resource.spec)), { tabulation: true }), aSnapshot(live), options);
    expect(plan.safety).toEqual({ isUnsafe: true, reasons: ['deletes or updates 40 % of tabulations (4 of 10); more than 30 % needs --force'] });
  });

  test('is safe at exactly 30 %, and below 10 live objects', () => {
    const ten = Array.from({ length: 10 }, (_, index) => aLive('tabulation', { name: `T${index}` }));
    expect(buildPlan(aState(ten.slice(0, 7).map((resource) => aDesired('tabulation', resource.spec)), { tabulation: true }), aSnapshot(ten), options).safety.isUnsafe).toBe(false);
    const nine = ten.slice(0, 9);
    expect(buildPlan(aState([], { tabulation: true }), aSnapshot(nine), options).safety.isUnsafe).toBe(false);
  });

  test('marks a plan unsafe when it creates more objects of a kind than the at least 10 it holds', () => {
    const live = Array.from({ length: 10 }, (_, index) => aLive('tabulation', { name: `T${index}` }));
    const desired = [...live, ...Array.from({ length: 11 }, (_, index) => aLive('tabulation', { name: `N${index}` }))].map((resource) => aDesired('tabulation', resource.spec));
    expect(buildPlan(aState(desired), aSnapshot(live), options).safety).toEqual({ isUnsafe: true, reasons: ['creates 11 tabulations, more than the 10 live (110 %); creating more than a kind holds needs --force'] });
    expect(buildPlan(aState(desired.slice(0, 20)), aSnapshot(live), options).safety.isUnsafe).toBe(false);
  });

  test('never holds back creates in an empty tenant (the first apply)', () => {
    const desired = Array.from({ length: 500 }, (_, index) => aDesired('tabulation', { name: `T${index}` }));
    expect(buildPlan(aState(desired), aSnapshot([]), options).safety).toEqual({ isUnsafe: false, reasons: [] });
  });

  test('fingerprints every live object the plan touches or depends on', () => {
    const team = aLive('team', { name: 'SAC' });
    const agent = aLive('agent', { email: 'a@acme.com', name: 'A' });
    const plan = buildPlan(aState([aDesired('agent', { email: 'a@acme.com', name: 'A2', teams: ['SAC'] })]), aSnapshot([team, agent, aLive('pause', { name: 'P' })]), options);
    expect(plan.fingerprints.live).toEqual({ 'agent.a@acme.com': fingerprintLive(agent, UNSAVED_FINGERPRINT_KEY), 'team.SAC': fingerprintLive(team, UNSAVED_FINGERPRINT_KEY) });
    expect(plan.fingerprints.config).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('leaves out kinds the tenant cannot manage, with a warning', () => {
    const plan = buildPlan(aState([aDesired('flow', { name: 'Main', start: 'a', blocks: { a: { type: 'end' } } })]), aSnapshot([], [{ kind: 'flow', reason: 'this tenant has no flow endpoint' }]), options);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual(["The config's flows (1) are left out of the plan: this tenant has no flow endpoint"]);
  });
});
