import { errors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../../cli/core/errors.js';
import { apiPath, createMockTenant, interceptHandshake, readFixture, type MockTenant } from './mock-support.js';

let tenant: MockTenant | undefined;
afterEach(async () => {
  await tenant?.provider.close();
  await tenant?.agent.close();
  tenant = undefined;
});

function openTenant(options: Parameters<typeof createMockTenant>[0] = {}): MockTenant {
  tenant = createMockTenant(options);
  interceptHandshake(tenant.pool);
  return tenant;
}

const emptyPage = { current_page: 1, data: [], last_page: 1, per_page: 100, total: 0 };

async function caught(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(() => undefined, (value: unknown) => value);
  expect(error).toBeInstanceOf(RemoteError);
  return error as RemoteError;
}

describe('vendor error envelopes', () => {
  it.each([
    [401, { error: 'Unauthorized' }, 'PROVIDER_AUTH', 'Unauthorized'],
    [422, { status: false, errors: { name: ['The name field is required.'] } }, 'PROVIDER_VALIDATION', 'name: The name field is required.'],
    [400, { status: 'fail', response: 'existing name' }, 'PROVIDER_CONFLICT', 'existing name'],
    [409, { success: false, message: 'Tabulação em uso' }, 'PROVIDER_CONFLICT', 'Tabulação em uso'],
    [404, { error: 'Not Found' }, 'PROVIDER_NOT_FOUND', 'Not Found'],
    [403, { success: false, message: 'Sem permissão' }, 'PROVIDER_AUTH', 'Sem permissão'],
  ])('turns HTTP %i %j into one RemoteError %s', async (status, body, code, message) => {
    const t = openTenant({ credentials: { token: 'tok-0123456789' } });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage).persist();
    t.pool.intercept({ path: apiPath('/tabulations/abc'), method: 'PUT' }).reply(status, body).persist();
    t.pool.intercept({ path: apiPath('/auth/refresh'), method: 'GET' }).reply(401, { error: 'Unauthorized' });
    const error = await caught(t.provider.update('tabulation', 'abc', { name: 'X' }));
    expect(error).toMatchObject({ code, status, method: 'PUT', path: '/api/v4/tabulations/abc', vendorMessage: message });
    expect(error.hint).toBeTruthy();
  });

  it('treats a 200 answer carrying the duplicate-name envelope as a conflict and adopts the existing object', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage);
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'POST' }).reply(200, { status: 'fail', response: 'existing name' });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, readFixture('tabulations'));
    const live = await t.provider.create('tabulation', { name: 'Resolvido' });
    expect(live.id).toBe('64b000000000000000000201');
    expect(t.events).toContainEqual(expect.objectContaining({ type: 'reconciled', kind: 'tabulation', name: 'Resolvido' }));
  });

  it('masks the token in error messages and request events', async () => {
    const t = openTenant({ credentials: { token: 'secret-token-xyz' } });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(500, { error: 'bad token secret-token-xyz' }).persist();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(500, 'x');
    const error = await caught(t.provider.list('tabulation'));
    expect(error.message).not.toContain('secret-token-xyz');
    expect(JSON.stringify(t.events)).not.toContain('secret-token-xyz');
  });

  /** A tenant whose /api/version answers `status` with `body`; /auth/me and the flow probe as usual. */
  function openVersionTenant(status: number, body: unknown): MockTenant {
    tenant = createMockTenant();
    tenant.pool.intercept({ path: '/api/version', method: 'GET' }).reply(status, body as object).persist();
    tenant.pool.intercept({ path: '/api/v4/auth/me', method: 'GET' }).reply(200, readFixture('me')).persist();
    tenant.pool.intercept({ path: apiPath('/flows'), method: 'GET' }).reply(404, { error: 'Not Found' }).persist();
    return tenant;
  }

  it('accepts 4 and 4.x without a warning', async () => {
    for (const version of ['4', '4.12.1']) {
      const t = openVersionTenant(200, { version });
      const description = await t.provider.describe();
      expect(description.apiVersion).toBe(version);
      expect(description.apiVersionWarning).toBeUndefined();
      await t.provider.close();
      await t.agent.close();
    }
    tenant = undefined;
  });

  it('warns, and carries on, when the tenant answers another API version', async () => {
    const t = openVersionTenant(200, { version: '5' });
    const description = await t.provider.describe();
    expect(description).toMatchObject({ apiVersion: '5', apiVersionWarning: expect.stringMatching(/answered version "5", not 4.*carries on/) });
    expect(description.account?.email).toBeTruthy();
  });

  it('warns, and carries on, when /api/version answers 404 or says no version', async () => {
    const t = openVersionTenant(404, '<html>not found</html>');
    expect(await t.provider.describe()).toMatchObject({ apiVersion: 'unknown', apiVersionWarning: expect.stringContaining('answered HTTP 404') });
    await t.provider.close();
    await t.agent.close();
    const u = openVersionTenant(200, { name: 'something else' });
    expect(await u.provider.describe()).toMatchObject({ apiVersion: 'unknown', apiVersionWarning: expect.stringContaining('did not say which version') });
  });

  it('still fails the handshake when /api/version answers 5xx', async () => {
    const t = openVersionTenant(500, { message: 'Server Error' });
    await expect(t.provider.describe()).rejects.toMatchObject({ status: 500 });
  });
});

describe('retries, rate limits and timeouts', () => {
  it('waits the Retry-After seconds on 429, then succeeds', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(429, { message: 'Too Many Attempts.' }, { headers: { 'retry-after': '7' } });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, readFixture('tabulations'));
    expect(await t.provider.list('tabulation')).toHaveLength(1);
    expect(t.clock.sleeps).toContain(7000);
    expect(t.events).toContainEqual({ type: 'rate-limited', waitMs: 7000, concurrency: 4 });
  });

  it('waits a Retry-After longer than the cap in full when the deadline allows, never retrying early', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '120' } });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage);
    await t.provider.list('tabulation');
    expect(Math.max(...t.clock.sleeps)).toBe(120_000);
  });

  it('retries 502, 503 and 504 with growing jittered delays', async () => {
    const t = openTenant();
    for (const status of [502, 503, 504]) t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).reply(status, 'upstream');
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).reply(200, readFixture('pauses'));
    expect(await t.provider.list('pause')).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([125, 250, 500]);
  });

  it('stops retrying when the overall deadline would pass', async () => {
    const t = openTenant({ deadlineMs: 5_000 });
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '10' } });
    await expect(t.provider.list('pause')).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMIT', status: 429 });
  });

  it('keeps retrying a create answered 429, however many times, while the deadline allows', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage);
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'POST' }).reply(429, {}, { headers: { 'retry-after': '1' } }).times(40);
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'POST' }).reply(200, { _id: '64b0000000000000000002ff', name: 'Novo' });
    expect((await t.provider.create('tabulation', { name: 'Novo' })).id).toBe('64b0000000000000000002ff');
    t.agent.assertNoPendingInterceptors();
  });

  it('starts no request inside a Retry-After pause that outlasts the deadline, and fails instead', async () => {
    const t = openTenant({ deadlineMs: 5_000 });
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '10' } });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage);
    await expect(t.provider.list('pause')).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMIT' });
    await expect(t.provider.list('tabulation')).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMIT', vendorMessage: expect.stringContaining('deadline') });
    expect(t.events.filter((event) => event.type === 'request' && event.path.startsWith('/api/v4/tabulations'))).toEqual([]);
  });

  it('retries a GET that timed out, then reports PROVIDER_TIMEOUT when it keeps timing out', async () => {
    const t = openTenant({ maxRetries: 2 });
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).replyWithError(new errors.HeadersTimeoutError()).times(3);
    const error = await caught(t.provider.list('pause'));
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', status: undefined });
    expect(t.events.filter((event) => event.type === 'retry')).toHaveLength(2);
  });

  it('does not POST again when a create answered 504 but the object was stored (ghost write)', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/agents'), method: 'GET' }).reply(200, { ...readFixture('agents'), data: [], total: 0, from: null, to: null });
    t.pool.intercept({ path: apiPath('/campaigns'), method: 'GET' }).reply(200, readFixture('teams'));
    t.pool.intercept({ path: apiPath('/agents'), method: 'POST' }).reply(504, 'Gateway Timeout');
    const stored = (readFixture('agents').data as Record<string, unknown>[])[0];
    t.pool.intercept({ path: apiPath('/agents/email/joao%40acme.com.br'), method: 'GET' }).reply(200, stored);
    const live = await t.provider.create('agent', {
      email: 'joao@acme.com.br', name: 'João', recoveryEmail: 'joao.real@gmail.com', codename: '1042', extension: '201', teams: ['SAC', 'Financeiro'],
      loginHours: { from: '08:00', to: '18:00' }, conversationHistory: 'all', maxSimultaneousChats: 3, hideRatingStars: true, remoteAuth: true,
    });
    expect(live.id).toBe('64b000000000000000000101');
    expect(t.events).toContainEqual(expect.objectContaining({ type: 'reconciled', kind: 'agent', name: 'joao@acme.com.br' }));
    // Every interceptor was used once: a second POST would have found none and failed.
    t.agent.assertNoPendingInterceptors();
  });

  it('after a reset, looks the object up over the settle window and adopts it when it commits late, without a second POST', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage).times(4);
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'POST' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, { ...emptyPage, total: 1, data: [{ _id: '64b0000000000000000002ff', name: 'Novo' }] });
    const live = await t.provider.create('tabulation', { name: 'Novo' });
    expect(live.id).toBe('64b0000000000000000002ff');
    // The initial list, then look-ups at 0, 250, 750 and 1750 ms: the fourth finds it.
    expect(t.clock.sleeps).toEqual([250, 500, 1000]);
    expect(t.events).toContainEqual(expect.objectContaining({ type: 'reconciled', kind: 'tabulation', name: 'Novo' }));
    // A second POST would have found no interceptor and failed.
    t.agent.assertNoPendingInterceptors();
  });

  it('after a 504 whose object never shows within the settle window, reports the outcome unknown and never POSTs again', async () => {
    const t = openTenant({ settleWindowMs: 5_000 });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, emptyPage).persist();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'POST' }).reply(504, 'Gateway Timeout');
    const error = await caught(t.provider.create('tabulation', { name: 'Novo' }));
    expect(error).toMatchObject({ code: 'PROVIDER_OUTCOME_UNKNOWN', status: 504, method: 'POST' });
    expect(error.message).toContain('not sent again');
    expect(error.hint).toContain('conecta plan');
    // Look-ups at 0, 0.25, 0.75, 1.75, 3.75 and 5 s: the window is spent, and only then does it give up.
    expect(t.clock.sleeps).toEqual([250, 500, 1000, 2000, 1250]);
    expect(t.events.filter((event) => event.type === 'request' && event.method === 'POST')).toHaveLength(1);
  });

  it('refreshes the token once on 401 and replays the request', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(401, { error: 'Unauthorized' });
    t.pool.intercept({ path: apiPath('/auth/refresh'), method: 'GET' }).reply(200, { token: 'tok-refreshed-999' });
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET', headers: { authorization: 'Bearer tok-refreshed-999' } }).reply(200, readFixture('tabulations'));
    expect(await t.provider.list('tabulation')).toHaveLength(1);
  });

  it('logs in with e-mail and password, and logs in again when the token is refused', async () => {
    tenant = createMockTenant({ credentials: { email: 'ana@acme.com.br', password: 'pw-secret-1' } });
    const t = tenant;
    let logins = 0;
    t.pool.intercept({ path: '/api/v4/auth/login', method: 'POST' }).reply(200, (options) => {
      logins += 1;
      expect(JSON.parse(String(options.body))).toEqual({ email: 'ana@acme.com.br', password: 'pw-secret-1' });
      return { ...readFixture('login'), token: `login-token-${logins}` };
    }).persist();
    t.pool.intercept({ path: '/api/version', method: 'GET' }).reply(200, { version: '4.2' });
    t.pool.intercept({ path: '/api/v4/auth/me', method: 'GET' }).reply(200, readFixture('me'));
    t.pool.intercept({ path: apiPath('/flows'), method: 'GET' }).reply(200, { data: [], current_page: 1, last_page: 1 });
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET' }).reply(401, { error: 'Unauthorized' });
    t.pool.intercept({ path: apiPath('/auth/refresh'), method: 'GET' }).reply(401, { error: 'Unauthorized' });
    t.pool.intercept({ path: apiPath('/pauses'), method: 'GET', headers: { authorization: 'Bearer login-token-2' } }).reply(200, readFixture('pauses'));
    expect(await t.provider.list('pause')).toHaveLength(1);
    expect(logins).toBe(2);
  });

  it('gives up after one refresh when the refreshed token is refused too', async () => {
    const t = openTenant();
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(401, { error: 'Unauthorized' }).times(2);
    t.pool.intercept({ path: apiPath('/auth/refresh'), method: 'GET' }).reply(200, { token: 'tok-refreshed-999' });
    await expect(t.provider.list('tabulation')).rejects.toMatchObject({ code: 'PROVIDER_AUTH', status: 401 });
  });

  it('asks for 1000 per page and follows the per_page and last_page of a server that clamps it', async () => {
    const t = openTenant();
    const requested: string[] = [];
    t.pool.intercept({ path: apiPath('/tabulations'), method: 'GET' }).reply(200, (options) => {
      const query = new URLSearchParams(String(options.path).split('?')[1]);
      requested.push(`${query.get('page')}/${query.get('limit')}/${query.get('paginate')}`);
      const page = Number(query.get('page'));
      const data = Array.from({ length: page < 3 ? 100 : 50 }, (_, index) => ({ _id: `id-${page}-${index}`, name: `T${page}-${index}` }));
      return { current_page: page, data, last_page: 3, per_page: 100, total: 250 };
    }).persist();
    expect(await t.provider.list('tabulation')).toHaveLength(250);
    expect(requested.sort()).toEqual(['1/1000/1', '2/1000/1', '3/1000/1']);
  });
});
