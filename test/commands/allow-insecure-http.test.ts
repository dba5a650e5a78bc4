/**
 * `--allow-insecure-http` (and its twin CONECTA_ALLOW_INSECURE_HTTP) on every command that talks to
 * a tenant: the built CLI against a sandbox reached as http://0.0.0.0:PORT, which is this machine
 * but not a loopback name, so the client treats it as a remote host over plain http.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli } from '../faults/cli-harness.js';

const CLI_TIMEOUT_MS = 60_000;
const TENANT_COMMANDS = ['plan', 'apply', 'doctor', 'export'] as const;

/** Arguments that make each command reach the tenant and succeed. */
function argsOf(command: (typeof TENANT_COMMANDS)[number]): string[] {
  if (command === 'apply') return ['apply', '--auto-approve'];
  if (command === 'export') return ['export', '--out', 'exported'];
  return [command];
}

async function remoteLookingSandbox() {
  const sandbox = await createSandbox();
  const url = sandbox.url.replace('127.0.0.1', '0.0.0.0');
  return { sandbox, env: { CONECTA_URL: url, CONECTA_TOKEN: sandbox.token } };
}

describe('--allow-insecure-http', () => {
  it('is declared, with its environment twin, on plan, apply, doctor and export, and nowhere else', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, { flags: Record<string, { env?: string }> }> };
    const holders = Object.entries(manifest.commands).filter(([, command]) => 'allow-insecure-http' in command.flags).map(([id]) => id).sort();
    expect(holders).toEqual([...TENANT_COMMANDS].sort());
    for (const id of TENANT_COMMANDS) expect(manifest.commands[id]!.flags['allow-insecure-http']!.env).toBe('CONECTA_ALLOW_INSECURE_HTTP');
  });

  it.each(TENANT_COMMANDS)('%s refuses plain http to a host that is not loopback without it, and reaches the tenant with it', async (command) => {
    const { sandbox, env } = await remoteLookingSandbox();
    const cwd = createProject({ 'tenant.yaml': 'version: 1\ntabulations:\n  - name: Resolvido\n' });

    const refused = await runCli(argsOf(command), { cwd, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[PROVIDER_CONFIG]');
    expect(refused.stderr).toContain('--allow-insecure-http');
    expect(sandbox.audit().requests).toBe(0);

    const allowed = await runCli([...argsOf(command), '--allow-insecure-http'], { cwd, env });
    expect(allowed.stderr).not.toContain('PROVIDER_CONFIG');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(sandbox.audit().requests).toBeGreaterThan(0);
  }, CLI_TIMEOUT_MS);

  it('is set by CONECTA_ALLOW_INSECURE_HTTP=1 as well', async () => {
    const { env } = await remoteLookingSandbox();
    const cwd = createProject({ 'tenant.yaml': 'version: 1\n' });
    const allowed = await runCli(['doctor'], { cwd, env: { ...env, CONECTA_ALLOW_INSECURE_HTTP: '1' } });
    expect(allowed.code, allowed.stderr).toBe(0);
    const refused = await runCli(['doctor'], { cwd, env: { ...env, CONECTA_ALLOW_INSECURE_HTTP: '0' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[PROVIDER_CONFIG]');
  }, CLI_TIMEOUT_MS);
});
