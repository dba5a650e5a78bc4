/**
 * End to end, with real CLI processes: concurrent applies. Two applies sharing one embedded
 * sandbox data file lose nothing (the sandbox holds its file; the second waits for it); a second
 * apply from the same project against the same target is refused naming the first; a stale lock
 * is taken over; the lock is released on failure and on SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLockFile } from '../../cli/io/apply-lock.js';
import { createProject, createSandbox, runCli, sandboxEnv, startCli, waitForWrites } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 180_000;

function tabulations(prefix: string, count: number): string {
  return `version: 1\ntabulations:\n${Array.from({ length: count }, (_, index) => `  - name: ${prefix} ${String(index).padStart(3, '0')}\n`).join('')}`;
}

function locksIn(cwd: string): string[] {
  const directory = join(cwd, '.conecta', 'locks');
  return existsSync(directory) ? readdirSync(directory) : [];
}

describe('concurrent applies', () => {
  it('two applies of 140 objects each, from two projects, into one embedded sandbox data file: all 280 stored once', async () => {
    const shared = createProject({});
    const dataFile = join(shared, 'shared-sandbox.json');
    const first = createProject({ 'tenant.yaml': tabulations('Alfa', 140) });
    const second = createProject({ 'tenant.yaml': tabulations('Beta', 140) });
    const env = { CONECTA_SANDBOX_DATA: dataFile };
    const runs = await Promise.all([runCli(['apply', '--auto-approve'], { cwd: first, env }), runCli(['apply', '--auto-approve'], { cwd: second, env })]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    const stored = JSON.parse(readFileSync(dataFile, 'utf8')) as { records: { tabulation: { name: string }[] } };
    const names = stored.records.tabulation.map((record) => record.name);
    expect(names).toHaveLength(280);
    expect(new Set(names).size).toBe(280);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
    for (const cwd of [first, second]) {
      const planned = await runCli(['plan'], { cwd, env });
      expect(planned.stdout, planned.stderr).toContain('No changes.');
    }
  }, E2E_TIMEOUT_MS);

  it('refuses a second apply from the same project against the same target, naming the first; released once the first ends', async () => {
    const sandbox = await createSandbox({ latencyMs: 100 });
    const cwd = createProject({ 'tenant.yaml': tabulations('Gama', 60) });
    const env = sandboxEnv(sandbox);
    const first = startCli(['apply', '--auto-approve', '--parallelism', '2'], { cwd, env });
    await waitForWrites(sandbox, 2);
    const second = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('[APPLY_LOCKED]');
    expect(second.stderr).toContain(`Another apply against ${sandbox.url} is running: pid ${first.child.pid} on host ${hostname()} since `);
    expect(second.stderr).toContain('(conecta apply --auto-approve --parallelism 2)');
    expect(second.stderr).toContain('Nothing was read or written.');

    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect(sandbox.audit().writes).toBe(60);
    expect(locksIn(cwd)).toEqual([]);
    const again = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(again.code, again.stderr).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('takes over a stale lock (its process is gone) with a notice', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject({ 'tenant.yaml': tabulations('Delta', 3) });
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const file = applyLockFile(cwd, sandbox.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2026-12-07T20:00:00.000Z', command: 'conecta apply', nonce: 'gone' }));

    const run = await runCli(['apply', '--auto-approve'], { cwd, env: sandboxEnv(sandbox) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Took over a stale apply lock (${file}): its holder, pid ${deadPid} on host ${hostname()} since 2026-12-07T20:00:00.000Z (conecta apply), is gone.`);
    expect(sandbox.audit().writes).toBe(3);
    expect(locksIn(cwd)).toEqual([]);
  }, E2E_TIMEOUT_MS);

  it('keeps a live holder from another host until the lock is older than the bound', async () => {
    const sandbox = await createSandbox();
    const cwd = createProject({ 'tenant.yaml': tabulations('Eta', 3) });
    const file = applyLockFile(cwd, sandbox.url);
    mkdirSync(dirname(file), { recursive: true });
    const foreign = (startedAt: string) => JSON.stringify({ pid: 1, host: 'another-runner', startedAt, command: 'conecta apply', nonce: 'remote' });
    writeFileSync(file, foreign(new Date().toISOString()));
    const refused = await runCli(['apply', '--auto-approve'], { cwd, env: sandboxEnv(sandbox) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pid 1 on host another-runner');
    expect(sandbox.audit().requests).toBe(0);

    writeFileSync(file, foreign(new Date(Date.now() - 2 * 60 * 60_000).toISOString()));
    const taken = await runCli(['apply', '--auto-approve'], { cwd, env: sandboxEnv(sandbox) });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain('Took over a stale apply lock');
  }, E2E_TIMEOUT_MS);

  it('releases the lock when the apply fails, and when SIGTERM stops it', async () => {
    const sandbox = await createSandbox({ latencyMs: 100 });
    const cwd = createProject({ 'tenant.yaml': tabulations('Teta', 40) });
    const failed = await runCli(['apply'], { cwd, env: sandboxEnv(sandbox) });
    expect(failed.stderr).toContain('[APPLY_NEEDS_APPROVAL]');
    expect(locksIn(cwd)).toEqual([]);

    const run = startCli(['apply', '--auto-approve', '--parallelism', '2'], { cwd, env: sandboxEnv(sandbox) });
    await waitForWrites(sandbox, 2);
    expect(locksIn(cwd)).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(143);
    expect(locksIn(cwd)).toEqual([]);
  }, E2E_TIMEOUT_MS);
});
