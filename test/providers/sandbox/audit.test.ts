import { expect, test } from 'vitest';
import { call, create, start } from './support.js';

test('counts requests by route, with ids replaced, and by status', async () => {
  const sandbox = await start();
  const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
  await call(sandbox, 'PUT', `/tabulations/${tab._id}`, { name: 'Venda 2' });
  await call(sandbox, 'DELETE', `/tabulations/${tab._id}`);
  await call(sandbox, 'DELETE', `/tabulations/${tab._id}`);
  await call(sandbox, 'GET', '/agents/email/x%40y.com');
  const audit = (await call(sandbox, 'GET', '/__sandbox/audit')).body;
  expect(audit).toMatchObject({
    requests: 5,
    byRoute: { 'POST /tabulations': 1, 'PUT /tabulations/{id}': 1, 'DELETE /tabulations/{id}': 2, 'GET /agents/email/{email}': 1 },
    byStatus: { 200: 3, 404: 2 },
    writes: 3,
  });
  expect(audit.requestLog.map((e: { method: string; status: number }) => [e.method, e.status])).toEqual([
    ['POST', 200], ['PUT', 200], ['DELETE', 200], ['DELETE', 404], ['GET', 404],
  ]);
});

test('reports natural keys stored twice when uniqueness is not enforced', async () => {
  const sandbox = await start({ enforceUniqueKeys: false });
  await create(sandbox, '/campaigns', { name: 'SAC' });
  await create(sandbox, '/campaigns', { name: 'SAC' });
  await create(sandbox, '/agents', { name: 'A', email: 'a@acme.com' });
  expect(sandbox.audit().duplicates).toEqual({ team: ['SAC'] });
});

test('with strict writes off, drops fields a client sent that the kind does not have and reports them', async () => {
  const sandbox = await start({ strictWrites: false });
  await create(sandbox, '/campaigns', { name: 'SAC', agnets: [], timer: { days: 1, secs: 2 } });
  expect(sandbox.audit().ignoredFields).toEqual({ team: ['timer.secs', 'agnets'] });
});

test('starts counting afresh after an audit reset', async () => {
  const sandbox = await start();
  await call(sandbox, 'GET', '/tabulations');
  expect((await call(sandbox, 'POST', '/__sandbox/audit/reset')).status).toBe(200);
  expect(sandbox.audit()).toMatchObject({ requests: 0, byRoute: {}, requestLog: [] });
});

test('keeps only the newest entries in the request log', async () => {
  const sandbox = await start({ requestLogSize: 3 });
  for (let i = 0; i < 5; i += 1) await call(sandbox, 'GET', `/tabulations?page=${i}`);
  const audit = sandbox.audit();
  expect(audit.requests).toBe(5);
  expect(audit.requestLog).toHaveLength(3);
});

test('empties the store but keeps the built-in group on POST /__sandbox/reset', async () => {
  const sandbox = await start();
  await create(sandbox, '/tabulations', { name: 'Venda' });
  await call(sandbox, 'POST', '/__sandbox/reset');
  const dump = (await call(sandbox, 'GET', '/__sandbox/store')).body;
  expect(dump.records.tabulation).toEqual([]);
  expect(dump.records.userGroup.map((g: { name: string }) => g.name)).toEqual(['Administrador']);
});

test('with strict writes off, drops server-managed fields a client sends back without reporting them', async () => {
  const sandbox = await start({ strictWrites: false });
  await create(sandbox, '/campaigns', { name: 'SAC' });
  const team = (await call(sandbox, 'GET', '/campaigns')).body.data[0];
  expect((await call(sandbox, 'PUT', `/campaigns/${team._id}`, team)).status).toBe(200);
  expect(sandbox.audit().ignoredFields).toEqual({});
});
