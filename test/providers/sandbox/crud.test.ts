import { describe, expect, test } from 'vitest';
import { call, create, start } from './support.js';

interface KindCase {
  label: string;
  path: string;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
  changed: [string, unknown];
  hasGet: boolean;
  updateReply: 'record' | 'ack' | 'ack-php-date';
}

const range = {
  description: 'Seg a Sex', hour: '', initialDay: '', finalDay: '', initialWeek: 1, finalWeek: 5,
  initialMonth: 1, finalMonth: 12, initialTime: '08:00', finalTime: '18:00',
};

const cases: KindCase[] = [
  { label: 'user group', path: '/userGroup', create: { name: 'Supervisores', master: false, permissions: ['reports'] },
    update: { name: 'Supervisão', master: false, permissions: [] }, changed: ['name', 'Supervisão'], hasGet: false, updateReply: 'record' },
  { label: 'administrator', path: '/admins', create: { name: 'Ana', email: 'ana@acme.com.br', groupId: '{group}', password: 'x' },
    update: { name: 'Ana Souza' }, changed: ['name', 'Ana Souza'], hasGet: true, updateReply: 'ack-php-date' },
  { label: 'team', path: '/campaigns', create: { name: 'SAC', timer: { days: 0, hours: 1, minutes: 30 }, ruleAttendance: 'sequential', permissions: { send_emojis: true } },
    update: { name: 'SAC 2', timer: { days: 0, hours: 2, minutes: 0 } }, changed: ['name', 'SAC 2'], hasGet: false, updateReply: 'ack' },
  { label: 'agent', path: '/agents', create: { name: 'Maria', email: 'maria@acme.com.br', password: 'x', agentPermission: { handleSimultaneousAttendances: true, simultaneousAttendancesLimit: 3 } },
    update: { name: 'Maria S.', email: 'maria@acme.com.br' }, changed: ['name', 'Maria S.'], hasGet: true, updateReply: 'record' },
  { label: 'tabulation', path: '/tabulations', create: { name: 'Venda' }, update: { name: 'Venda realizada' },
    changed: ['name', 'Venda realizada'], hasGet: false, updateReply: 'record' },
  { label: 'predefined message', path: '/predefined_messages', create: { description: 'Saudação', message: [{ message: 'Olá!' }] },
    update: { description: 'Saudação', message: [{ message: 'Oi!' }] }, changed: ['message', [{ type: 'text', message: 'Oi!' }]], hasGet: true, updateReply: 'record' },
  { label: 'time group', path: '/timeGroup', create: { name: 'Comercial', group: [range] }, update: { name: 'Comercial', group: [] },
    changed: ['group', []], hasGet: false, updateReply: 'record' },
  { label: 'agent word filter', path: '/wordFilter/agents', create: { word: 'idiota' }, update: { word: 'burro' },
    changed: ['word', 'burro'], hasGet: false, updateReply: 'record' },
  { label: 'contact word filter', path: '/wordFilter/contacts', create: { word: 'obrigado' }, update: { word: 'valeu' },
    changed: ['word', 'valeu'], hasGet: false, updateReply: 'record' },
  { label: 'pause', path: '/pauses', create: { name: 'Almoço', maxTime: 3600, active: true, supervisioned: false, continue_attendance: true },
    update: { name: 'Almoço', maxTime: 1800 }, changed: ['maxTime', 1800], hasGet: false, updateReply: 'record' },
  { label: 'flow', path: '/flows', create: { name: 'Principal', start: 'b1', blocks: { b1: { type: 'message', text: 'Oi' } } },
    update: { name: 'Principal', description: 'Entrada', blocks: {} }, changed: ['description', 'Entrada'], hasGet: true, updateReply: 'record' },
];

describe('CRUD per kind', () => {
  test.each(cases)('creates, lists, updates and deletes a $label', async (kind) => {
    const sandbox = await start();
    const group = sandbox.store.list('userGroup')[0]?.['_id'];
    const fill = (body: Record<string, unknown>): Record<string, unknown> =>
      JSON.parse(JSON.stringify(body).replace('"{group}"', JSON.stringify(group)));

    const created = await create(sandbox, kind.path, fill(kind.create));
    expect(created._id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(created.created_at)).not.toBeNaN();
    expect(created.updated_at).toBe(created.created_at);

    const listed = await call(sandbox, 'GET', kind.path);
    expect(listed.body.data.map((r: { _id: string }) => r._id)).toContain(created._id);

    const updated = await call(sandbox, 'PUT', `${kind.path}/${created._id}`, fill(kind.update));
    expect(updated.status).toBe(200);
    if (kind.updateReply === 'record') expect(updated.body[kind.changed[0]]).toEqual(kind.changed[1]);
    if (kind.updateReply === 'ack') expect(updated.body).toEqual({ success: true, date: expect.any(String) });
    if (kind.updateReply === 'ack-php-date') {
      expect(updated.body).toEqual({ success: true, date: { date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/), timezone_type: 3, timezone: 'UTC' } });
    }
    const after = (await call(sandbox, 'GET', kind.path)).body.data.find((r: { _id: string }) => r._id === created._id);
    expect(after[kind.changed[0]]).toEqual(kind.changed[1]);

    const single = await call(sandbox, 'GET', `${kind.path}/${created._id}`);
    expect(single.status).toBe(kind.hasGet ? 200 : 405);
    if (kind.hasGet) expect(single.body._id).toBe(created._id);

    expect((await call(sandbox, 'DELETE', `${kind.path}/${created._id}`)).status).toBe(200);
    const gone = await call(sandbox, 'GET', kind.path);
    expect(gone.body.data.map((r: { _id: string }) => r._id)).not.toContain(created._id);
    expect((await call(sandbox, 'DELETE', `${kind.path}/${created._id}`)).status).toBe(404);
  });
});

describe('wire details', () => {
  test('never returns the password of an agent or an administrator', async () => {
    const sandbox = await start();
    const group = sandbox.store.list('userGroup')[0]?.['_id'];
    const agent = await create(sandbox, '/agents', { name: 'A', email: 'a@acme.com', password: 'secret', password_callcenter: 'pbx' });
    const admin = await create(sandbox, '/admins', { name: 'B', email: 'b@acme.com', groupId: group, password: 'secret' });
    const everything = JSON.stringify([agent, admin, (await call(sandbox, 'GET', '/agents')).body, (await call(sandbox, 'GET', `/admins/${admin._id}`)).body, sandbox.store.snapshot()]);
    expect(everything).not.toContain('secret');
    expect(everything).not.toContain('pbx');
  });

  test('merges a partial administrator update into the stored fields', async () => {
    const sandbox = await start();
    const group = sandbox.store.list('userGroup')[0]?.['_id'];
    const admin = await create(sandbox, '/admins', { name: 'B', email: 'b@acme.com', groupId: group, language: 'pt-BR' });
    await call(sandbox, 'PUT', `/admins/${admin._id}`, { enable_login_with_remote_auth: true });
    const stored = (await call(sandbox, 'GET', `/admins/${admin._id}`)).body;
    expect(stored).toMatchObject({ name: 'B', email: 'b@acme.com', groupId: group, language: 'pt-BR', enable_login_with_remote_auth: true, type: 'admin' });
  });

  test('replaces the whole object on PUT for teams', async () => {
    const sandbox = await start();
    const tab = await create(sandbox, '/tabulations', { name: 'Venda' });
    const team = await create(sandbox, '/campaigns', { name: 'SAC', tabulations: [tab._id], messageEnd: 'Tchau' });
    await call(sandbox, 'PUT', `/campaigns/${team._id}`, { name: 'SAC' });
    const stored = sandbox.store.get('team', team._id);
    expect(stored).not.toHaveProperty('tabulations');
    expect(stored).not.toHaveProperty('messageEnd');
  });

  test('sets type "text" on predefined message parts', async () => {
    const sandbox = await start();
    const message = await create(sandbox, '/predefined_messages', { description: 'Oi', message: [{ message: 'Olá {{nome}}' }] });
    expect(message.message).toEqual([{ type: 'text', message: 'Olá {{nome}}' }]);
  });

  test('finds an agent by e-mail regardless of case', async () => {
    const sandbox = await start();
    const agent = await create(sandbox, '/agents', { name: 'A', email: 'Maria@Acme.com' });
    const found = await call(sandbox, 'GET', '/agents/email/maria%40acme.com');
    expect(found.status).toBe(200);
    expect(found.body._id).toBe(agent._id);
    expect((await call(sandbox, 'GET', '/agents/email/nobody%40acme.com')).status).toBe(404);
  });

  test('marks word filters with the list they belong to', async () => {
    const sandbox = await start();
    expect((await create(sandbox, '/wordFilter/agents', { word: 'x' })).type).toBe('agent');
    expect((await create(sandbox, '/wordFilter/contacts', { word: 'x' })).type).toBe('contact');
  });

  test('generates the same ids from the same seed and clock', async () => {
    const now = (): Date => new Date('2025-01-02T03:04:05Z');
    const ids = async (): Promise<string[]> => {
      const sandbox = await start({ seed: 42, now });
      const a = await create(sandbox, '/tabulations', { name: 'a' });
      const b = await create(sandbox, '/tabulations', { name: 'b' });
      return [a._id, b._id];
    };
    const first = await ids();
    expect(await ids()).toEqual(first);
    expect(first[0]?.slice(0, 8)).toBe(Math.floor(now().getTime() / 1000).toString(16));
    expect(first[0]).not.toBe(first[1]);
  });

  test('answers GET /api/version without a token', async () => {
    const sandbox = await start();
    const reply = await call(sandbox, 'GET', '/api/version', undefined, { token: null });
    expect(reply).toMatchObject({ status: 200, body: { version: '4' } });
  });
});
