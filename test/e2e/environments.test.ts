/**
 * Environments say what they target (issue 14.5), end to end: inside a project, the note names the
 * environment, how it was selected and the CONECTA_URL it overrides; the plan's title, Markdown
 * heading and JSON target name the environment.
 */
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;

describe('environments (end to end)', () => {
  it('names the environment, why it was chosen and the ignored CONECTA_URL, and puts it in every plan format', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject({
      'conecta.yaml': `version: 1\ndefaultEnvironment: local\nenvironments:\n  local:\n    sandbox: true\n  stg:\n    url: ${sandbox.url}\n    credentials: { token: STG_TOKEN }\n`,
      'config/tenant.yaml': 'version: 1\ntabulations:\n  - name: Resolvido\n',
    });
    const local = await runCli(['plan'], { cwd, env: { CONECTA_URL: 'https://other.conecta.com.vc' } });
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toContain('Using environment local of ');
    expect(local.stderr).toContain('(defaultEnvironment: local), targeting the embedded sandbox; CONECTA_URL=https://other.conecta.com.vc is ignored inside a project');
    expect(local.stderr).not.toContain('set CONECTA_URL to target a tenant');
    expect(local.stdout).toContain('Target: environment local: local sandbox (');

    const env = { STG_TOKEN: sandbox.token };
    const text = await runCli(['plan', '--env', 'stg'], { cwd, env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toContain(`(--env stg), targeting ${sandbox.url}.`);
    expect(text.stdout).toContain(`Target: environment stg: ${sandbox.url}`);
    const markdown = await runCli(['plan', '--env', 'stg', '--markdown'], { cwd, env });
    expect(markdown.stdout).toContain("### Conecta plan for environment stg: http"); // the URL is escaped against autolinks
    const json = await runCli(['plan', '--env', 'stg', '--json'], { cwd, env });
    expect(JSON.parse(json.stdout).target).toEqual({ url: sandbox.url, isSandbox: false, environment: 'stg', account: { id: expect.any(String), email: 'admin@sandbox.local' } });
  }, E2E_TIMEOUT_MS);
});
