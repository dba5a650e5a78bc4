/**
 * `conecta doctor --capture`: the file a user attaches to a bug report. Made against a sandbox
 * holding the acme example (applied through the real service), over loopback HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { runApply } from '../../cli/services/apply.js';
import { runDoctor } from '../../cli/services/doctor.js';
import type { CaptureFile } from '../../providers/capture-format.js';
import { startSandbox } from '../../providers/sandbox/index.js';
import { startHostileServer } from '../support/hostile-server.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'acme-contact-center');
const TOKEN = 'acme-T0ken-Zq9xW2';
const ADMIN_EMAIL = 'owner@acme.com.br';
const PASSWORD = 's3cret-Pa55word!';
const NOW = new Date('2026-12-07T12:00:00Z');
const REFRESHED_TOKEN = 'refreshed-Tk-77aa0c';

const sandboxes: Sandbox[] = [];
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

/** Every e-mail and person name the acme example holds (people's data that must not leave in clear). */
let acmeEmails: string[] = [];
let acmeNames: string[] = [];
beforeAll(async () => {
  const texts = await Promise.all((await readdir(EXAMPLE)).filter((file) => file.endsWith('.yaml')).map((file) => readFile(join(EXAMPLE, file), 'utf8')));
  const people = (await Promise.all(['agents.yaml', 'administrators.yaml'].map((file) => readFile(join(EXAMPLE, file), 'utf8')))).join('\n');
  acmeEmails = [...new Set(texts.join('\n').match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [])];
  acmeNames = [...new Set([...people.matchAll(/^\s+name: (.+)$/gm)].map((match) => match[1]!.trim()))].filter((name) => /^\p{Lu}\p{Ll}+ \p{Lu}/u.test(name));
});

async function tempDir(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'conecta-capture-'));
  directories.push(directory);
  return directory;
}

async function acmeSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: 5, token: TOKEN, email: ADMIN_EMAIL, password: PASSWORD });
  sandboxes.push(sandbox);
  const cwd = await tempDir();
  const outcome = await runApply({
    redactor: createRedactor(), targetOptions: { cwd, paths: [EXAMPLE], env: { CONECTA_URL: sandbox.url, CONECTA_TOKEN: TOKEN } }, cwd,
    isAutoApproved: true, isForced: false, parallelism: 4, prompter: { isInteractive: false, ask: () => Promise.reject(new Error('must not ask')) },
    reporter: createRecordingReporter(),
  });
  expect(outcome.status).toBe('applied');
  return sandbox;
}

async function capture(sandbox: Sandbox, env: Record<string, string>, options: { file?: string; scope?: 'people' | 'all' } = {}): Promise<{ text: string; file: string; capture: CaptureFile }> {
  const cwd = await tempDir();
  const file = options.file ?? 'capture.json';
  const report = await runDoctor({
    redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: sandbox.url, ...env } }, cwd, reporter: createRecordingReporter(),
    capture: { file, scope: options.scope ?? 'people', toolVersion: '9.8.7', now: () => NOW },
  });
  expect(report.capture).toMatchObject({ file, pseudonymised: options.scope ?? 'people' });
  const text = await readFile(join(cwd, file), 'utf8');
  return { text, file: join(cwd, file), capture: JSON.parse(text) as CaptureFile };
}

/** The forms a value may travel in: as is, JSON-escaped, URL-encoded, base64 (standard and URL-safe). */
function encodings(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  return [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), base64, base64.replace(/=+$/, ''), base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')];
}

/**
 * A tenant that echoes secrets back: the bearer token in a body (as is and base64), a session
 * token on an admin, a cookie, a Set-Cookie header, and rate-limit headers the capture keeps.
 */
async function echoingTenant(): Promise<{ url: string; close(): Promise<void> }> {
  let isRefreshed = false;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const bearer = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (url.pathname === '/api/v4/auth/refresh') {
      isRefreshed = true;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ token: REFRESHED_TOKEN }));
      return;
    }
    if (url.pathname === '/api/v4/campaigns' && !isRefreshed) {
      // The first token has expired: the client refreshes it (GET /auth/refresh), then reads again.
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Unauthorized' }));
      return;
    }
    const headers = { 'content-type': 'application/json', 'set-cookie': `laravel_session=${bearer}; HttpOnly`, 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-request-secret': bearer };
    const page = (data: unknown[]) => ({ current_page: 1, last_page: 1, per_page: 1000, total: data.length, data });
    let body: unknown = page([]);
    if (url.pathname === '/api/version') body = { version: '4' };
    else if (url.pathname === '/api/v4/auth/me') body = { _id: 'me1', type: 'admin', name: 'Carla Mendes', email: 'carla.mendes@acme.com.br', groupId: 'g1', token: bearer, echo: Buffer.from(`Bearer ${bearer}`).toString('base64') };
    else if (url.pathname === '/api/v4/admins') body = page([{ _id: 'a1', type: 'admin', name: 'Carla Mendes', email: 'carla.mendes@acme.com.br', groupId: 'g1', session_token: 'sess-4f1d2a9b7c', hasAuthToken: true, cookie: `remember=${bearer}` }]);
    else if (url.pathname === '/api/v4/userGroup') body = page([{ _id: 'g1', name: 'Administrador', master: true, permissions: [] }]);
    else if (url.pathname === '/api/v4/tabulations') body = { ...page([{ _id: 't1', name: 'Geral', debug: Buffer.from(`Bearer ${bearer}`).toString('base64') }]), next_page_url: `http://${request.headers.host}/api/v4/tabulations?api=${encodeURIComponent(bearer)}` };
    else if (url.pathname === '/api/v4/blockedNumbers') body = page([{ _id: 'b1', number: '5511998877665' }]);
    response.writeHead(200, headers);
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('conecta doctor --capture', () => {
  it('never writes a token, a session token, a cookie or an Authorization, even when the tenant echoes them', async () => {
    const tenant = await echoingTenant();
    try {
      const cwd = await tempDir();
      await runDoctor({
        redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: tenant.url, CONECTA_TOKEN: TOKEN } }, cwd, reporter: createRecordingReporter(),
        capture: { file: 'capture.json', scope: 'people', toolVersion: '9.8.7', now: () => NOW },
      });
      const text = await readFile(join(cwd, 'capture.json'), 'utf8');
      const paths = (JSON.parse(text) as CaptureFile).exchanges.map((exchange) => exchange.path);
      expect(paths).toContain('/api/v4/tabulations');
      expect(paths).not.toContain('/api/v4/auth/refresh');
      for (const secret of [TOKEN, REFRESHED_TOKEN, 'sess-4f1d2a9b7c', `Bearer ${TOKEN}`, `Bearer ${REFRESHED_TOKEN}`]) for (const form of encodings(secret)) expect(text, `${secret} as ${form}`).not.toContain(form);
      expect(text).not.toMatch(/set-cookie|laravel_session|x-request-secret|authorization/i);
      expect(text).not.toContain('5511998877665');
      expect(text).not.toContain('Carla Mendes');
      const me = (JSON.parse(text) as CaptureFile).exchanges.find((exchange) => exchange.path === '/api/v4/auth/me');
      expect(me?.headers).toEqual({ 'content-type': 'application/json', 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' });
      expect(me?.body).toMatchObject({ _id: 'me1', groupId: 'g1', token: '<removed>', email: 'user-1@example.invalid', name: 'Person 1' });
      expect(text).not.toContain(tenant.url);
    } finally {
      await tenant.close();
    }
  });

  it('records the version, the account and every list read, with the tool version, the date and the format version', async () => {
    const sandbox = await acmeSandbox();
    const { capture: file } = await capture(sandbox, { CONECTA_TOKEN: TOKEN });
    expect(file).toMatchObject({ format: 'conecta-capture', formatVersion: 1, tool: { name: 'conecta-as-code', version: '9.8.7' }, capturedAt: NOW.toISOString(), pseudonymised: 'people' });
    const paths = new Set(file.exchanges.map((exchange) => exchange.path));
    for (const path of ['/api/version', '/api/v4/auth/me', '/api/v4/campaigns', '/api/v4/agents', '/api/v4/admins', '/api/v4/tabulations', '/api/v4/contacts/fields', '/api/v4/flows']) expect(paths).toContain(path);
    const teams = file.exchanges.find((exchange) => exchange.path === '/api/v4/campaigns');
    expect(teams).toMatchObject({ method: 'GET', status: 200, headers: { 'content-type': expect.stringContaining('application/json') }, query: { page: '1' } });
    expect((teams?.body as { data: { name: string }[] }).data.map((team) => team.name).sort()).toEqual(['Financeiro', 'SAC', 'Vendas']);
    expect(file.exchanges.every((exchange) => exchange.method === 'GET')).toBe(true);
  });

  it('holds none of the acme e-mails or person names, nor the token or password, in any encoding', async () => {
    const sandbox = await acmeSandbox();
    expect(acmeEmails.length).toBeGreaterThan(15);
    expect(acmeNames).toEqual(expect.arrayContaining(['Carla Mendes', 'Ana Souza', 'Patrícia Araújo']));
    const environments: Record<string, string>[] = [{ CONECTA_TOKEN: TOKEN }, { CONECTA_EMAIL: ADMIN_EMAIL, CONECTA_PASSWORD: PASSWORD }];
    for (const env of environments) {
      const { text, capture: file } = await capture(sandbox, env);
      for (const secret of [TOKEN, PASSWORD, ...acmeEmails, ADMIN_EMAIL, ...acmeNames]) {
        for (const form of encodings(secret)) expect(text, `${secret} as ${form}`).not.toContain(form);
      }
      expect(text.toLowerCase()).not.toContain('acme.com.br');
      expect(text).not.toContain('sofia.teixeira');
      expect(text).not.toMatch(/set-cookie|authorization|bearer/i);
      // Configuration names stay: the capture must show what the tool saw.
      expect(text).toContain('Supervisores');
      expect(text).toContain('Dúvida resolvida');
      expect(file.exchanges.some((exchange) => exchange.path.startsWith('/api/v4/auth/') && exchange.path !== '/api/v4/auth/me')).toBe(false);
    }
  });

  it('pseudonymises consistently: an agent keeps one e-mail everywhere, and a team sequence names the same person as the agent list', async () => {
    const sandbox = await acmeSandbox();
    const { capture: file } = await capture(sandbox, { CONECTA_TOKEN: TOKEN });
    const agents = (file.exchanges.find((exchange) => exchange.path === '/api/v4/agents')?.body as { data: { _id: string; name: string; email: string }[] }).data;
    expect(agents.every((agent) => /^user-\d+@example\.invalid$/.test(agent.email) && /^Person \d+$/.test(agent.name))).toBe(true);
    expect(new Set(agents.map((agent) => agent.email)).size).toBe(agents.length);
    const teams = (file.exchanges.find((exchange) => exchange.path === '/api/v4/campaigns')?.body as { data: { name: string; sequence?: { id: string; name: string }[] }[] }).data;
    const sequence = teams.find((team) => team.name === 'Vendas')?.sequence ?? [];
    expect(sequence.length).toBe(3);
    for (const entry of sequence) expect(entry.name).toBe(agents.find((agent) => agent._id === entry.id)?.name);
    const again = await capture(sandbox, { CONECTA_TOKEN: TOKEN });
    expect(again.capture.exchanges).toEqual(file.exchanges);
  });

  it('with --pseudonymise-all, replaces configuration names too, wherever they appear', async () => {
    const sandbox = await acmeSandbox();
    const { text } = await capture(sandbox, { CONECTA_TOKEN: TOKEN }, { scope: 'all' });
    for (const name of ['Supervisores', 'Dúvida resolvida', 'Financeiro', 'Inadimplentes', 'A Acme agradece o seu contato']) expect(text).not.toContain(name);
    expect(text).toMatch(/"team_\d+"/);
  });

  it('still writes what was read, with the error, when a list cannot be read whole', async () => {
    const tabulations = [{ _id: 't1', name: 'Geral' }, { _id: 't2', name: 'Vendas' }];
    const server = await startHostileServer({ lists: { '/tabulations': tabulations }, fault: { path: '/tabulations', kind: 'total-mismatch' } });
    try {
      const cwd = await tempDir();
      const reporter = createRecordingReporter();
      await expect(runDoctor({
        redactor: createRedactor(), targetOptions: { cwd, env: { CONECTA_URL: server.url, CONECTA_TOKEN: server.token } }, cwd, reporter,
        capture: { file: 'capture.json', scope: 'people', toolVersion: '9.8.7', now: () => NOW },
      })).rejects.toMatchObject({ code: 'PROVIDER_INCOMPLETE_READ' });
      const file = JSON.parse(await readFile(join(cwd, 'capture.json'), 'utf8')) as CaptureFile;
      expect(file.failure).toMatchObject({ code: 'PROVIDER_INCOMPLETE_READ', message: expect.stringContaining('tabulations') });
      expect(file.exchanges.filter((exchange) => exchange.path === '/api/v4/tabulations').length).toBeGreaterThan(0);
      expect(reporter.events).toContainEqual({ type: 'notice', text: expect.stringContaining('the capture written to capture.json holds the') });
      expect(server.writes()).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('makes no write, and leaves a file only its owner may read', async () => {
    const sandbox = await acmeSandbox();
    sandbox.resetAudit();
    const { file } = await capture(sandbox, { CONECTA_TOKEN: TOKEN }, { file: 'reports/tenant.json' });
    const audit = sandbox.audit();
    expect(audit.requests).toBeGreaterThan(10);
    expect(audit.writes).toBe(0);
    expect(Object.keys(audit.byRoute).every((route) => route.startsWith('GET '))).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
