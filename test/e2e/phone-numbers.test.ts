/**
 * Blocked numbers written as people write them (`+55 (11) 99999-0000`), end to end: the built CLI
 * against a sandbox. The wire, the plan's addresses and the export carry the canonical digits, and
 * any spelling of the number the tenant holds plans "No changes.".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;
const config = (number: string) => `version: 1\nblockedNumbers:\n  - number: "${number}"\n`;

describe('blocked numbers in any spelling (end to end)', () => {
  it('applies +55 (11) 99999-0000 as 5511999990000, then plans no changes for any spelling, and exports the digits', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject({ 'tenant.yaml': config('+55 (11) 99999-0000') });
    const env = sandboxEnv(sandbox);

    const planned = await runCli(['plan', '--json'], { cwd, env });
    expect(JSON.parse(planned.stdout).changes).toMatchObject([{ action: 'create', address: 'blocked-number.5511999990000' }]);
    const applied = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(sandbox.store.list('blockedNumber').map((entry) => entry.number)).toEqual(['5511999990000']);

    const again = await runCli(['plan'], { cwd, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes.');

    writeFileSync(join(cwd, 'tenant.yaml'), config('55 11 99999.0000'));
    const respelled = await runCli(['plan'], { cwd, env });
    expect(respelled.stdout, respelled.stderr).toContain('No changes.');

    const exported = await runCli(['export', '--out', 'exported'], { cwd, env });
    expect(exported.code, exported.stderr).toBe(0);
    const text = readFileSync(join(cwd, 'exported', 'blockedNumbers.yaml'), 'utf8');
    expect(text).toMatch(/number: "?5511999990000"?\n/);
    expect(text).not.toContain('+');
  }, E2E_TIMEOUT_MS);
});
