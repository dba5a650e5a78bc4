/**
 * `conecta sandbox` goes through the base command like every other command: its result is
 * presented by the reporter (`--json` included), and a bad flag or a busy port is an error with
 * a code and a hint, never a stack trace.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProject, runCli, startCli } from '../faults/cli-harness.js';

async function readFirstStdout(child: ReturnType<typeof startCli>['child']): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n}') || /CONECTA_TOKEN=\S+\n/.test(text)) resolve(text);
    });
  });
}

describe('conecta sandbox', () => {
  it('prints where it listens and its token, serves the API with that token, and stops on SIGINT', async () => {
    const cwd = createProject({});
    const run = startCli(['sandbox', '--port', '0', '--data', join(cwd, 'sandbox.json')], { cwd });
    const printed = await readFirstStdout(run.child);
    const [, url, token] = /CONECTA_URL=(\S+) CONECTA_TOKEN=(\S+)/.exec(printed) ?? [];
    expect(printed).toContain(`Conecta sandbox listening on ${url} (data: ${join(cwd, 'sandbox.json')})`);
    const answer = await request(`${url}/api/v4/tabulations`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    run.child.kill('SIGINT');
    const done = await run.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Conecta sandbox stopped.');
  }, 60_000);

  it('prints one JSON document with --json', async () => {
    const cwd = createProject({});
    const run = startCli(['sandbox', '--port', '0', '--data', join(cwd, 'sandbox.json'), '--json'], { cwd });
    const printed = JSON.parse(await readFirstStdout(run.child)) as { url: string; token: string; dataFile: string };
    expect(printed).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.any(String), dataFile: join(cwd, 'sandbox.json') });
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  }, 60_000);

  it('refuses a flag it cannot read with a code and a hint, without a stack trace', async () => {
    const cwd = createProject({});
    const { code, stdout, stderr } = await runCli(['sandbox', '--port', '0', '--latency', '20'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Error [PROVIDER_CONFIG] Invalid duration "20"');
    expect(stderr).toContain('hint:');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('says which port is busy and how to pick another', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const { port } = busy.address() as AddressInfo;
    const cwd = createProject({});
    const { code, stderr } = await runCli(['sandbox', '--port', String(port), '--data', join(cwd, 'sandbox.json')], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain(`Error [PROVIDER_CONFIG] Port ${port} on 127.0.0.1 is already in use.`);
    expect(stderr).toContain('--port');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
