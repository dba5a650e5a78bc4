import { expect, test } from 'vitest';
import { call, create, start } from './support.js';

test('answers 401 {"error":"Unauthorized"} without a token', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'GET', '/campaigns', undefined, { token: null });
  expect(reply).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
});

test('answers 401 for a token it never issued', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/tabulations', { name: 'x' }, { token: 'forged' });
  expect(reply.status).toBe(401);
  expect(sandbox.store.list('tabulation')).toHaveLength(0);
});

test('answers 404 {success:false, message} for an unknown id', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'PUT', '/campaigns/0123456789abcdef01234567', { name: 'x' });
  expect(reply).toEqual(expect.objectContaining({ status: 404, body: { success: false, message: 'Team 0123456789abcdef01234567 not found' } }));
});

test('answers 404 for an unknown route', async () => {
  const sandbox = await start();
  expect((await call(sandbox, 'GET', '/nothing-here')).status).toBe(404);
});

test('answers 422 {status:false, errors} listing every invalid field', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/timeGroup', { group: [{ initialWeek: 'monday', initialTime: 8 }] });
  expect(reply.status).toBe(422);
  expect(reply.body).toEqual({
    status: false,
    errors: {
      name: ['The name field is required.'],
      'group.0.initialWeek': ['The group.0.initialWeek must be an integer.'],
      'group.0.initialTime': ['The group.0.initialTime must be a string.'],
    },
  });
});

test('answers 422 when a write refers to a record that does not exist', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/agents', { name: 'A', email: 'a@acme.com', campaigns: ['0123456789abcdef01234567'] });
  expect(reply).toMatchObject({ status: 422, body: { status: false, errors: { 'campaigns.0': ['The selected campaigns.0 is invalid.'] } } });
});

test('answers 409 {"status":"fail","response":"existing name"} for a duplicate team name', async () => {
  const sandbox = await start();
  await create(sandbox, '/campaigns', { name: 'SAC' });
  const reply = await call(sandbox, 'POST', '/campaigns', { name: 'SAC' });
  expect(reply).toMatchObject({ status: 409, body: { status: 'fail', response: 'existing name' } });
  expect(sandbox.store.list('team')).toHaveLength(1);
});

test('rejects a word already in the same list regardless of case, but not in the other list', async () => {
  const sandbox = await start();
  await create(sandbox, '/wordFilter/contacts', { word: 'Obrigado' });
  expect((await call(sandbox, 'POST', '/wordFilter/contacts', { word: 'OBRIGADO' })).status).toBe(409);
  expect((await call(sandbox, 'POST', '/wordFilter/agents', { word: 'obrigado' })).status).toBe(200);
});

test('rejects an agent e-mail that an administrator already uses', async () => {
  const sandbox = await start();
  const group = sandbox.store.list('userGroup')[0]?.['_id'];
  await create(sandbox, '/admins', { name: 'Ana', email: 'ana@acme.com', groupId: group });
  const reply = await call(sandbox, 'POST', '/agents', { name: 'Ana', email: 'ANA@acme.com' });
  expect(reply).toMatchObject({ status: 409, body: { status: 'fail', response: 'existing name' } });
});

test('allows an update that keeps the record its own name', async () => {
  const sandbox = await start();
  const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
  expect((await call(sandbox, 'PUT', `/tabulations/${tab._id}`, { name: 'Venda' })).status).toBe(200);
});

test('answers 400 for a malformed JSON body', async () => {
  const sandbox = await start();
  const response = await fetch(`${sandbox.url}/api/v4/tabulations`, {
    method: 'POST', body: '{"name":', headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
  });
  expect(response.status).toBe(400);
});

test('answers 400 when the body is JSON but not an object', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/tabulations', [{ name: 'x' }]);
  expect(reply).toMatchObject({ status: 400, body: { success: false } });
});

test('rejects a fractional number where an integer is expected', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/pauses', { name: 'Almoço', maxTime: 1.5 });
  expect(reply).toMatchObject({ status: 422, body: { errors: { maxTime: ['The maxTime must be an integer.'] } } });
});

test('rejects a flow block named __proto__ instead of reaching the prototype', async () => {
  const sandbox = await start();
  const reply = await call(sandbox, 'POST', '/flows', JSON.parse('{"name":"x","blocks":{"__proto__":{"team_id":"y"}}}'));
  expect(reply).toMatchObject({ status: 422, body: { errors: { 'blocks.__proto__': ['The blocks.__proto__ key is not allowed.'] } } });
});

test('frees a name when its record is renamed or deleted, and takes the new name', async () => {
  const sandbox = await start();
  const first = await create(sandbox, '/tabulations', { name: 'Venda' });
  expect((await call(sandbox, 'PUT', `/tabulations/${first._id}`, { name: 'Venda antiga' })).status).toBe(200);
  const second = await create(sandbox, '/tabulations', { name: 'Venda' });
  expect((await call(sandbox, 'POST', '/tabulations', { name: 'Venda antiga' })).status).toBe(409);
  expect((await call(sandbox, 'DELETE', `/tabulations/${second._id}`)).status).toBe(200);
  expect((await call(sandbox, 'POST', '/tabulations', { name: 'Venda' })).status).toBe(200);
});

test('lists a team with the agents in it as they are now (membership follows every agent write)', async () => {
  const sandbox = await start();
  const team = await create(sandbox, '/campaigns', { name: 'SAC' });
  const members = async () => (await call(sandbox, 'GET', '/campaigns')).body.data[0].agents;
  expect(await members()).toEqual([]);
  const agent = await create(sandbox, '/agents', { name: 'A', email: 'a@acme.com', campaigns: [team._id] });
  expect(await members()).toEqual([agent._id]);
  expect((await call(sandbox, 'PUT', `/agents/${agent._id}`, { name: 'A', email: 'a@acme.com', campaigns: [] })).status).toBe(200);
  expect(await members()).toEqual([]);
});
