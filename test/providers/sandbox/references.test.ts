import { expect, test } from 'vitest';
import { call, create, start } from './support.js';

test('starts every store with the built-in master group Administrador', async () => {
  const sandbox = await start();
  const groups = (await call(sandbox, 'GET', '/userGroup')).body.data;
  expect(groups).toEqual([expect.objectContaining({ name: 'Administrador', master: true })]);
});

test('refuses with 403 to delete the built-in group Administrador', async () => {
  const sandbox = await start();
  const id = sandbox.store.list('userGroup')[0]?.['_id'];
  const reply = await call(sandbox, 'DELETE', `/userGroup/${String(id)}`);
  expect(reply).toMatchObject({ status: 403, body: { success: false } });
  expect(sandbox.store.list('userGroup')).toHaveLength(1);
});

test('refuses with 403 to rename the built-in group Administrador', async () => {
  const sandbox = await start();
  const id = sandbox.store.list('userGroup')[0]?.['_id'];
  const reply = await call(sandbox, 'PUT', `/userGroup/${String(id)}`, { name: 'Admins', master: true });
  expect(reply.status).toBe(403);
});

test('refuses with 409 to delete a team that an agent still uses', async () => {
  const sandbox = await start();
  const team = await create(sandbox, '/campaigns', { name: 'SAC' });
  await create(sandbox, '/agents', { name: 'Maria', email: 'maria@acme.com', campaigns: [team._id] });
  const reply = await call(sandbox, 'DELETE', `/campaigns/${team._id}`);
  expect(reply.status).toBe(409);
  expect(reply.body).toEqual({ success: false, message: "team 'SAC' is referenced by agent 'maria@acme.com' (campaigns.0)" });
  expect(sandbox.store.list('team')).toHaveLength(1);
});

test('refuses with 409 to delete a team that another team overflows or redirects to', async () => {
  const sandbox = await start();
  const target = await create(sandbox, '/campaigns', { name: 'Backup' });
  await create(sandbox, '/campaigns', { name: 'SAC', transhipment: target._id, timer_wait: { enabled: true, limit: 5, type: 'minutes', redirect: target._id } });
  const reply = await call(sandbox, 'DELETE', `/campaigns/${target._id}`);
  expect(reply.status).toBe(409);
  expect(reply.body.message).toContain("team 'SAC' (transhipment, timer_wait.redirect)");
});

test('refuses with 409 to delete a tabulation a team uses', async () => {
  const sandbox = await start();
  const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
  await create(sandbox, '/campaigns', { name: 'SAC', tabulations: [tab._id] });
  expect((await call(sandbox, 'DELETE', `/tabulations/${tab._id}`)).status).toBe(409);
});

test('refuses with 409 to delete a user group an administrator belongs to', async () => {
  const sandbox = await start();
  const group = await create(sandbox, '/userGroup', { name: 'Supervisores', permissions: [] });
  await create(sandbox, '/admins', { name: 'Ana', email: 'ana@acme.com', groupId: group._id });
  const reply = await call(sandbox, 'DELETE', `/userGroup/${group._id}`);
  expect(reply).toMatchObject({ status: 409, body: { success: false, message: expect.stringContaining('is referenced by admin') } });
});

test('refuses with 409 to delete a time group a flow block refers to by time_group_id', async () => {
  const sandbox = await start();
  const hours = await create(sandbox, '/timeGroup', { name: 'Comercial', group: [] });
  await create(sandbox, '/flows', { name: 'Entrada', start: 'a', blocks: { a: { type: 'time', params: { time_group_id: hours._id } } } });
  const reply = await call(sandbox, 'DELETE', `/timeGroup/${hours._id}`);
  expect(reply.status).toBe(409);
  expect(reply.body.message).toContain('blocks.a.params.time_group_id');
});

test('refuses with 409 to delete a flow a team ends with', async () => {
  const sandbox = await start();
  const flow = await create(sandbox, '/flows', { name: 'Pesquisa', blocks: {} });
  await create(sandbox, '/campaigns', { name: 'SAC', ending_flow: { enabled: true, flow_id: flow._id } });
  expect((await call(sandbox, 'DELETE', `/flows/${flow._id}`)).status).toBe(409);
});

test('lets a team refer to itself and still be deleted', async () => {
  const sandbox = await start();
  const team = await create(sandbox, '/campaigns', { name: 'SAC' });
  expect((await call(sandbox, 'PUT', `/campaigns/${team._id}`, { name: 'SAC', transhipment: team._id })).status).toBe(200);
  expect((await call(sandbox, 'DELETE', `/campaigns/${team._id}`)).status).toBe(200);
});

test('deletes several agents in one call', async () => {
  const sandbox = await start();
  const a = await create(sandbox, '/agents', { name: 'A', email: 'a@acme.com' });
  const b = await create(sandbox, '/agents', { name: 'B', email: 'b@acme.com' });
  const c = await create(sandbox, '/agents', { name: 'C', email: 'c@acme.com' });
  expect((await call(sandbox, 'DELETE', `/agents/${a._id},${b._id}`)).status).toBe(200);
  expect(sandbox.store.list('agent').map((r) => r['_id'])).toEqual([c._id]);
});

test('deletes no agent when one id of a bulk delete is unknown', async () => {
  const sandbox = await start();
  const a = await create(sandbox, '/agents', { name: 'A', email: 'a@acme.com' });
  expect((await call(sandbox, 'DELETE', `/agents/${a._id},0123456789abcdef01234567`)).status).toBe(404);
  expect(sandbox.store.list('agent')).toHaveLength(1);
});

test('derives a team\'s agents from the agents\' campaigns and ignores agents sent to the team', async () => {
  const sandbox = await start();
  const sac = await create(sandbox, '/campaigns', { name: 'SAC' });
  const vendas = await create(sandbox, '/campaigns', { name: 'Vendas' });
  const maria = await create(sandbox, '/agents', { name: 'Maria', email: 'maria@acme.com', campaigns: [sac._id, vendas._id] });
  const joao = await create(sandbox, '/agents', { name: 'João', email: 'joao@acme.com', campaigns: [sac._id] });
  await call(sandbox, 'PUT', `/campaigns/${vendas._id}`, { name: 'Vendas', agents: [joao._id] });
  const teams = (await call(sandbox, 'GET', '/campaigns')).body.data;
  expect(teams.map((t: { name: string; agents: string[] }) => [t.name, t.agents])).toEqual([
    ['SAC', [maria._id, joao._id]],
    ['Vendas', [maria._id]],
  ]);
});

test('answers 404 on /flows like an unknown route when flows are disabled', async () => {
  const sandbox = await start({ flowsEnabled: false });
  expect((await call(sandbox, 'GET', '/flows')).status).toBe(404);
  expect((await call(sandbox, 'POST', '/flows', { name: 'x' })).status).toBe(404);
  const team = await call(sandbox, 'POST', '/campaigns', { name: 'SAC', ending_flow: { enabled: true, flow_id: '0123456789abcdef01234567' } });
  expect(team.status).toBe(200);
});
