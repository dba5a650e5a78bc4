/**
 * End to end (the built CLI, needs `npm run build`): `conecta sandbox --replay FILE` serves a
 * capture, and `conecta doctor --capture FILE` captures it again, as a maintainer and a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureFile } from '../../providers/capture-format.js';
import { builtCliPath } from '../support/built-cli.js';

const runJs = builtCliPath();
const SZCHAT_CAPTURE = join(import.meta.dirname, '..', 'fixtures', 'capture', 'szchat-tenant.json');
const E2E_TIMEOUT_MS = 120_000;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, [runJs, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CONECTA_URL: undefined, CONECTA_TOKEN: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('conecta sandbox --replay and doctor --capture (end to end)', () => {
  it('serves a capture that doctor --capture then captures again, unknown fields included', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-e2e-replay-'));
    const sandbox = start(['sandbox', '--replay', SZCHAT_CAPTURE, '--port', '0'], cwd);
    const [, url, token] = await waitFor(sandbox.stdout, /CONECTA_URL=(\S+) CONECTA_TOKEN=(\S+)/);
    expect(sandbox.stdout()).toContain('(data: in memory, replaying ');

    const doctor = await start(['doctor', '--capture', 'again.json'], cwd, { CONECTA_URL: url, CONECTA_TOKEN: token }).done;
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/Capture written to again\.json \(\d+ answers; people's data pseudonymised/);
    expect((await stat(join(cwd, 'again.json'))).mode & 0o777).toBe(0o600);
    const again = JSON.parse(await readFile(join(cwd, 'again.json'), 'utf8')) as CaptureFile;
    const teams = again.exchanges.find((exchange) => exchange.path === '/api/v4/campaigns')?.body as { data: Record<string, unknown>[] };
    expect(teams.data.find((team) => team['name'] === 'SAC')).toMatchObject({ sla: { enabled: true, first_response_minutes: 5 }, color: '#ff8800' });
    expect(again.exchanges.find((exchange) => exchange.path === '/api/version')?.body).toEqual({ version: '4.1' });
    expect(again.unsupported.map((entry) => entry.kind)).toEqual(['flow']);
    expect(JSON.stringify(again)).not.toContain(token);

    sandbox.child.kill('SIGTERM');
    expect((await sandbox.done).code).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('refuses a file that is not a capture with one clear line, and --pseudonymise-all without --capture', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-e2e-replay-'));
    const missing = await start(['sandbox', '--replay', 'nowhere.json', '--port', '0'], cwd).done;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Capture file nowhere.json cannot be read (ENOENT)');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const alone = await start(['doctor', '--pseudonymise-all'], cwd).done;
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toContain('--capture');
  }, E2E_TIMEOUT_MS);
});
