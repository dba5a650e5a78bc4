import { expect, test } from 'vitest';
import { call, start } from './support.js';

test('logs in with the configured credential and accepts the issued token', async () => {
  const sandbox = await start({ email: 'ops@acme.com', password: 'pw' });
  const login = await call(sandbox, 'POST', '/auth/login', { email: 'ops@acme.com', password: 'pw' }, { token: null });
  expect(login.status).toBe(200);
  expect(login.body.user).toMatchObject({ email: 'ops@acme.com', type: 'admin' });
  expect((await call(sandbox, 'GET', '/campaigns', undefined, { token: login.body.token })).status).toBe(200);
  expect((await call(sandbox, 'GET', '/auth/me', undefined, { token: login.body.token })).body.email).toBe('ops@acme.com');
});

test('refuses a wrong password with 401', async () => {
  const sandbox = await start();
  const login = await call(sandbox, 'POST', '/auth/login', { email: 'admin@sandbox.local', password: 'nope' }, { token: null });
  expect(login).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
});

test('expires issued tokens after tokenTtlMs and refreshes an expired one', async () => {
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const sandbox = await start({ tokenTtlMs: 60_000, now: () => new Date(clock) });
  const { token } = (await call(sandbox, 'POST', '/auth/login', { email: 'admin@sandbox.local', password: 'sandbox' }, { token: null })).body;
  clock += 61_000;
  expect((await call(sandbox, 'GET', '/campaigns', undefined, { token })).status).toBe(401);
  const refreshed = await call(sandbox, 'GET', '/auth/refresh', undefined, { token });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.token).not.toBe(token);
  expect((await call(sandbox, 'GET', '/campaigns', undefined, { token: refreshed.body.token })).status).toBe(200);
});

test('refuses to refresh a token it never issued', async () => {
  const sandbox = await start();
  expect((await call(sandbox, 'GET', '/auth/refresh', undefined, { token: 'forged' })).status).toBe(401);
});

test('never expires the static API token', async () => {
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const sandbox = await start({ token: 'static', tokenTtlMs: 1, now: () => new Date(clock) });
  clock += 86_400_000;
  expect((await call(sandbox, 'GET', '/campaigns', undefined, { token: 'static' })).status).toBe(200);
});
