import { afterEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../../cli/core/errors.js';
import { applyDefaults } from '../../../cli/core/kinds/schema-walk.js';
import { ConectaProvider } from '../../../providers/conecta/index.js';
import { startHarness, type SandboxHarness } from './sandbox-support.js';
import { createManualClock } from '../../support/manual-clock.js';

let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function expectRemoteError(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RemoteError);
  return error as RemoteError;
}

function createTabulations(h: SandboxHarness, count: number, prefix = 'T'): Promise<unknown[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => h.provider.create('tabulation', { name: `${prefix}${String(index).padStart(3, '0')}` })));
}

describe('ConectaProvider against a faulty sandbox', () => {
  it('lists 250 tabulations over three pages of 100', async () => {
    harness = await startHarness();
    await createTabulations(harness, 250);
    harness.sandbox.resetAudit();
    const listed = await harness.openProvider().list('tabulation');
    expect(listed).toHaveLength(250);
    const pages = harness.sandbox.audit().requestLog.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/api/v4/tabulations'));
    expect(pages).toHaveLength(3);
  });

  it('fails the read with PROVIDER_INCOMPLETE_READ when list pages come back truncated or garbled', async () => {
    harness = await startHarness();
    await createTabulations(harness, 3);
    harness.sandbox.setFaults({ brokenPageRate: 1 });
    await expect(harness.openProvider().list('tabulation')).rejects.toMatchObject({ code: 'PROVIDER_INCOMPLETE_READ', message: expect.stringContaining('is not JSON') });
    expect(harness.sandbox.audit().faults.brokenPages).toBeGreaterThan(0);
  });

  it('fails the read with PROVIDER_INCOMPLETE_READ when the server ignores "page"', async () => {
    harness = await startHarness();
    await createTabulations(harness, 150);
    harness.sandbox.setFaults({ ignorePage: true });
    await expect(harness.openProvider().list('tabulation')).rejects.toMatchObject({ code: 'PROVIDER_INCOMPLETE_READ', message: expect.stringContaining('ignore "page"') });
    expect(harness.sandbox.audit().faults.ignoredPages).toBeGreaterThan(0);
  });

  it('fetches each list once per provider even when several kinds refer to it', async () => {
    harness = await startHarness();
    await harness.provider.create('team', applyDefaults('team', { name: 'SAC' }));
    const fresh = harness.openProvider();
    harness.sandbox.resetAudit();
    await Promise.all([fresh.list('agent'), fresh.list('team'), fresh.list('user-group')]);
    const teamReads = harness.sandbox.audit().requestLog.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/api/v4/campaigns'));
    expect(teamReads).toHaveLength(1);
  });

  it('answers a refused token with PROVIDER_AUTH', async () => {
    harness = await startHarness();
    const error = await expectRemoteError(harness.openProvider({ credentials: { token: 'wrong-token' } }).describe());
    expect(error.code).toBe('PROVIDER_AUTH');
    expect(error.message).not.toContain('wrong-token');
  });

  it('signs in with e-mail and password when no token is given', async () => {
    harness = await startHarness({ email: 'root@acme.com.br', password: 'pa55word' });
    const description = await harness.openProvider({ credentials: { email: 'root@acme.com.br', password: 'pa55word' } }).describe();
    expect(description.apiVersion).toMatch(/^4/);
  });

  it('logs in again once when a token from login expires', async () => {
    harness = await startHarness({ email: 'root@acme.com.br', password: 'pa55word', tokenTtlMs: 150 });
    const provider = harness.openProvider({ credentials: { email: 'root@acme.com.br', password: 'pa55word' } });
    await provider.describe();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await provider.create('tabulation', { name: 'Depois' });
    expect((await harness.openProvider().list('tabulation')).map((resource) => resource.name)).toEqual(['Depois']);
  });

  it('answers an update of an unknown id with PROVIDER_NOT_FOUND', async () => {
    harness = await startHarness();
    const error = await expectRemoteError(harness.provider.update('pause', '0123456789abcdef01234567', applyDefaults('pause', { name: 'X' })));
    expect(error.code).toBe('PROVIDER_NOT_FOUND');
    expect(error.status).toBe(404);
  });

  it('answers the deletion of a team an agent still uses with PROVIDER_CONFLICT', async () => {
    harness = await startHarness();
    const team = await harness.provider.create('team', applyDefaults('team', { name: 'SAC' }));
    await harness.provider.create('agent', applyDefaults('agent', { email: 'a@x.com', name: 'A', teams: ['SAC'] }));
    const error = await expectRemoteError(harness.provider.delete('team', team.id));
    expect(error.code).toBe('PROVIDER_CONFLICT');
    expect(error.vendorMessage).toBeTruthy();
  });

  it('answers an invalid value with PROVIDER_VALIDATION and the field name', async () => {
    harness = await startHarness();
    const error = await expectRemoteError(harness.provider.create('agent', applyDefaults('agent', { email: 'not-an-email', name: 'A' })));
    expect(error.code).toBe('PROVIDER_VALIDATION');
    expect(error.vendorMessage).toContain('email');
  });

  it('waits as long as Retry-After says when rate-limited, and halves its concurrency', async () => {
    // One manual clock for the sandbox's rate limit and the client's waits: the Retry-After
    // seconds pass without real time.
    const clock = createManualClock();
    harness = await startHarness({ rateLimitPerMinute: 120, now: clock.date }, { clock });
    await createTabulations(harness, 20);
    expect(harness.events.some((event) => event.type === 'rate-limited')).toBe(true);
    const notice = harness.sandbox.audit().lastRetryAfter;
    const waits = harness.events.filter((event) => event.type === 'retry' && event.reason === 'HTTP 429');
    expect(waits.length).toBeGreaterThan(0);
    expect(notice).not.toBeNull();
    for (const wait of waits) if (wait.type === 'retry') expect(wait.delayMs).toBeGreaterThanOrEqual(1000);
    const concurrencies = harness.events.flatMap((event) => (event.type === 'rate-limited' ? [event.concurrency] : []));
    expect(Math.min(...concurrencies)).toBeLessThan(8);
    // Only requests already in flight when a 429 arrived may reach the server before Retry-After.
    expect(harness.sandbox.audit().earlyRetries).toBeLessThan(harness.sandbox.audit().rateLimited);
    expect((await harness.openProvider({ onEvent: undefined }).list('tabulation'))).toHaveLength(20);
  });

  it('never sends a create twice at a 30 percent 5xx rate: a create answered 5xx is adopted or ends with an unknown outcome', async () => {
    harness = await startHarness({ failRate: 0.3, seed: 7, enforceUniqueKeys: false }, { settleWindowMs: 100 });
    const outcomes = [];
    // One at a time, so that the sandbox's seeded faults fall on the same requests in every run.
    for (let index = 0; index < 30; index += 1) {
      outcomes.push(await harness.provider.create('tabulation', { name: `T${String(index).padStart(3, '0')}` }).then(() => 'created', (error: RemoteError) => error.code));
    }
    const unknown = outcomes.filter((outcome) => outcome === 'PROVIDER_OUTCOME_UNKNOWN').length;
    expect(unknown).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome !== 'created' && outcome !== 'PROVIDER_OUTCOME_UNKNOWN')).toEqual([]);
    expect(harness.sandbox.audit().byRoute['POST /tabulations']).toBe(30);
    // The sandbox's 5xx fault stores nothing: the unknown ones are simply missing, none twice.
    expect(await harness.openProvider().list('tabulation')).toHaveLength(30 - unknown);
    expect(harness.sandbox.audit().duplicates).toEqual({});
  });

  it('adopts an object the backend commits 1.5 s after the gateway answered 504, and never POSTs it again', async () => {
    harness = await startHarness({ lateCommitRate: 1, lateCommitMs: 1_500, enforceUniqueKeys: false }, { settleWindowMs: 4_000 });
    const live = await harness.provider.create('tabulation', { name: 'Tarde' });
    const audit = harness.sandbox.audit();
    expect(audit.faults.lateCommits).toBe(1);
    expect(audit.byRoute['POST /tabulations']).toBe(1);
    expect(harness.events).toContainEqual(expect.objectContaining({ type: 'reconciled', kind: 'tabulation', name: 'Tarde' }));
    expect((await harness.openProvider().list('tabulation')).map((resource) => resource.id)).toEqual([live.id]);
  });

  it('reports an unknown outcome when the commit comes after the settle window, and the late object is still the only one', async () => {
    harness = await startHarness({ lateCommitRate: 1, lateCommitMs: 800, enforceUniqueKeys: false }, { settleWindowMs: 300 });
    const error = await expectRemoteError(harness.provider.create('tabulation', { name: 'Tarde' }));
    expect(error.code).toBe('PROVIDER_OUTCOME_UNKNOWN');
    while (harness.sandbox.audit().faults.lateCommitsPending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(harness.sandbox.audit().byRoute['POST /tabulations']).toBe(1);
    expect(await harness.openProvider().list('tabulation')).toHaveLength(1);
    expect(harness.sandbox.audit().duplicates).toEqual({});
  });

  it('never duplicates an object whose creation answered 504 after it was stored', async () => {
    harness = await startHarness({ ghostWriteRate: 0.5, seed: 3, enforceUniqueKeys: false });
    await createTabulations(harness, 20);
    await harness.provider.create('team', applyDefaults('team', { name: 'SAC', closingMessage: 'Tchau' }));
    await harness.provider.create('agent', applyDefaults('agent', { email: 'a@x.com', name: 'A', teams: ['SAC'] }));
    const audit = harness.sandbox.audit();
    expect(audit.faults.ghostWrites).toBeGreaterThan(0);
    expect(audit.duplicates).toEqual({});
    expect(harness.events.some((event) => event.type === 'reconciled')).toBe(true);
    expect(await harness.openProvider().list('tabulation')).toHaveLength(20);
  });

  it('cuts a hanging request at the per-request timeout: reads are retried, a hung create is never sent again', async () => {
    harness = await startHarness({ hangRate: 0.3, seed: 5, enforceUniqueKeys: false }, { timeoutMs: 200, settleWindowMs: 100 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, index) => harness!.provider.create('tabulation', { name: `T${String(index).padStart(3, '0')}` })
      .then(() => 'created', (error: RemoteError) => error.code)));
    expect(harness.sandbox.audit().faults.hung).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome !== 'created' && outcome !== 'PROVIDER_OUTCOME_UNKNOWN')).toEqual([]);
    expect(harness.sandbox.audit().byRoute['POST /tabulations']).toBe(10);
    expect(harness.sandbox.audit().duplicates).toEqual({});
    expect(await harness.openProvider({ timeoutMs: 5_000 }).list('tabulation')).toHaveLength(outcomes.filter((outcome) => outcome === 'created').length);
  });

  it('reports flows as unsupported when the tenant has no flow endpoint, and lists none', async () => {
    harness = await startHarness({ flowsEnabled: false });
    const description = await harness.provider.describe();
    expect(description.unsupported).toEqual([{ kind: 'flow', reason: expect.stringContaining('does not expose flows') }]);
    expect(await harness.provider.list('flow')).toEqual([]);
    expect(await harness.provider.list('team')).toEqual([]);
  });

  it('keeps the built-in Administrador group listed', async () => {
    harness = await startHarness();
    const groups = await harness.provider.list('user-group');
    expect(groups.map((group) => group.name)).toContain('Administrador');
    expect(harness.provider).toBeInstanceOf(ConectaProvider);
  });
});
