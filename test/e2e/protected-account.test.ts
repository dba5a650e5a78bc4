/**
 * Never lock yourself out (issue 14.3), end to end: the built CLI against a sandbox signed in as
 * ops@acme.com.br. A plan with --prune that drops that administrator and turns off its group's
 * full permission keeps both, says so, and apply leaves them as they were.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;

const before = `version: 1
userGroups:
  - name: Operações
    fullPermission: true
  - name: Leitura
administrators:
  - email: ops@acme.com.br
    name: Ops
    userGroup: Operações
  - email: ana@acme.com.br
    name: Ana
    userGroup: Leitura
`;

const after = `version: 1
userGroups:
  - name: Operações
    fullPermission: false
  - name: Leitura
administrators:
  - email: ana@acme.com.br
    name: Ana
    userGroup: Leitura
`;

describe('the signed-in account (end to end)', () => {
  it('is never deleted and its group never loses full permission, even with --prune', async () => {
    const sandbox = await createSandbox({ email: 'ops@acme.com.br' });
    const env = sandboxEnv(sandbox);
    const cwd = createProject({ 'tenant.yaml': before });
    const first = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(first.code, first.stderr).toBe(0);

    writeFileSync(join(cwd, 'tenant.yaml'), after);
    const planned = await runCli(['plan', '--prune'], { cwd, env });
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('No changes.');
    expect(planned.stdout).toContain('administrator.ops@acme.com.br is not in the config but is kept: it is the account conecta is signed in as (protected).');
    expect(planned.stdout).toContain('user-group.Operações gives the account conecta is signed in as (ops@acme.com.br) its rights: it keeps full permission although the config turns it off (protected).');

    sandbox.resetAudit();
    const applied = await runCli(['apply', '--auto-approve', '--prune'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(sandbox.audit().writes).toBe(0);
    expect(sandbox.store.list('admin').map((admin) => admin.email).sort()).toEqual(['ana@acme.com.br', 'ops@acme.com.br']);
  }, E2E_TIMEOUT_MS);
});
