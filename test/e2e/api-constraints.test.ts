/**
 * Values the API cannot hold are caught before any write (issue 14.4), end to end: a session
 * timeout with seconds fails `validate` and `apply` at its file, line and column, and the
 * sandbox sees no write.
 */
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;
const config = 'version: 1\ntabulations:\n  - name: Resolvido\nteams:\n  - name: SAC\n    sessionTimeout: 90s\n';

describe('API constraints (end to end)', () => {
  it('refuses a session timeout with seconds in validate and before any write in apply', async () => {
    const sandbox = await createSandbox();
    const env = sandboxEnv(sandbox);
    const cwd = createProject({ 'tenant.yaml': config });
    const validated = await runCli(['validate'], { cwd, env });
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain('tenant.yaml:6:21 error CONFIG_FORMAT');
    expect(validated.stderr).toContain('must be a duration in whole minutes');
    const applied = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('tenant.yaml:6:21 error CONFIG_FORMAT');
    expect(sandbox.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);
});
