import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';

const account = { email: 'Ops@Acme.com.br' };
const live = [
  aLive('user-group', { name: 'Operações', fullPermission: true }),
  aLive('user-group', { name: 'Leitura' }),
  aLive('administrator', { email: 'ops@acme.com.br', name: 'Ops', userGroup: 'Operações' }),
  aLive('administrator', { email: 'ana@acme.com.br', name: 'Ana', userGroup: 'Leitura' }),
];

describe('buildPlan: never lock yourself out', () => {
  test('never deletes the signed-in account or its user group, even with --prune, and says why', () => {
    const plan = buildPlan(aState([aDesired('user-group', { name: 'Leitura' })]), aSnapshot(live), { target: sandboxTarget, prune: true, account });
    expect(plan.changes.map((change) => `${change.action} ${change.address}`)).toEqual(['delete administrator.ana@acme.com.br']);
    expect(plan.warnings).toEqual([
      'user-group.Operações is not in the config but is kept: it gives the account conecta is signed in as (Ops@Acme.com.br) its rights (protected).',
      'administrator.ops@acme.com.br is not in the config but is kept: it is the account conecta is signed in as (protected).',
    ]);
  });

  test('keeps the account enabled, in a group with full permission, and its group with full permission', () => {
    const desired = [
      aDesired('user-group', { name: 'Operações', fullPermission: false }),
      aDesired('user-group', { name: 'Leitura' }),
      aDesired('administrator', { email: 'ops@acme.com.br', name: 'Ops Team', userGroup: 'Leitura', disabled: true }),
    ];
    const plan = buildPlan(aState(desired), aSnapshot(live), { target: sandboxTarget, account });
    expect(plan.changes.map((change) => [change.address, change.fields.map((field) => field.path)])).toEqual([['administrator.ops@acme.com.br', ['name']]]);
    expect(plan.warnings).toHaveLength(3);
    expect(plan.warnings.join('\n')).toContain('kept enabled although the config disables it (protected)');
    expect(plan.warnings.join('\n')).toContain('kept in user group Operações, because Leitura has no full permission (protected)');
    expect(plan.warnings.join('\n')).toContain('user-group.Operações gives the account conecta is signed in as (Ops@Acme.com.br) its rights: it keeps full permission');
  });

  test('lets the account move to another group with full permission, and other administrators be disabled', () => {
    const desired = [
      aDesired('user-group', { name: 'Operações', fullPermission: true }),
      aDesired('user-group', { name: 'Admins', fullPermission: true }),
      aDesired('administrator', { email: 'ops@acme.com.br', name: 'Ops', userGroup: 'Admins' }),
      aDesired('administrator', { email: 'ana@acme.com.br', name: 'Ana', userGroup: 'Leitura', disabled: true }),
      aDesired('user-group', { name: 'Leitura' }),
    ];
    const plan = buildPlan(aState(desired), aSnapshot(live), { target: sandboxTarget, account });
    expect(plan.warnings).toEqual([]);
    expect(plan.changes.map((change) => change.address).sort()).toEqual(['administrator.ana@acme.com.br', 'administrator.ops@acme.com.br', 'user-group.Admins']);
  });
});
