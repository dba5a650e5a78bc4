import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { startSandbox } from '../../../providers/sandbox/index.js';
import { loadJournaledStore } from '../../../providers/sandbox/journal.js';
import { createManualClock } from '../../support/manual-clock.js';
import { call, create, start, tempDir } from './support.js';

test('delays API requests by latencyMs but not admin endpoints', async () => {
  const sandbox = await start({ latencyMs: 150 });
  let began = performance.now();
  await call(sandbox, 'GET', '/tabulations');
  expect(performance.now() - began).toBeGreaterThanOrEqual(140);
  began = performance.now();
  await call(sandbox, 'GET', '/__sandbox/audit');
  expect(performance.now() - began).toBeLessThan(100);
});

test('fails the same requests for the same seed and stores nothing for them', async () => {
  const statuses = async (): Promise<number[]> => {
    const sandbox = await start({ failRate: 0.5, seed: 7 });
    const out: number[] = [];
    for (let i = 0; i < 20; i += 1) out.push((await call(sandbox, 'POST', '/tabulations', { name: `t${i}` })).status);
    expect(sandbox.store.list('tabulation')).toHaveLength(out.filter((s) => s === 200).length);
    return out;
  };
  const first = await statuses();
  expect(first).toContain(200);
  expect(first.some((s) => [502, 503, 504].includes(s))).toBe(true);
  expect(await statuses()).toEqual(first);
});

test('stores and saves a ghost write, then answers 504', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const sandbox = await start({ dataFile, ghostWriteRate: 1 });
  const reply = await call(sandbox, 'POST', '/tabulations', { name: 'Venda' });
  expect(reply.status).toBe(504);
  expect(sandbox.store.list('tabulation').map((r) => r['name'])).toEqual(['Venda']);
  expect((await loadJournaledStore(dataFile)).data?.records.tabulation).toHaveLength(1);
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(200);
});

test('resets the connection without an answer and stores nothing', async () => {
  const sandbox = await start({ resetRate: 1 });
  await expect(call(sandbox, 'POST', '/tabulations', { name: 'Venda' })).rejects.toThrow();
  expect(sandbox.store.list('tabulation')).toHaveLength(0);
  expect(sandbox.audit().faults.reset).toBe(1);
});

test('leaves a hung request open until close() ends it', async () => {
  const sandbox = await startSandbox({ hangRate: 1 });
  const pending = call(sandbox, 'GET', '/tabulations');
  const outcome = pending.then(() => 'answered', () => 'aborted');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sandbox.audit().faults.hung).toBe(1);
  const began = performance.now();
  await sandbox.close();
  expect(await outcome).toBe('aborted');
  expect(performance.now() - began).toBeLessThan(2000);
});

test('answers 429 with an integer Retry-After when the token bucket is empty', async () => {
  const sandbox = await start({ rateLimitPerMinute: 60 });
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(200);
  const limited = await call(sandbox, 'GET', '/tabulations');
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toBe('1');
  expect(sandbox.audit()).toMatchObject({ rateLimited: 1, earlyRetries: 0, lastRetryAfter: { seconds: 1 } });
});

test('counts a retry sent before Retry-After elapsed, and not one sent after', async () => {
  const clock = createManualClock();
  const sandbox = await start({ rateLimitPerMinute: 60, now: clock.date });
  await call(sandbox, 'GET', '/tabulations');
  await call(sandbox, 'GET', '/tabulations');
  await call(sandbox, 'GET', '/tabulations');
  expect(sandbox.audit().earlyRetries).toBe(1);
  const until = sandbox.audit().lastRetryAfter?.until ?? 0;
  expect(until - clock.now()).toBe(1000);
  clock.advance(999);
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(429);
  clock.advance(1001);
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(200);
  const audit = sandbox.audit();
  expect(audit.earlyRetries).toBe(2);
  expect(audit.requestLog.at(-1)).not.toHaveProperty('early');
});

test('never faults admin endpoints nor login unless faultAuth is set', async () => {
  const sandbox = await start({ failRate: 1 });
  expect((await call(sandbox, 'GET', '/__sandbox/store')).status).toBe(200);
  const credential = { email: 'admin@sandbox.local', password: 'sandbox' };
  expect((await call(sandbox, 'POST', '/auth/login', credential, { token: null })).status).toBe(200);
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBeGreaterThanOrEqual(502);
  sandbox.setFaults({ faultAuth: true });
  expect((await call(sandbox, 'POST', '/auth/login', credential, { token: null })).status).toBeGreaterThanOrEqual(502);
});

test('changes faults at run time through PUT /__sandbox/faults', async () => {
  const sandbox = await start();
  const set = await call(sandbox, 'PUT', '/__sandbox/faults', { failRate: 1, failStatuses: [503] });
  expect(set.body).toMatchObject({ failRate: 1, failStatuses: [503] });
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(503);
  await call(sandbox, 'PUT', '/__sandbox/faults', { failRate: 0 });
  expect((await call(sandbox, 'GET', '/tabulations')).status).toBe(200);
  expect((await call(sandbox, 'PUT', '/__sandbox/faults', { failRate: 2 })).status).toBe(422);
});

test('answers a late-commit write 504 at once and applies it lateCommitMs later', async () => {
  const sandbox = await start({ lateCommitRate: 1, lateCommitMs: 300 });
  const began = performance.now();
  const reply = await call(sandbox, 'POST', '/tabulations', { name: 'Tarde' });
  expect(reply.status).toBe(504);
  expect(performance.now() - began).toBeLessThan(250);
  expect(sandbox.store.list('tabulation')).toEqual([]);
  expect(sandbox.audit().faults).toMatchObject({ lateCommits: 1, lateCommitsPending: 1 });
  await new Promise((resolve) => setTimeout(resolve, 450));
  expect(sandbox.store.list('tabulation').map((r) => r['name'])).toEqual(['Tarde']);
  expect(sandbox.audit().faults).toMatchObject({ lateCommits: 1, lateCommitsPending: 0 });
  expect(sandbox.audit().writes).toBe(1);
});

test('applies pending late commits when it closes, and saves them', async () => {
  const dataFile = join(await tempDir(), 'store.json');
  const sandbox = await startSandbox({ dataFile, lateCommitRate: 1, lateCommitMs: 60_000 });
  expect((await call(sandbox, 'POST', '/tabulations', { name: 'Tarde' })).status).toBe(504);
  await sandbox.close();
  expect(JSON.parse(await readFile(dataFile, 'utf8')).records.tabulation.map((r: { name: string }) => r.name)).toEqual(['Tarde']);
});

test('draws late commits from the ghost-write draw, so other faults keep their sequence', async () => {
  const statuses = async (lateCommitRate: number): Promise<number[]> => {
    const sandbox = await start({ failRate: 0.3, seed: 9, lateCommitRate, lateCommitMs: 10 });
    const out: number[] = [];
    for (let i = 0; i < 30; i += 1) out.push((await call(sandbox, 'POST', '/tabulations', { name: `t${i}` })).status);
    return out;
  };
  const without = await statuses(0);
  const withLate = await statuses(0.3);
  expect(withLate.filter((status, index) => status !== without[index]).every((status) => status === 504)).toBe(true);
  expect(withLate.filter((status) => status === 504).length).toBeGreaterThan(without.filter((status) => status === 504).length);
});

/** A list page read raw: status, content type and body text (a broken page is not JSON). */
async function readRaw(url: string, token: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

test('answers list pages 200 but truncated or garbled at brokenPageRate, and never other answers', async () => {
  const sandbox = await start({ brokenPageRate: 1, seed: 3 });
  const pages = await Promise.all(Array.from({ length: 8 }, () => readRaw(`${sandbox.url}/api/v4/tabulations?page=1`, sandbox.token)));
  for (const page of pages) {
    expect(page.status).toBe(200);
    expect(() => JSON.parse(page.text)).toThrow();
  }
  expect(pages.some((page) => page.type === 'text/html')).toBe(true);
  expect(pages.some((page) => page.type === 'application/json' && page.text.startsWith('{"current_page":1'))).toBe(true);
  expect((await call(sandbox, 'GET', '/auth/me')).status).toBe(200);
  expect((await call(sandbox, 'POST', '/tabulations', { name: 'Venda' })).status).toBe(200);
  expect(sandbox.audit().faults.brokenPages).toBe(8);
});

test('draws broken pages from the write-fault draw, so failures keep their sequence for a seed', async () => {
  const statuses = async (brokenPageRate: number): Promise<number[]> => {
    const sandbox = await start({ failRate: 0.3, seed: 5, brokenPageRate });
    const out: number[] = [];
    for (let i = 0; i < 30; i += 1) out.push((await readRaw(`${sandbox.url}/api/v4/tabulations`, sandbox.token)).status);
    return out;
  };
  expect(await statuses(0.5)).toEqual(await statuses(0));
});

test('with ignorePage, answers page 1 whatever page is asked for', async () => {
  const sandbox = await start({ ignorePage: true });
  for (let i = 0; i < 20; i += 1) await create(sandbox, '/tabulations', { name: `T${i}` });
  const second = (await call(sandbox, 'GET', '/tabulations?page=2&limit=15')).body;
  expect(second).toMatchObject({ current_page: 1, last_page: 2, total: 20 });
  expect(second.data[0].name).toBe('T0');
  expect(sandbox.audit().faults.ignoredPages).toBe(1);
  expect((await call(sandbox, 'GET', '/tabulations?page=1&limit=15')).body.data).toHaveLength(15);
  expect(sandbox.audit().faults.ignoredPages).toBe(1);
});
