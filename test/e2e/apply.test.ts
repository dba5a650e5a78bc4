/**
 * End to end: the built CLI (`node cli/bin/run.js`, needs `npm run build`) against a sandbox
 * started in the test, over loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLayeredConfig } from '../../bench/layered-config.js';
import { startSandbox, type SandboxOptions } from '../../providers/sandbox/index.js';
import { builtCliPath } from '../support/built-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const runJs = builtCliPath();
const examplesDirectory = fileURLToPath(new URL('../../examples', import.meta.url));
const examples = existsSync(examplesDirectory) ? readdirSync(examplesDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];

/** Each CLI run starts a Node process; on a loaded machine that alone can take seconds. */
const E2E_TIMEOUT_MS = 120_000;

const sandboxes: Sandbox[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: 9, ...options });
  sandboxes.push(sandbox);
  return sandbox;
}

function createProject(config: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-e2e-apply-'));
  writeFileSync(join(cwd, 'tenant.yaml'), config);
  return cwd;
}

interface CliRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startCli(args: string[], cwd: string, sandbox: Sandbox): CliRun {
  const child = spawn(process.execPath, [runJs, ...args], {
    cwd,
    env: { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, NO_COLOR: '1', CONECTA_PARALLELISM: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

function runCli(args: string[], cwd: string, sandbox: Sandbox) {
  return startCli(args, cwd, sandbox).done;
}

async function waitForWrites(sandbox: Sandbox, count: number): Promise<void> {
  while (sandbox.audit().writes < count) await new Promise((resolve) => setTimeout(resolve, 10));
}

function countDuplicates(sandbox: Sandbox): number {
  return Object.values(sandbox.audit().duplicates).reduce((sum, keys) => sum + (keys?.length ?? 0), 0);
}

describe('conecta apply (end to end)', () => {
  it.each(examples.length > 0 ? examples : ['(generated config)'])('applies %s, after which `conecta plan` says "No changes."', async (example) => {
    const sandbox = await createSandbox();
    const cwd = example === '(generated config)' ? createProject(generateLayeredConfig({ perLevel: 3 })) : mkdtempSync(join(tmpdir(), 'conecta-e2e-example-'));
    if (example !== '(generated config)') cpSync(join(examplesDirectory, example), cwd, { recursive: true });
    const applied = await runCli(['apply', '--auto-approve'], cwd, sandbox);
    expect(applied.code, applied.stderr).toBe(0);
    const planned = await runCli(['plan'], cwd, sandbox);
    expect(planned.stdout, planned.stderr).toContain('No changes.');
    expect(planned.code).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('refuses to apply without a terminal unless --auto-approve is given, naming the flag', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 1 }));
    const { code, stderr } = await runCli(['apply'], cwd, sandbox);
    expect(code).toBe(1);
    expect(stderr).toContain('[APPLY_NEEDS_APPROVAL]');
    expect(stderr).toContain('--auto-approve');
    expect(sandbox.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('prints only the machine-readable result with --json', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 1 }));
    const { code, stdout, stderr } = await runCli(['apply', '--auto-approve', '--json'], cwd, sandbox);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'applied', counts: { applied: 4, failed: 0, unknown: 0, skipped: 0, notStarted: 0 } });
  }, E2E_TIMEOUT_MS);

  it('writes each applied step once when not on a terminal, as CI sees it (stdout and stderr together)', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 3 }));
    const { code, stdout, stderr } = await runCli(['apply', '--auto-approve'], cwd, sandbox);
    expect(code, stderr).toBe(0);
    const log = `${stdout}${stderr}`;
    const stepLines = log.split('\n').filter((line) => /^\s*✓ created /.test(line));
    expect(stepLines).toHaveLength(12);
    expect(new Set(stepLines.map((line) => line.replace(/ \(\d.*$/, '').trim())).size).toBe(12);
    expect(stdout).toMatch(/Apply complete: 12 applied, 0 failed, 0 skipped, 0 not started/);
    expect(stderr).not.toContain('Applying:');
  }, E2E_TIMEOUT_MS);

  it('converges with zero duplicates after an apply is killed with SIGKILL mid-run', async () => {
    const sandbox = await createSandbox({ latencyMs: 30 });
    const cwd = createProject(generateLayeredConfig({ perLevel: 30 }));
    const killed = startCli(['apply', '--auto-approve', '--parallelism', '4'], cwd, sandbox);
    // Killed once at least 24 of the 30 tabulations exist: the re-run then creates at most 25 % of
    // the live tabulations, under the 30 % that needs --force (assess-safety.ts). Killed earlier,
    // the re-run is held back as unsafe, which is the safety rule working, not what this test checks.
    await waitForWrites(sandbox, 24);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(sandbox.audit().writes).toBeLessThan(120);

    sandbox.setFaults({ latencyMs: 0 });
    const rerun = await runCli(['apply', '--auto-approve'], cwd, sandbox);

    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('The previous apply');
    expect(countDuplicates(sandbox)).toBe(0);
    const planned = await runCli(['plan'], cwd, sandbox);
    expect(planned.stdout, planned.stderr).toContain('No changes.');
  }, E2E_TIMEOUT_MS);

  it('on Ctrl-C lets requests in flight finish, prints the partial report and exits 130', async () => {
    const sandbox = await createSandbox({ latencyMs: 30 });
    const cwd = createProject(generateLayeredConfig({ perLevel: 30 }));
    const run = startCli(['apply', '--auto-approve', '--parallelism', '4'], cwd, sandbox);
    await waitForWrites(sandbox, 10);
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stdout).toMatch(/Apply interrupted: \d+ applied, 0 failed, 0 skipped, \d+ not started/);
    expect(stderr).toMatch(/Interrupted: \d+ changes not applied/);
    const writes = sandbox.audit().writes;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sandbox.audit().writes).toBe(writes);
  }, E2E_TIMEOUT_MS);

  it('refuses a stale saved plan before any write, naming each drifted object', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject(generateLayeredConfig({ perLevel: 2 }));
    expect((await runCli(['apply', '--auto-approve'], cwd, sandbox)).code).toBe(0);
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: 2 }).replace('name: bench admin 0000', 'name: Reviewed Name').replace('name: bench admin 0001', 'name: Reviewed Two'));
    expect((await runCli(['plan', '--out', 'plan.json'], cwd, sandbox)).code).not.toBe(1);

    // Someone changes two objects the plan depends on, out of band.
    const other = createProject(generateLayeredConfig({ perLevel: 2 }).replace('name: bench admin 0000', 'name: Other Name').replace('name: bench admin 0001', 'name: Third Name'));
    expect((await runCli(['apply', '--auto-approve'], other, sandbox)).code).toBe(0);
    sandbox.resetAudit();

    const { code, stderr } = await runCli(['apply', '--plan', 'plan.json'], cwd, sandbox);
    expect(code).toBe(1);
    expect(stderr).toContain('[APPLY_STALE_PLAN]');
    expect(stderr).toContain('administrator.bench-admin-0000@example.com changed');
    expect(stderr).toContain('administrator.bench-admin-0001@example.com changed');
    expect(sandbox.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);
});
