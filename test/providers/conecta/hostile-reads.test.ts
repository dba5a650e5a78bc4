/**
 * A partial read never becomes a plan. The hostile server (test/support/hostile-server.ts) serves
 * a tabulation list of 250 objects (3 pages of 100) over real loopback HTTP and breaks it in one
 * way per test. For every read-failure mode of issue 12 (items 1 and 2) the apply service runs
 * `apply --auto-approve --force` in process with the real client (undici): it must fail with
 * PROVIDER_INCOMPLETE_READ naming the list, the page and the problem, and the server must see 0
 * writes. The config declares the 250 tabulations and one more, so a whole read makes exactly one
 * create, and a client that took a partial list for the whole would also create the missing ones:
 * the server would see the writes. The built CLI (needs `npm run build`) runs the same apply for one broken
 * list and the page-size cases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allKinds } from '../../../cli/core/kinds/registry.js';
import { readSnapshot } from '../../../cli/services/refresh.js';
import { ConectaProvider, type ConectaProviderOptions } from '../../../providers/conecta/index.js';
import { checkTenantUrl } from '../../../providers/conecta/settings.js';
import { createProject, runCli, type CliResult } from '../../faults/cli-harness.js';
import { startHostileServer, type HostileOptions, type HostileServer, type ListFault } from '../../support/hostile-server.js';
import { createRedactor } from '../../../cli/io/redactor.js';
import { createRecordingReporter } from '../../../cli/io/reporter.js';
import { runApply } from '../../../cli/services/apply.js';

const CLI_TIMEOUT_MS = 60_000;
const TABULATIONS = Array.from({ length: 250 }, (_, index) => ({ _id: `64b${String(index).padStart(21, '0')}`, name: `Tab ${index}` }));
const CONFIG = `version: 1\ntabulations:\n${TABULATIONS.map((tabulation) => `  - name: ${tabulation.name}\n`).join('')}`;

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function applyAgainst(options: HostileOptions, env: Record<string, string> = {}, files: Record<string, string> = { 'tenant.yaml': CONFIG }): Promise<{ result: CliResult; server: HostileServer }> {
  const server = await startHostileServer({ lists: { '/tabulations': TABULATIONS }, ...options });
  servers.push(server);
  const cwd = createProject(files);
  const result = await runCli(['apply', '.', '--auto-approve'], { cwd, env: { CONECTA_URL: server.url, CONECTA_TOKEN: server.token, ...env } });
  return { result, server };
}

const partialReads: [ListFault, RegExp][] = [
  ['not-json', /page 2: the 2xx answer is not JSON/],
  ['truncated', /page 2: the 2xx answer is not JSON/],
  ['empty-body', /page 2: the 2xx answer is not JSON \(empty/],
  ['data-missing', /page 2: its "data" is missing/],
  ['data-null', /page 2: its "data" is null/],
  ['total-mismatch', /240 items were received over 3 page\(s\), but the list says total 250/],
  ['repeated-ids', /page 2: id \S+ was already on page 1/],
  ['last-page-moves', /last_page moved from 3 \(page 1\) to 4/],
  ['ignores-page', /it repeats page 1's items \(the server seems to ignore "page"\)/],
  ['ignores-page-honest', /answered current_page 1 \(the server seems to ignore "page"\)/],
  ['never-ending', /last_page moved from 2 \(page 1\) to 3/],
  ['endless-last-page', /last_page 1000000 is past the ceiling of 10000 pages/],
  ['last-page-beyond-total', /last_page 8 disagrees with total 250 at 100 per page \(3 page\(s\)\)/],
  ['no-id', /page 2: item 6 has no usable _id/],
  ['numeric-id', /page 2: item 6 has no usable _id \(42\)/],
  ['numeric-name', /has no usable natural key: its "name" is 42/],
  ['empty-name', /has no usable natural key: its "name" is " "/],
];

/** The config: every tabulation as it is, plus one, so the apply writes once when (and only when) the read is whole. */
const APPLY_CONFIG = `${CONFIG}  - name: Tab new\n`;

/** `apply --auto-approve --force` through the service, in process, against `server`. */
async function applyInProcess(server: HostileServer): Promise<unknown> {
  const cwd = createProject({ 'tenant.yaml': APPLY_CONFIG });
  const env = { CONECTA_URL: server.url, CONECTA_TOKEN: server.token, CONECTA_DEADLINE: '20s' };
  try {
    await runApply({
      targetOptions: { cwd, paths: [cwd], env }, cwd, isAutoApproved: true, isForced: true, parallelism: 4,
      prompter: { isInteractive: false, ask: async () => '' }, reporter: createRecordingReporter(), redactor: createRedactor(),
    });
    return undefined;
  } catch (error) {
    return error;
  }
}

async function refreshAgainst(options: HostileOptions, client: Partial<ConectaProviderOptions> = {}): Promise<{ error: unknown; server: HostileServer; ms: number }> {
  const server = await startHostileServer({ lists: { '/tabulations': TABULATIONS }, ...options });
  servers.push(server);
  const started = performance.now();
  const provider = new ConectaProvider({ url: server.url, credentials: { token: server.token }, redactor: createRedactor(), backoff: { baseMs: 1, maxMs: 5, maxRetryAfterMs: 1000 }, ...client });
  try {
    const description = await provider.describe();
    await readSnapshot(provider, allKinds, description.unsupported);
    return { error: undefined, server, ms: performance.now() - started };
  } catch (error) {
    return { error, server, ms: performance.now() - started };
  } finally {
    await provider.close();
  }
}

describe('a partial read never becomes a plan', () => {
  it('the same list, unbroken, plans one create: the applies below would write', async () => {
    const server = await startHostileServer({ lists: { '/tabulations': TABULATIONS } });
    servers.push(server);
    expect(await applyInProcess(server)).toBeUndefined();
    expect(server.writes().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /api/v4/tabulations']);
  });

  it.each(partialReads)('%s: apply fails at refresh with PROVIDER_INCOMPLETE_READ and 0 writes', async (kind, message) => {
    const server = await startHostileServer({ lists: { '/tabulations': TABULATIONS }, fault: { path: '/tabulations', kind } });
    servers.push(server);
    const error = await applyInProcess(server);
    expect(error).toMatchObject({ code: 'PROVIDER_INCOMPLETE_READ', what: 'tabulations', path: '/api/v4/tabulations' });
    expect((error as Error).message).toMatch(message);
    expect(server.writes()).toEqual([]);
  });

  it('apply against a server that ignores "page" fails before planning, with 0 writes', async () => {
    const { result, server } = await applyAgainst({ fault: { path: '/tabulations', kind: 'ignores-page' } });
    expect(result.stderr).toContain('[PROVIDER_INCOMPLETE_READ]');
    expect(result.stderr).toContain('Reading tabulations (GET /api/v4/tabulations) failed at page 2');
    expect(result.code).toBe(1);
    expect(server.writes()).toEqual([]);
  }, CLI_TIMEOUT_MS);

  it('a read that fails while a large config is still loading is reported, never a crash with a stack trace', async () => {
    // The tenant is read while the config loads; here the read fails long before 20,000 predefined
    // messages are parsed, so the failure waits, handled, until the config is ready.
    const messages = Array.from({ length: 20_000 }, (_, index) => `  - name: Message ${index}\n    text: Hello ${index}\n`).join('');
    const { result, server } = await applyAgainst({ fault: { path: '/tabulations', kind: 'ignores-page' } }, {}, { 'tenant.yaml': CONFIG, 'messages.yaml': `version: 1\npredefinedMessages:\n${messages}` });
    expect(result.stderr).toContain('[PROVIDER_INCOMPLETE_READ]');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(1);
    expect(server.writes()).toEqual([]);
  }, CLI_TIMEOUT_MS);

  it('a connection cut inside a page fails the refresh after its retries, with 0 writes', async () => {
    const { error, server } = await refreshAgainst({ fault: { path: '/tabulations', kind: 'cut-connection' } });
    expect(error).toMatchObject({ code: expect.stringMatching(/^PROVIDER_(UNREACHABLE|TIMEOUT)$/) });
    expect(server.writes()).toEqual([]);
  });
});

describe('page size', () => {
  it('reads a whole list in one request when the server gives 1000 per page', async () => {
    const { result, server } = await applyAgainst({ maxPageSize: 1000 });
    expect(result.stdout).toContain('No changes.');
    expect(server.listReads('/tabulations').map((entry) => entry.query.get('limit'))).toEqual(['1000']);
    expect(server.writes()).toEqual([]);
  }, CLI_TIMEOUT_MS);

  it('follows per_page and last_page when the server clamps the size', async () => {
    const { error, server } = await refreshAgainst({ maxPageSize: 100 });
    expect(error).toBeUndefined();
    expect(server.listReads('/tabulations').map((entry) => entry.query.get('page')).sort()).toEqual(['1', '2', '3']);
  });

  it('asks again at 100 per page when the server refuses 1000, once per run', async () => {
    const { error, server } = await refreshAgainst({ fault: { path: '/tabulations', kind: 'refuses-large-page' } });
    expect(error).toBeUndefined();
    const reads = server.listReads('/tabulations').map((entry) => `${entry.query.get('page')}/${entry.query.get('limit')}`);
    expect(reads.sort()).toEqual(['1/100', '1/1000', '2/100', '3/100']);
  });
});

describe('bounded responses and transport', () => {
  it('the run deadline bounds a body that drips a byte at a time', async () => {
    const { error, ms } = await refreshAgainst({ fault: { path: '/tabulations', kind: 'drip' }, faultValue: 100 }, { deadlineMs: 1500 });
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT' });
    expect(ms).toBeLessThan(5000);
  });

  it('an answer larger than the body limit fails without being read whole', async () => {
    const { error } = await refreshAgainst({ fault: { path: '/tabulations', kind: 'huge-body' }, faultValue: 2 * 1024 * 1024 }, { maxBodyBytes: 1024 * 1024 });
    expect(error).toMatchObject({ code: 'PROVIDER_RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toContain('larger than 1 MB');
  });

  it('a Retry-After past the deadline fails at once and clearly, with no early retry', async () => {
    const { error, server, ms } = await refreshAgainst({ fault: { path: '/tabulations', kind: 'retry-after' }, faultValue: 120 }, { deadlineMs: 5000 });
    expect(error).toMatchObject({ code: 'PROVIDER_RATE_LIMIT' });
    expect((error as Error).message).toMatch(/asked to wait 120 s \(Retry-After\).*no retry was sent early/);
    expect(server.listReads('/tabulations')).toHaveLength(1);
    expect(ms).toBeLessThan(3000);
  });

  it('refuses plain http to a remote host unless allowed, and credentials in the URL', () => {
    expect(() => checkTenantUrl('http://acme.conecta.com.vc', false)).toThrow(/plain http to a host other than this machine/);
    expect(checkTenantUrl('http://acme.conecta.com.vc', true)).toBe('http://acme.conecta.com.vc');
    expect(checkTenantUrl('http://127.0.0.1:4010', false)).toBe('http://127.0.0.1:4010');
    expect(checkTenantUrl('http://localhost:4010', false)).toBe('http://localhost:4010');
    expect(() => checkTenantUrl('https://admin:secret@acme.conecta.com.vc', false)).toThrow(/carries credentials/);
  });
});
