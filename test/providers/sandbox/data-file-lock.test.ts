/**
 * A sandbox holds its data file for its whole life: another sandbox on the same file waits for
 * it (boundedly), then fails naming the holder; a lock left by a killed process is taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { SandboxBusyError, startSandbox, type RunningSandbox } from '../../../providers/sandbox/index.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function start(options: Parameters<typeof startSandbox>[0]): Promise<RunningSandbox> {
  const sandbox = await startSandbox(options);
  running.push(sandbox);
  return sandbox;
}

test('a second sandbox on the same data file waits, then fails naming the holder', async () => {
  const dataFile = join(await mkdtemp(join(tmpdir(), 'conecta-lock-')), 'store.json');
  await start({ dataFile, lockCommand: 'conecta apply --auto-approve' });
  const started = Date.now();
  const error = await startSandbox({ dataFile, lockWaitMs: 400 }).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SandboxBusyError);
  expect((error as Error).message).toContain(`is in use by pid ${process.pid} on host ${hostname()} since `);
  expect((error as Error).message).toContain('(conecta apply --auto-approve)');
  expect(Date.now() - started).toBeGreaterThanOrEqual(350);
});

test('a second sandbox gets the data file once the first closes, and sees its writes', async () => {
  const dataFile = join(await mkdtemp(join(tmpdir(), 'conecta-lock-')), 'store.json');
  const first = await startSandbox({ dataFile });
  const second = start({ dataFile, lockWaitMs: 10_000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const response = await fetch(`${first.url}/api/v4/tabulations`, { method: 'POST', headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Antes' }) });
  expect(response.status).toBeLessThan(300);
  await first.close();
  expect((await second).store.list('tabulation').map((record) => record['name'])).toEqual(['Antes']);
});

test('takes over a lock whose process is gone', async () => {
  const dataFile = join(await mkdtemp(join(tmpdir(), 'conecta-lock-')), 'store.json');
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(gone.stdout);
  await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: new Date().toISOString(), command: 'conecta apply', nonce: 'dead' }));
  const sandbox = await start({ dataFile, lockWaitMs: 0 });
  expect(JSON.parse(await readFile(`${dataFile}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
  await sandbox.close();
  await expect(readFile(`${dataFile}.lock`, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
});
