import { afterEach, describe, expect, it } from 'vitest';
import { allKinds } from '../../../cli/core/kinds/registry.js';
import { applyDefaults } from '../../../cli/core/kinds/schema-walk.js';
import { kindMappers } from '../../../providers/conecta/mappers/index.js';
import { COMMON_READ_ONLY } from '../../../providers/conecta/mappers/types.js';
import { apiPath, createMockTenant, interceptHandshake, interceptLists, type MockTenant } from './mock-support.js';

let tenant: MockTenant | undefined;
afterEach(async () => {
  await tenant?.provider.close();
  await tenant?.agent.close();
  tenant = undefined;
});

function openTenant(): MockTenant {
  tenant = createMockTenant();
  interceptHandshake(tenant.pool);
  interceptLists(tenant.pool);
  return tenant;
}

/** Captures the JSON body of the next request to `path`, answering `reply`. */
function captureBody(t: MockTenant, method: string, path: string, reply: object): { body?: Record<string, unknown> } {
  const captured: { body?: Record<string, unknown> } = {};
  t.pool.intercept({ path: apiPath(path), method }).reply(200, (options) => {
    captured.body = JSON.parse(String(options.body)) as Record<string, unknown>;
    return reply;
  });
  return captured;
}

describe('mapping szchat-go payloads to the model', () => {
  it('reads a team with its ids resolved to names and its quirks translated', async () => {
    const t = openTenant();
    const sac = (await t.provider.list('team')).find((team) => team.name === 'SAC');
    expect(sac?.spec).toEqual({
      name: 'SAC', sessionTimeout: '1h30m', distributionRule: 'sequential', agentOrder: ['joao@acme.com.br'],
      closingMessage: 'Obrigado pelo contato!', noAgentMessage: 'No momento não há atendentes.', conversationHistory: 'teamSessions',
      overflowTeam: 'Financeiro', waitTimeout: { after: '10m', redirectTo: 'Financeiro' }, transferTeams: ['Financeiro'],
      contactActiveByGroup: ['Clientes VIP'],
      tabulations: ['Resolvido'], predefinedMessages: ['Saudação'],
      permissions: {
        editContact: true, finishAttendance: true, showNumber: true, offlineAttendance: false, agentChat: true, teamChat: true,
        sendEmojis: true, showMessagePreview: true, autoAttendance: false, hideContactOnHold: false, hideContactOnAgentScreen: false, voiceRecording: true,
      },
    });
  });

  it('reports a distribution rule it does not know instead of guessing', async () => {
    const t = openTenant();
    const financeiro = (await t.provider.list('team')).find((team) => team.name === 'Financeiro');
    expect(financeiro?.spec.distributionRule).toBeUndefined();
    expect(t.provider.notices()).toContainEqual({ kind: 'team', name: 'Financeiro', field: 'distributionRule', message: expect.stringContaining('round_robin_legacy') });
  });

  it('reads an agent with teams by name, login hours, limits and recovery e-mail', async () => {
    const t = openTenant();
    const [agent] = await t.provider.list('agent');
    expect(agent).toMatchObject({ kind: 'agent', name: 'joao@acme.com.br', key: 'joao@acme.com.br', id: '64b000000000000000000101' });
    expect(agent?.spec).toEqual({
      email: 'joao@acme.com.br', name: 'João', recoveryEmail: 'joao.real@gmail.com', codename: '1042', extension: '201',
      teams: ['SAC', 'Financeiro'], loginHours: { from: '08:00', to: '18:00' }, conversationHistory: 'all',
      maxSimultaneousChats: 3, hideRatingStars: true, remoteAuth: true,
    });
  });

  it('reads an administrator whose recovery e-mail is the login as having none', async () => {
    const t = openTenant();
    const [admin] = await t.provider.list('administrator');
    expect(admin?.spec).toEqual({ email: 'ana@acme.com.br', name: 'Ana', userGroup: 'Supervisores', disabled: false, remoteAuth: false, language: 'pt-BR' });
  });

  it('reads user groups, keeping unknown permission keys out of the model and reporting them', async () => {
    const t = openTenant();
    const groups = await t.provider.list('user-group');
    expect(groups.find((group) => group.name === 'Supervisores')?.spec).toEqual({
      name: 'Supervisores', fullPermission: false, viewByTeams: true, visibleTeams: ['SAC'], permissions: ['registration.agents'],
    });
    expect(t.provider.notices().map((notice) => notice.field)).toContain('permissions');
  });

  it('reads time-group ranges as intervals, holidays and exceptions, reporting the range it cannot place', async () => {
    const t = openTenant();
    const [group] = await t.provider.list('schedule-group');
    expect(group?.spec).toEqual({
      name: 'Comercial',
      intervals: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }],
      holidays: [{ date: '12-25', name: 'Natal' }],
      exceptions: [{ date: '12-24', name: 'Véspera', from: '08:00', to: '12:00' }],
    });
    expect(t.provider.notices()).toContainEqual(expect.objectContaining({ kind: 'schedule-group', field: 'intervals', message: expect.stringContaining('Carnaval') }));
  });

  it('reads pauses, predefined messages, tabulations and both word-filter lists', async () => {
    const t = openTenant();
    expect((await t.provider.list('pause'))[0]?.spec).toEqual({
      name: 'Almoço', description: 'Pausa para almoço', maxDuration: '1h', productive: false, cumulative: true, supervised: true,
      continueAttendances: false, active: true, message: 'Bom almoço',
    });
    expect((await t.provider.list('predefined-message'))[0]?.spec).toEqual({ name: 'Saudação', text: 'Olá! Em que posso ajudar?' });
    expect((await t.provider.list('tabulation'))[0]?.spec).toEqual({ name: 'Resolvido' });
    const words = await t.provider.list('word-filter');
    expect(words.map(({ name, key, spec }) => ({ name, key, spec }))).toEqual([
      { name: 'agentBlocked/Palavrão', key: 'agentblocked/palavrão', spec: { list: 'agentBlocked', word: 'Palavrão' } },
      { name: 'noFlowStart/obrigado', key: 'noflowstart/obrigado', spec: { list: 'noFlowStart', word: 'obrigado' } },
    ]);
  });

  it('lists flows as unsupported when GET /flows answers 404', async () => {
    const t = openTenant();
    const description = await t.provider.describe();
    expect(description).toMatchObject({ apiVersion: '4', account: { email: 'ana@acme.com.br', role: 'admin' }, unsupported: [{ kind: 'flow' }] });
    expect(await t.provider.list('flow')).toEqual([]);
  });
});

describe('mapping the model to szchat-go request bodies', () => {
  it('writes a team with wire names and ids, and never its agents', async () => {
    const t = openTenant();
    const captured = captureBody(t, 'POST', '/campaigns', { _id: '64b0000000000000000000ff', name: 'Vendas' });
    await t.provider.create('team', applyDefaults('team', {
      name: 'Vendas', sessionTimeout: '1d2h5m', distributionRule: 'sequential', agentOrder: ['joao@acme.com.br'],
      overflowTeam: 'SAC', waitTimeout: { after: '90s', redirectTo: 'Financeiro' }, tabulations: ['Resolvido'], predefinedMessages: ['Saudação'],
    }));
    expect(captured.body).toMatchObject({
      name: 'Vendas', timer: { days: 1, hours: 2, minutes: 5 }, ruleAttendance: 'sequential',
      sequence: [{ id: '64b000000000000000000101', name: 'João' }], messageEnd: '', messageAgent: '', history: 'none',
      transhipment: '64b000000000000000000001', transhipmentName: 'SAC',
      timer_wait: { enabled: true, limit: 90, type: 'seconds', redirect: '64b000000000000000000002' },
      restricted_team_for_transfer: { enabled: false, teams: [] }, tabulations: ['64b000000000000000000201'],
      predefined: ['64b000000000000000000301'], ending_flow: { enabled: false },
      permissions: { contact_edit: true, offline_attendance: false, campaigns_chat: true, voice_record_enabled: true },
    });
    expect(captured.body).not.toHaveProperty('agents');
  });

  it('keeps unmanaged team fields on update and leaves out agents', async () => {
    const t = openTenant();
    const captured = captureBody(t, 'PUT', '/campaigns/64b000000000000000000001', { success: true, date: '2024-03-01 10:00:00' });
    const live = await t.provider.update('team', '64b000000000000000000001', applyDefaults('team', { name: 'SAC', closingMessage: 'Tchau' }));
    expect(captured.body).toMatchObject({ tags: ['vip'], can_be_disabled: true, messageEnd: 'Tchau', permissions: { optin_gupshup: true } });
    expect(captured.body).not.toHaveProperty('agents');
    expect(captured.body).not.toHaveProperty('_id');
    expect(live.spec.closingMessage).toBe('Tchau');
  });

  it('writes an agent with campaigns, begin/end, agentPermission and the initial password on create only', async () => {
    const t = openTenant();
    const captured = captureBody(t, 'POST', '/agents', { _id: '64b0000000000000000001ff', name: 'Maria', email: 'maria@acme.com.br' });
    const live = await t.provider.create('agent', applyDefaults('agent', {
      email: 'maria@acme.com.br', name: 'Maria', teams: ['SAC'], loginHours: { from: '07:00', to: '13:00' }, maxSimultaneousChats: 2, initialPassword: 'Init-Pass-1',
    }));
    expect(captured.body).toEqual({
      name: 'Maria', email: 'maria@acme.com.br', email_forgot_password: 'maria@acme.com.br', codename: '', ramal: '',
      campaigns: ['64b000000000000000000001'], begin: '07:00', end: '13:00', history: '',
      agentPermission: { handleSimultaneousAttendances: true, simultaneousAttendancesLimit: 2, hideReviewStars: false },
      enable_login_with_remote_auth: false, password: 'Init-Pass-1',
    });
    expect(JSON.stringify(live)).not.toContain('Init-Pass-1');
    const update = captureBody(t, 'PUT', '/agents/64b0000000000000000001ff', { _id: '64b0000000000000000001ff', name: 'Maria', email: 'maria@acme.com.br' });
    await t.provider.update('agent', live.id, applyDefaults('agent', { email: 'maria@acme.com.br', name: 'Maria', initialPassword: 'Init-Pass-1' }));
    expect(update.body).not.toHaveProperty('password');
  });

  it('writes an administrator as a partial update with groupId', async () => {
    const t = openTenant();
    const captured = captureBody(t, 'PUT', '/admins/64b000000000000000000501', { success: true, date: { date: '2024-03-01 10:00:00.000000', timezone_type: 3, timezone: 'UTC' } });
    await t.provider.update('administrator', '64b000000000000000000501', applyDefaults('administrator', { email: 'ana@acme.com.br', name: 'Ana', userGroup: 'Administrador', disabled: true }));
    expect(captured.body).toEqual({
      name: 'Ana', email: 'ana@acme.com.br', email_forgot_password: 'ana@acme.com.br', groupId: '64b000000000000000000600',
      enable_login_with_remote_auth: false, language: 'pt-BR', status: 'disabled',
    });
  });

  it('creates an administrator without language nor status (AdminRequest has neither), then sends them in a partial update', async () => {
    const t = openTenant();
    const created = { _id: '64b000000000000000000599', type: 'admin', name: 'Bia', email: 'bia@acme.com.br', groupId: '64b000000000000000000600', created_at: '2024-03-01 10:00:00', updated_at: '2024-03-01 10:00:00' };
    const post = captureBody(t, 'POST', '/admins', created);
    const put = captureBody(t, 'PUT', '/admins/64b000000000000000000599', { success: true, date: { date: '2024-03-01 10:00:00.000000', timezone_type: 3, timezone: 'UTC' } });
    const live = await t.provider.create('administrator', applyDefaults('administrator', { email: 'bia@acme.com.br', name: 'Bia', userGroup: 'Administrador', language: 'en', disabled: true }));
    expect(post.body).toEqual({ name: 'Bia', email: 'bia@acme.com.br', email_forgot_password: 'bia@acme.com.br', groupId: '64b000000000000000000600', enable_login_with_remote_auth: false });
    expect(put.body).toMatchObject({ language: 'en', status: 'disabled' });
    expect(live.spec).toMatchObject({ language: 'en', disabled: true });
  });

  it('creates an administrator in the default language and enabled with one request', async () => {
    const t = openTenant();
    const post = captureBody(t, 'POST', '/admins', { _id: '64b000000000000000000598', type: 'admin', name: 'Caio', email: 'caio@acme.com.br', groupId: '64b000000000000000000600' });
    const live = await t.provider.create('administrator', applyDefaults('administrator', { email: 'caio@acme.com.br', name: 'Caio', userGroup: 'Administrador' }));
    expect(post.body).not.toHaveProperty('language');
    expect(post.body).not.toHaveProperty('status');
    expect(live.spec).toMatchObject({ language: 'pt-BR', disabled: false });
    // No PUT was intercepted: a second request would have failed on the MockAgent (net connect disabled).
  });

  it.each(allKinds.filter((kind) => kind !== 'flow'))('an update of a %s never sends a key the server owns', async (kind) => {
    const t = openTenant();
    const [live] = await t.provider.list(kind);
    if (!live) throw new Error(`the ${kind} fixture holds no object`);
    const mapper = kindMappers[kind];
    const endpoint = mapper.endpointOf(live.spec);
    const captured = captureBody(t, 'PUT', `${endpoint}/${live.id}`, { success: true, date: '2024-03-01T10:00:00Z' });
    await t.provider.update(kind, live.id, live.spec);
    expect(captured.body).toBeDefined();
    for (const key of [...COMMON_READ_ONLY, ...mapper.readOnlyKeys]) expect(captured.body, `${kind} sent "${key}"`).not.toHaveProperty(key);
  });

  it('writes schedule groups, pauses, predefined messages and word filters in their wire shapes', async () => {
    const t = openTenant();
    const group = captureBody(t, 'POST', '/timeGroup', { _id: '64b0000000000000000007ff', name: 'Plantão' });
    await t.provider.create('schedule-group', applyDefaults('schedule-group', { name: 'Plantão', intervals: [{ days: ['sat', 'sun', 'mon'], from: '10:00', to: '14:00' }], holidays: [{ date: '01-01', name: 'Ano novo' }] }));
    expect(group.body).toEqual({ name: 'Plantão', group: [
      { hour: '', description: '', initialDay: '', finalDay: '', initialMonth: 1, finalMonth: 12, initialWeek: 0, finalWeek: 1, initialTime: '10:00', finalTime: '14:00' },
      { hour: '', description: '', initialDay: '', finalDay: '', initialMonth: 1, finalMonth: 12, initialWeek: 6, finalWeek: 6, initialTime: '10:00', finalTime: '14:00' },
      { hour: '', description: 'Ano novo', initialDay: '1', finalDay: '1', initialMonth: 1, finalMonth: 1, initialWeek: 0, finalWeek: 6, initialTime: '00:00', finalTime: '00:00' },
    ] });
    const pause = captureBody(t, 'POST', '/pauses', { _id: '64b0000000000000000008ff', name: 'Café' });
    await t.provider.create('pause', applyDefaults('pause', { name: 'Café', maxDuration: '15m', supervised: true }));
    expect(pause.body).toEqual({ name: 'Café', description: '', maxTime: 900, productive: false, cumulative: false, supervisioned: true, continue_attendance: false, active: true, message: '' });
    const message = captureBody(t, 'POST', '/predefined_messages', { _id: '64b0000000000000000003ff', description: 'Tchau', message: [{ type: 'text', message: 'Até logo' }] });
    await t.provider.create('predefined-message', { name: 'Tchau', text: 'Até logo' });
    expect(message.body).toEqual({ description: 'Tchau', message: [{ message: 'Até logo' }] });
    const word = captureBody(t, 'POST', '/wordFilter/contacts', { _id: '64b000000000000000000bff', word: 'valeu', type: 'contact' });
    const live = await t.provider.create('word-filter', { list: 'noFlowStart', word: 'valeu' });
    expect(word.body).toEqual({ word: 'valeu' });
    expect(live.name).toBe('noFlowStart/valeu');
  });

  it('refuses a reference to an object the tenant does not have, naming it', async () => {
    const t = openTenant();
    await expect(t.provider.create('agent', applyDefaults('agent', { email: 'x@y.com', name: 'X', teams: ['Suporte'] })))
      .rejects.toMatchObject({ code: 'PROVIDER_UNRESOLVED_REFERENCE', message: expect.stringContaining('team "Suporte"') });
  });
});

describe('contact groups and blocked numbers', () => {
  it('reads contact groups by nameGroup and blocked numbers by number', async () => {
    const t = openTenant();
    expect((await t.provider.list('contact-group')).map((group) => group.spec)).toEqual([{ name: 'Clientes VIP' }, { name: 'Inadimplentes' }]);
    expect((await t.provider.list('blocked-number')).map((blocked) => blocked.spec)).toEqual([{ number: '5511999990000' }]);
  });

  it('writes a contact group as {nameGroup} and a team restricted to it as contact_active_by_group', async () => {
    const t = openTenant();
    const group = captureBody(t, 'POST', '/contacts/groups', { _id: '64b0000000000000000004ff', nameGroup: 'Atacado' });
    await t.provider.create('contact-group', applyDefaults('contact-group', { name: 'Atacado' }));
    expect(group.body).toEqual({ nameGroup: 'Atacado' });
    const team = captureBody(t, 'POST', '/campaigns', { _id: '64b0000000000000000001fe', name: 'Cobrança' });
    await t.provider.create('team', applyDefaults('team', { name: 'Cobrança', contactActiveByGroup: ['Inadimplentes'] }));
    expect(team.body).toMatchObject({ contact_active_by_group: { enabled: true, groups: ['64b000000000000000000402'] } });
  });
});

describe('contact fields', () => {
  it('reads the bare array of /contacts/fields with its flags and length rule', async () => {
    const t = openTenant();
    expect((await t.provider.list('contact-field')).map((field) => field.spec)).toEqual([
      { name: 'cpf', description: 'CPF do titular', validation: 'cpf', identifier: true, required: true, confidential: false, encrypted: false, searchable: true, showDescriptionToAgent: false, lengthRule: { op: '=', value: 11 } },
      { name: 'matricula', description: '', validation: '', identifier: false, required: false, confidential: false, encrypted: false, searchable: false, showDescriptionToAgent: false },
    ]);
  });

  it('writes a contact field with wire flag names and the length rule as conditional/total_characters', async () => {
    const t = openTenant();
    const captured = captureBody(t, 'POST', '/contacts/fields', { _id: '64b0000000000000000006ff', name: 'plano' });
    await t.provider.create('contact-field', applyDefaults('contact-field', { name: 'plano', searchable: true, lengthRule: { op: '<=', value: 20 } }));
    expect(captured.body).toEqual({
      name: 'plano', description: '', identifier: false, required: false, confidential: false, encrypted: false,
      allow_search: true, description_agent: false, validation: '', conditional: '<=', total_characters: '20',
    });
  });
});
