import { afterEach, describe, expect, it } from 'vitest';
import { getKindInfo } from '../../../cli/core/kinds/registry.js';
import { applyDefaults } from '../../../cli/core/kinds/schema-walk.js';
import type { Kind, Spec } from '../../../cli/core/model/resource.js';
import { startHarness, type SandboxHarness } from './sandbox-support.js';

let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Creates every spec in order (dependencies first) through the port. */
async function createAll(h: SandboxHarness, items: [Kind, Spec][]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [kind, spec] of items) {
    const live = await h.provider.create(kind, applyDefaults(kind, spec));
    ids.set(`${kind}.${live.name}`, live.id);
  }
  return ids;
}

const fixtures: [Kind, Spec][] = [
  ['tabulation', { name: 'Resolvido' }],
  ['predefined-message', { name: 'Saudação', text: 'Olá! Em que posso ajudar?' }],
  ['schedule-group', {
    name: 'Comercial',
    intervals: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }, { days: ['sat'], from: '08:00', to: '12:00' }],
    holidays: [{ date: '12-25', name: 'Natal' }],
    exceptions: [{ date: '12-24', name: 'Véspera', from: '08:00', to: '12:00' }],
  }],
  ['pause', { name: 'Almoço', maxDuration: '1h', productive: false, supervised: true, message: 'Bom almoço' }],
  ['word-filter', { list: 'noFlowStart', word: 'obrigado' }],
  ['word-filter', { list: 'agentBlocked', word: 'palavrão' }],
  ['contact-group', { name: 'Clientes VIP' }],
  ['blocked-number', { number: '5511999990000' }],
  ['team', { name: 'Financeiro' }],
  ['team', {
    name: 'SAC', sessionTimeout: '1h30m', distributionRule: 'sequential', closingMessage: 'Obrigado!', noAgentMessage: 'Sem agentes.',
    conversationHistory: 'teamSessions', overflowTeam: 'Financeiro', waitTimeout: { after: '10m', redirectTo: 'Financeiro' },
    transferTeams: ['Financeiro'], contactActiveByGroup: ['Clientes VIP'], tabulations: ['Resolvido'], predefinedMessages: ['Saudação'],
    permissions: { editContact: false, autoAttendance: true },
  }],
  ['user-group', { name: 'Supervisores', viewByTeams: true, visibleTeams: ['SAC'], permissions: ['registration.agents', 'reports.pauses'] }],
  ['administrator', { email: 'ana@acme.com.br', name: 'Ana', userGroup: 'Supervisores', recoveryEmail: 'ana.real@acme.com.br', language: 'es', initialPassword: 's3cret-Pass' }],
  ['agent', {
    email: 'joao@acme.com.br', name: 'João', codename: '1042', extension: '201', teams: ['SAC', 'Financeiro'],
    loginHours: { from: '08:00', to: '18:00' }, conversationHistory: 'all', maxSimultaneousChats: 3, hideRatingStars: true, initialPassword: 'an0ther-Pass',
  }],
  ['flow', {
    name: 'Principal', description: 'Entrada', start: 'horario',
    blocks: {
      horario: { type: 'schedule', scheduleGroup: 'Comercial', open: 'fila', closed: 'fim' },
      fila: { type: 'transfer', team: 'SAC', message: 'Aguarde.' },
      fim: { type: 'end', message: 'Até logo', tabulation: 'Resolvido' },
    },
  }],
];

function displayName(kind: Kind, spec: Spec): string {
  if (kind === 'word-filter') return `${String(spec.list)}/${String(spec.word)}`;
  return String(spec[getKindInfo(kind).keyField ?? 'name']);
}

function withoutWriteOnly(spec: Spec): Spec {
  const { initialPassword: _password, ...rest } = spec;
  return rest;
}

describe('ConectaProvider against the sandbox', () => {
  it('reads back every kind exactly as it was created, from a fresh provider', async () => {
    harness = await startHarness();
    await createAll(harness, fixtures);
    const fresh = harness.openProvider();
    for (const [kind, spec] of fixtures) {
      const live = await fresh.list(kind);
      const expected = withoutWriteOnly(applyDefaults(kind, spec));
      const match = live.find((resource) => resource.name === displayName(kind, spec));
      expect(match?.spec, `${kind} ${JSON.stringify(spec)}`).toEqual(expected);
    }
    expect(fresh.notices()).toEqual([]);
  });

  it('never sends a password back and never stores it in a listed spec', async () => {
    harness = await startHarness();
    await createAll(harness, fixtures.filter(([kind]) => kind !== 'flow'));
    const agents = await harness.openProvider().list('agent');
    expect(JSON.stringify(agents)).not.toContain('an0ther-Pass');
  });

  it('team membership comes from the agents, so the team lists the agent after the agent is created', async () => {
    harness = await startHarness();
    await createAll(harness, [['team', { name: 'SAC' }], ['agent', { email: 'a@x.com', name: 'A', teams: ['SAC'] }]]);
    const team = harness.sandbox.store.list('team')[0] as Record<string, unknown>;
    expect(team.agents).toHaveLength(1);
  });

  it('updates each kind in place and deletes it', async () => {
    harness = await startHarness();
    const ids = await createAll(harness, fixtures);
    const tabulationId = ids.get('tabulation.Resolvido') as string;
    const renamed = await harness.provider.update('tabulation', tabulationId, { name: 'Resolvido com sucesso' });
    expect(renamed.name).toBe('Resolvido com sucesso');
    const sacId = ids.get('team.SAC') as string;
    const sacSpec = applyDefaults('team', { ...fixtures.find(([kind, spec]) => kind === 'team' && spec.name === 'SAC')![1], tabulations: ['Resolvido com sucesso'], closingMessage: 'Até mais!', agentOrder: ['joao@acme.com.br'] });
    await harness.provider.update('team', sacId, sacSpec);
    const admin = ids.get('administrator.ana@acme.com.br') as string;
    await harness.provider.update('administrator', admin, applyDefaults('administrator', { email: 'ana@acme.com.br', name: 'Ana Maria', userGroup: 'Administrador', disabled: true }));
    const fresh = harness.openProvider();
    const team = (await fresh.list('team')).find((resource) => resource.name === 'SAC');
    expect(team?.spec).toEqual(sacSpec);
    const administrator = (await fresh.list('administrator'))[0];
    expect(administrator?.spec).toMatchObject({ name: 'Ana Maria', userGroup: 'Administrador', disabled: true });
    const wordId = ids.get('word-filter.noFlowStart/obrigado') as string;
    await harness.provider.delete('word-filter', wordId);
    expect((await harness.openProvider().list('word-filter')).map((resource) => resource.name)).toEqual(['agentBlocked/palavrão']);
  });

  it('passes ids of objects created in the same run to their dependents', async () => {
    harness = await startHarness();
    await harness.provider.list('agent');
    await harness.provider.create('team', applyDefaults('team', { name: 'Novo' }));
    const agent = await harness.provider.create('agent', applyDefaults('agent', { email: 'b@x.com', name: 'B', teams: ['Novo'] }));
    expect(agent.spec.teams).toEqual(['Novo']);
  });
});
