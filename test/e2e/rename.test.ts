/**
 * A rename is one change (issue 14.1), end to end: the built CLI against a sandbox. Renaming a team
 * that 12 agents, a team and a user group refer to is one update that does not trip the 30 %
 * threshold, and on the wire every referrer keeps the same id.
 */
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const E2E_TIMEOUT_MS = 120_000;
const emails = Array.from({ length: 12 }, (_, index) => `agente${index + 1}@acme.com.br`);

function config(teamName: string, renamedFrom?: string): string {
  return [
    'version: 1',
    'userGroups:',
    '  - name: Supervisores',
    '    viewByTeams: true',
    `    visibleTeams: [${teamName}]`,
    'teams:',
    `  - name: ${teamName}`,
    ...(renamedFrom ? [`    renamedFrom: ${renamedFrom}`] : []),
    '    sessionTimeout: 30m',
    '  - name: SAC',
    `    overflowTeam: ${teamName}`,
    'agents:',
    ...emails.flatMap((email, index) => [`  - email: ${email}`, `    name: Agente ${index + 1}`, `    teams: [${teamName}]`]),
    '',
  ].join('\n');
}

describe('renames (end to end)', () => {
  it('renames a team referenced by 12 agents as one update, without --force, and the referrers keep its id', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject({ 'tenant.yaml': config('Suporte') });
    const env = sandboxEnv(sandbox);
    const first = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(first.code, first.stderr).toBe(0);
    const teamBefore = sandbox.store.list('team').find((team) => team.name === 'Suporte')!;
    const agentTeamsBefore = sandbox.store.list('agent').map((agent) => agent.campaigns);
    expect(agentTeamsBefore.every((teams) => JSON.stringify(teams) === JSON.stringify([teamBefore._id]))).toBe(true);

    writeFileSync(join(cwd, 'tenant.yaml'), config('Suporte Técnico', 'Suporte'));
    const planned = await runCli(['plan', '--json'], { cwd, env });
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ address: 'team.Suporte Técnico', renamedFrom: 'Suporte', referencedBy: [{ kind: 'user-group', count: 1 }, { kind: 'team', count: 1 }, { kind: 'agent', count: 12 }] });
    expect(plan.safety.isUnsafe).toBe(false);
    const text = await runCli(['plan'], { cwd, env });
    expect(text.stdout).toContain('~ team.Suporte → team.Suporte Técnico will be renamed, referenced by 1 user group, 1 team, 12 agents');
    expect(text.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete');

    sandbox.resetAudit();
    const applied = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(sandbox.audit().writes).toBe(1);
    const teamAfter = sandbox.store.get('team', String(teamBefore._id))!;
    expect(teamAfter.name).toBe('Suporte Técnico');
    expect(sandbox.store.list('agent').map((agent) => agent.campaigns)).toEqual(agentTeamsBefore);
    expect(sandbox.store.list('team').find((team) => team.name === 'SAC')!.transhipment).toBe(teamBefore._id);

    const again = await runCli(['plan'], { cwd, env });
    expect(again.stdout, again.stderr).toContain('No changes.');
  }, E2E_TIMEOUT_MS);
});
