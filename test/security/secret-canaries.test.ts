/**
 * S5 secret canaries (perf-reliability.md §5.4): an API token, a login password, an initial
 * password (`x-sensitive`) and a flow HTTP header are set to known strings. After `plan`,
 * `plan --out`, `apply --plan`, `apply`, `export` and a FAILING apply — all with `--verbose` —
 * none of them appears in stdout, stderr, the saved plan, the run journals or the exported files.
 *
 * The failing applies go through a proxy that answers the writes of administrators and flows
 * (which carry the initial password and the header) 422 with a message echoing the request body
 * and its Authorization header, like a careless vendor: the worst case for leaks.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProject, createSandbox, runCli, type CliResult } from '../faults/cli-harness.js';

const suffix = randomBytes(4).toString('hex');
const CANARIES = {
  token: `CANARY-TOKEN-${suffix}`,
  loginPassword: `CANARY-PASS-LOGIN-${suffix}`,
  initialPassword: `CANARY-PASS-INIT-${suffix}`,
  header: `CANARY-HDR-${suffix}`,
};
const ADMIN_EMAIL = 'admin@sandbox.local';

const CONFIG = `version: 1
teams:
  - name: SAC
userGroups:
  - name: Supervisores
    viewByTeams: true
    visibleTeams: [SAC]
administrators:
  - email: supervisor@example.com
    name: Supervisor
    userGroup: Supervisores
    initialPassword: "\${env:ADMIN_INITIAL_PASSWORD}"
flows:
  - name: Consulta
    start: consulta
    blocks:
      consulta:
        type: http
        method: POST
        url: https://api.example.com/pedidos
        headers:
          Authorization: "Bearer \${env:PEDIDOS_API_TOKEN}"
          X-Api-Key: "\${env:PEDIDOS_API_TOKEN}"
        body: '{"a": 1}'
        success: sac
        error: sac
      sac:
        type: transfer
        team: SAC
`;

const CONFIG_ENV = { ADMIN_INITIAL_PASSWORD: CANARIES.initialPassword, PEDIDOS_API_TOKEN: CANARIES.header };

/** Forwards everything to `target` except writes of administrators and flows: those get a 422 echoing the request. */
async function startEchoingProxy(target: string): Promise<string> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method !== 'GET' && /\/api\/v4\/(admins|flows)\b/.test(req.url ?? '')) {
        const echo = `rejected ${req.method} ${req.url} with body ${body.toString()} and authorization ${req.headers.authorization ?? ''}`;
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ success: false, message: echo, errors: { name: [echo] } }));
        return;
      }
      forward(target, req, body).then((reply) => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      }, () => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function forward(target: string, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(`${target}${req.url ?? '/'}`, {
      method: req.method,
      headers: { ...req.headers, host: new URL(target).host, connection: 'close' },
    }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => resolve({ status: reply.statusCode ?? 502, headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') }, body: Buffer.concat(chunks) }));
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** Every file below `directory` except the config folder (which holds only `${env:…}` placeholders). */
function listWrittenFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (entry === 'config' || entry === '.git') continue;
    if (statSync(path).isDirectory()) files.push(...listWrittenFiles(path));
    else files.push(path);
  }
  return files;
}

function findCanaries(text: string): string[] {
  return Object.entries(CANARIES).filter(([, canary]) => text.includes(canary)).map(([name]) => name);
}

describe('S5: secret canaries', () => {
  it('never show a token, a password, an initial password or a flow header in any output or file', async () => {
    const sandbox = await createSandbox({ seed: 11, token: CANARIES.token, email: ADMIN_EMAIL, password: CANARIES.loginPassword });
    const proxy = await startEchoingProxy(sandbox.url);
    const cwd = createProject({ 'config/tenant.yaml': CONFIG });
    const withToken = (url: string) => ({ ...CONFIG_ENV, CONECTA_URL: url, CONECTA_TOKEN: CANARIES.token });
    const withPassword = (url: string) => ({ ...CONFIG_ENV, CONECTA_URL: url, CONECTA_EMAIL: ADMIN_EMAIL, CONECTA_PASSWORD: CANARIES.loginPassword });
    const runs: [string, CliResult][] = [];
    const run = async (name: string, args: string[], env: Record<string, string>) => {
      const result = await runCli([...args, '--verbose'], { cwd, env });
      runs.push([name, result]);
      return result;
    };

    const failedWithToken = await run('failing apply (token)', ['apply', 'config', '--auto-approve'], withToken(proxy));
    const failedWithPassword = await run('failing apply (password)', ['apply', 'config', '--auto-approve', '--json'], withPassword(proxy));
    expect(failedWithToken.code).toBe(1);
    expect(failedWithPassword.code).toBe(1);
    // The echoed bodies came back, masked.
    // Not a terminal: each failed step is written once, on stdout, as it fails.
    expect(failedWithToken.stdout).toMatch(/failed to create flow\.Consulta: .*rejected POST/);
    expect(failedWithToken.stdout).toMatch(/failed to create administrator\.supervisor@example\.com: .*rejected POST .*\*\*\*\*/);

    expect((await run('plan --out', ['plan', 'config', '--out', 'plan.json'], withToken(sandbox.url))).code).toBe(0);
    expect((await run('apply --plan', ['apply', '--plan', 'plan.json'], withToken(sandbox.url))).code).toBe(0);
    expect((await run('plan --json', ['plan', 'config', '--json'], withPassword(sandbox.url))).code).toBe(0);
    expect((await run('apply', ['apply', 'config', '--auto-approve'], withPassword(sandbox.url))).code).toBe(0);
    expect((await run('export', ['export', '--out', 'exported'], withPassword(sandbox.url))).code).toBe(0);

    // The canaries did travel: the tenant holds the header, and the journals and the export exist.
    expect(JSON.stringify(sandbox.store.snapshot())).toContain(CANARIES.header);
    expect(existsSync(join(cwd, '.conecta', 'runs'))).toBe(true);
    expect(readdirSync(join(cwd, 'exported')).length).toBeGreaterThan(0);

    const leaks: string[] = [];
    for (const [name, result] of runs) {
      for (const canary of findCanaries(result.stdout)) leaks.push(`${canary} in the stdout of ${name}`);
      for (const canary of findCanaries(result.stderr)) leaks.push(`${canary} in the stderr of ${name}`);
    }
    for (const file of listWrittenFiles(cwd)) {
      for (const canary of findCanaries(readFileSync(file, 'utf8'))) leaks.push(`${canary} in ${file.slice(cwd.length + 1)}`);
    }
    expect(leaks).toEqual([]);
  }, 240_000);
});
