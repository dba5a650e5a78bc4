/**
 * Strict writes (the default): a body carrying a server-owned field or a field the kind does not
 * declare is answered 422, so a client that echoes `_id` or misspells a field fails its own tests.
 * On update, fields the stored object already has are accepted and kept, so an object carrying
 * fields the sandbox does not know (a replayed tenant's) round-trips.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { call, create, start, tempDir } from './support.js';

test('refuses a create carrying fields the kind does not have, naming each, and stores nothing', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/campaigns', { name: 'SAC', agnets: [], timer: { days: 1, secs: 2 } });
  expect(reply.status).toBe(422);
  expect(reply.body).toEqual({ status: false, errors: {
    agnets: ['The agnets field is not a field of a team.'],
    'timer.secs': ['The timer.secs field is not a field of a team.'],
  } });
  expect(sandbox.store.list('team')).toEqual([]);
});

test('refuses a write carrying _id, created_at or updated_at: the PUT of a listed object as it came', async () => {
  const sandbox = await start();
  await create(sandbox, '/tabulations', { name: 'Venda' });
  const listed = (await call(sandbox, 'GET', '/tabulations')).body.data[0];
  const reply = await call(sandbox, 'PUT', `/tabulations/${listed._id}`, { ...listed, name: 'Venda 2' });
  expect(reply.status).toBe(422);
  expect(Object.keys(reply.body.errors).sort()).toEqual(['_id', 'created_at', 'updated_at']);
  expect(reply.body.errors._id).toEqual(['The _id field is set by the server and may not be sent.']);
  expect((await call(sandbox, 'POST', '/tabulations', { _id: '64b000000000000000000001', name: 'Nova' })).status).toBe(422);
  expect((await call(sandbox, 'PUT', `/tabulations/${listed._id}`, { name: 'Venda 2' })).status).toBe(200);
});

test('refuses the kind\'s own server-owned fields: a team\'s derived agents, an agent\'s type', async () => {
  const sandbox = await start();
  expect((await call(sandbox, 'POST', '/campaigns', { name: 'SAC', agents: [] })).body.errors).toEqual({ agents: ['The agents field is set by the server and may not be sent.'] });
  expect((await call(sandbox, 'POST', '/agents', { name: 'Ana', email: 'ana@acme.com', type: 'agent' })).status).toBe(422);
});

test('accepts a partial admin update (merged with the stored admin)', async () => {
  const sandbox = await start();
  const group = sandbox.store.list('userGroup')[0]!;
  const admin = await create(sandbox, '/admins', { name: 'Ana', email: 'ana@acme.com', groupId: group['_id'] });
  expect((await call(sandbox, 'PUT', `/admins/${admin._id}`, { language: 'en' })).status).toBe(200);
  expect(sandbox.store.get('admin', admin._id)).toMatchObject({ name: 'Ana', language: 'en' });
});

test('on update, accepts and keeps the fields the stored object already has, at any depth; others are refused', async () => {
  const dataFile = join(await tempDir(), 'replayed.json');
  const team = { _id: '64b000000000000000000101', name: 'SAC', timer: { days: 1, hours: 0, minutes: 0, legacy_unit: 'd' }, vendor_flag: true, created_at: 'x', updated_at: 'x' };
  await writeFile(dataFile, JSON.stringify({ version: 1, records: { team: [team] } }));
  const sandbox = await start({ dataFile });
  const { _id: id, created_at: _created, updated_at: _updated, ...body } = team;
  const reply = await call(sandbox, 'PUT', `/campaigns/${id}`, { ...body, name: 'SAC 2', vendor_flag: false, timer: { ...team.timer, legacy_unit: 'h' } });
  expect(reply.status).toBe(200);
  expect(sandbox.store.get('team', id)).toMatchObject({ name: 'SAC 2', vendor_flag: false, timer: { days: 1, legacy_unit: 'h' } });
  const unknown = await call(sandbox, 'PUT', `/campaigns/${id}`, { ...body, other_flag: 1 });
  expect(unknown.body.errors).toEqual({ other_flag: ['The other_flag field is not a field of a team.'] });
  // A create has no stored object: the replayed object's extra fields are unknown there.
  expect((await call(sandbox, 'POST', '/campaigns', { name: 'Novo', vendor_flag: true })).status).toBe(422);
});

test('with strict writes off, keeps on update the fields the stored object has, and drops the others', async () => {
  const dataFile = join(await tempDir(), 'replayed.json');
  await writeFile(dataFile, JSON.stringify({ version: 1, records: { tabulation: [{ _id: '64b000000000000000000201', name: 'Venda', color: 'red' }] } }));
  const sandbox = await start({ dataFile, strictWrites: false });
  expect((await call(sandbox, 'PUT', '/tabulations/64b000000000000000000201', { name: 'Venda', color: 'blue', shade: 1 })).status).toBe(200);
  expect(sandbox.store.get('tabulation', '64b000000000000000000201')).toMatchObject({ color: 'blue' });
  expect(sandbox.store.get('tabulation', '64b000000000000000000201')).not.toHaveProperty('shade');
  expect(sandbox.audit().ignoredFields).toEqual({ tabulation: ['shade'] });
});
