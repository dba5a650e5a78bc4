/**
 * S5 secret canaries (perf-reliability.md §5.4, issue 13): an API token, a login password, an
 * initial password (`x-sensitive`), a flow HTTP header from `${env:}` and one written literally
 * are set to known strings holding `"`, `\`, `/`, `+`, `%` and non-ASCII characters. After
 * `validate`, `doctor`, `plan` (text, JSON, Markdown), `plan --out`, `show` (text, JSON,
 * Markdown), `graph` (Mermaid, dot), `apply --plan`, `apply`, `export` and FAILING applies — all
 * with `--verbose` — none of them appears in stdout, stderr, the saved plan, the run journals,
 * the exported files or anything else the tool writes: neither as written nor JSON-escaped, each
 * of those also URL-encoded or base64-encoded (at any alignment inside a longer base64 text).
 *
 * The failing applies go through a proxy that answers the writes of administrators and flows
 * (which carry the initial password and the header) 422 with a message echoing the request body
 * (as sent, URL-encoded and base64-encoded) and its Authorization header, like a careless vendor:
 * the worst case for leaks.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProject, createSandbox, runCli, type CliResult } from '../faults/cli-harness.js';

const suffix = randomBytes(4).toString('hex');
// HTTP header values must be ASCII, so the token has every special character but non-ASCII ones.
const CANARIES = {
  token: `CANARY-TOKEN"\\/+%-${suffix}`,
  loginPassword: `CANARY-PÁSS"\\/+%-${suffix}`,
  initialPassword: `CANARY-İNIT"\\/+%-${suffix}`,
  header: `CANARY-HDR-ç"\\/+%-${suffix}`,
  literal: `CANARY-LIT-ñ"\\/+%-${suffix}`,
  urlToken: `CANARY-URL-ã"\\/+%-${suffix}`,
};

/** A value as a YAML double-quoted scalar. */
const quoted = (value: string) => JSON.stringify(value);
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
        url: "https://api.example.com/pedidos?page=1&token=\${env:PEDIDOS_URL_TOKEN}"
        headers:
          Authorization: "Bearer \${env:PEDIDOS_API_TOKEN}"
          X-Api-Key: "\${env:PEDIDOS_API_TOKEN}"
          X-Literal: ${quoted(CANARIES.literal)}
        body: '{"a": 1}'
        success: sac
        error: sac
      sac:
        type: transfer
        team: SAC
`;

const CONFIG_ENV = { ADMIN_INITIAL_PASSWORD: CANARIES.initialPassword, PEDIDOS_API_TOKEN: CANARIES.header, PEDIDOS_URL_TOKEN: CANARIES.urlToken };

/** Forwards everything to `target` except writes of administrators and flows: those get a 422 echoing the request. */
async function startEchoingProxy(target: string, echoesLogin = false): Promise<string> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const authorization = req.headers.authorization ?? '';
      // Under /echo, the sign-in check answers 401 quoting the credential in every encoding.
      const isEcho = req.url?.startsWith('/echo') === true;
      if (isEcho) req.url = req.url!.slice('/echo'.length);
      if (isEcho && (req.url === '/api/v4/auth/me' || req.url === '/api/v4/auth/refresh')) {
        const echo = `bad credential ${authorization} (url ${encodeURIComponent(authorization)}, base64 ${Buffer.from(authorization.replace(/^Bearer /, '')).toString('base64')})`;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: echo }));
        return;
      }
      if (req.method !== 'GET' && /\/api\/v4\/(admins|flows|auth\/login)\b/.test(req.url ?? '') && !(req.url?.includes('login') && !echoesLogin)) {
        const echo = `rejected ${req.method} ${req.url} with body ${body.toString()} and authorization ${authorization}; url-encoded ${encodeURIComponent(body.toString())}; base64 ${body.toString('base64')}`;
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

/**
 * Every form a canary may leak in, written independently of the redactor's own list: as written or
 * JSON-escaped (once, with `\uXXXX` escapes, or twice: JSON inside a JSON string), each of those
 * as it is, URL-encoded (component or form encoding) or base64-encoded (standard or URL-safe, at
 * any alignment inside a longer base64 string, such as a request body echoed in base64).
 */
function encode(canary: string): Record<string, string> {
  const json = JSON.stringify(canary).slice(1, -1);
  const texts: Record<string, string> = {
    raw: canary,
    json,
    'json-unicode': json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'json-twice': JSON.stringify(json).slice(1, -1),
  };
  const forms: Record<string, string> = {};
  for (const [name, text] of Object.entries(texts)) {
    forms[name] = text;
    forms[`${name}, url`] = encodeURIComponent(text);
    forms[`${name}, form`] = new URLSearchParams({ q: text }).toString().slice(2);
    base64Runs(text).forEach((run, index) => (forms[`${name}, base64 #${index}`] = run));
  }
  return forms;
}

/**
 * The base64 characters that stand for `text` wherever it sits inside a longer byte string: one
 * run per alignment (the offset of its first byte modulo 3), in the standard and URL-safe alphabets.
 */
function base64Runs(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return [0, 1, 2].flatMap((skip) => {
    const whole = bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3);
    return [whole.toString('base64'), whole.toString('base64url')];
  });
}

function findCanaries(text: string): string[] {
  return Object.entries(CANARIES).flatMap(([name, canary]) => Object.entries(encode(canary)).filter(([, form]) => text.includes(form)).map(([encoding]) => `${name} (${encoding})`));
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
    expect((await run('plan --markdown', ['plan', 'config', '--markdown'], withToken(sandbox.url))).code).toBe(0);
    for (const format of [[], ['--json'], ['--markdown']]) expect((await run(`show ${format.join(' ')}`, ['show', 'plan.json', ...format], {})).code).toBe(0);
    for (const format of ['mermaid', 'dot']) expect((await run(`graph --format ${format}`, ['graph', 'config', '--format', format], CONFIG_ENV)).code).toBe(0);
    expect((await run('validate --json', ['validate', 'config', '--json'], CONFIG_ENV)).code).toBe(0);
    const validated = await run('validate', ['validate', 'config'], CONFIG_ENV);
    expect(validated.stderr).toContain('CONFIG_LITERAL_SECRET');
    expect((await run('doctor --json', ['doctor', '--json'], withToken(sandbox.url))).code).toBe(0);
    const refused = await run('doctor (credential echoed)', ['doctor'], withToken(`${proxy}/echo`));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad credential');
    const loginProxy = await startEchoingProxy(sandbox.url, true);
    const loginRefused = await run('doctor (login echoed)', ['doctor', '--json'], withPassword(loginProxy));
    expect(loginRefused.code).toBe(1);
    expect(loginRefused.stdout).toContain('rejected POST');

    // The canaries did travel: the tenant holds the header, and the journals and the export exist.
    expect(JSON.stringify(sandbox.store.snapshot())).toContain(JSON.stringify(CANARIES.header).slice(1, -1));
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
