/**
 * End to end: a plan saved with `plan --out` applies only to the target it was read from — the
 * same tenant URL, environment and account (`GET /auth/me`). The built CLI against sandboxes over
 * loopback; "0 writes" is read from the other sandbox's audit, or from the embedded sandbox's file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;
const CONFIG = 'version: 1\ntabulations:\n  - name: Resolvido\n  - name: Pendente\n';

describe('apply --plan refuses a plan saved for another target', () => {
  it('plan against sandbox A, apply --plan against sandbox B: refused before any request to B, 0 writes', async () => {
    const a = await createSandbox({ seed: 1 });
    const b = await createSandbox({ seed: 2 });
    const cwd = createProject({ 'tenant.yaml': CONFIG });
    const planned = await runCli(['plan', '--out', 'plan.json'], { cwd, env: sandboxEnv(a) });
    expect(planned.code, planned.stderr).toBe(0);
    a.resetAudit();

    const applied = await runCli(['apply', '--plan', 'plan.json'], { cwd, env: sandboxEnv(b) });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('[APPLY_PLAN_TARGET_MISMATCH]');
    expect(applied.stderr).toContain(`target: saved ${a.url}, now ${b.url}`);
    expect(applied.stderr).toContain('nothing was applied');
    expect(b.audit().writes).toBe(0);
    expect(b.audit().requests).toBe(0);
    expect(a.audit().writes).toBe(0);

    // The same plan still applies to A.
    const toA = await runCli(['apply', '--plan', 'plan.json'], { cwd, env: sandboxEnv(a) });
    expect(toA.code, toA.stderr).toBe(0);
    expect(a.audit().writes).toBe(2);
  }, E2E_TIMEOUT_MS);

  it('same URL, another account (GET /auth/me): refused naming both accounts, 0 writes', async () => {
    const first = await createSandbox({ email: 'planner@acme.com.br' });
    const port = Number(new URL(first.url).port);
    const cwd = createProject({ 'tenant.yaml': CONFIG });
    const planned = await runCli(['plan', '--out', 'plan.json'], { cwd, env: sandboxEnv(first) });
    expect(planned.code, planned.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(cwd, 'plan.json'), 'utf8')) as { target: { account?: { id?: string; email: string } } };
    expect(saved.target.account).toMatchObject({ email: 'planner@acme.com.br', id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    await first.close();

    const second = await createSandbox({ port, email: 'someone-else@acme.com.br' });
    expect(second.url).toBe(first.url);
    const applied = await runCli(['apply', '--plan', 'plan.json'], { cwd, env: sandboxEnv(second) });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('[APPLY_PLAN_TARGET_MISMATCH]');
    expect(applied.stderr).toMatch(/account: saved planner@acme\.com\.br \(id [0-9a-f]{24}\), now someone-else@acme\.com\.br \(id [0-9a-f]{24}\)/);
    expect(applied.stderr).not.toContain('target: saved');
    expect(second.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('another environment (--env) of the same project: refused before the sandbox is opened', async () => {
    const cwd = createProject({
      'conecta.yaml': 'version: 1\ndefaultEnvironment: blue\nenvironments:\n  blue:\n    sandbox: true\n  green:\n    sandbox: true\n',
      'config/tenant.yaml': CONFIG,
    });
    const planned = await runCli(['plan', '--out', 'plan.json'], { cwd });
    expect(planned.code, planned.stderr).toBe(0);
    const applied = await runCli(['apply', '--plan', 'plan.json', '--env', 'green'], { cwd });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('[APPLY_PLAN_TARGET_MISMATCH]');
    expect(applied.stderr).toContain('environment: saved blue, now green');
    const data = JSON.parse(readFileSync(join(cwd, '.conecta', 'sandbox.json'), 'utf8')) as { records: { tabulation: unknown[] } };
    expect(data.records.tabulation).toEqual([]);

    // Without --env the plan's own environment is used, and it applies.
    const own = await runCli(['apply', '--plan', 'plan.json'], { cwd });
    expect(own.code, own.stderr).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('the embedded sandbox keeps its identity across runs (its account id is in its data file), and another data file is another tenant', async () => {
    const cwd = createProject({ 'tenant.yaml': CONFIG });
    const planned = await runCli(['plan', '--out', 'plan.json'], { cwd, env: { CONECTA_SANDBOX_DATA: 'one.json' } });
    expect(planned.code, planned.stderr).toBe(0);

    const other = await runCli(['apply', '--plan', 'plan.json'], { cwd, env: { CONECTA_SANDBOX_DATA: 'two.json' } });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('[APPLY_PLAN_TARGET_MISMATCH]');
    expect(other.stderr).toMatch(/account: saved admin@sandbox\.local \(id [0-9a-f]{24}\), now admin@sandbox\.local \(id [0-9a-f]{24}\)/);
    const two = JSON.parse(readFileSync(join(cwd, 'two.json'), 'utf8')) as { records: { tabulation: unknown[] } };
    expect(two.records.tabulation).toEqual([]);

    const same = await runCli(['apply', '--plan', 'plan.json'], { cwd, env: { CONECTA_SANDBOX_DATA: 'one.json' } });
    expect(same.code, same.stderr).toBe(0);
    const one = JSON.parse(readFileSync(join(cwd, 'one.json'), 'utf8')) as { records: { tabulation: unknown[] } };
    expect(one.records.tabulation).toHaveLength(2);
  }, E2E_TIMEOUT_MS);
});
