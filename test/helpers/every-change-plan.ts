/**
 * A plan with every kind of change a reviewer meets: creates (one in two steps, with its
 * reference-only step; a new flow with its texts and menu), updates (scalars, sets element by
 * element, an ordered list with a move, schedules interval by interval, a long text, a changed
 * flow), a rename, deletes with and without dependents, a protected account kept, objects not
 * managed and a sensitive value.
 */
import { buildPlan } from '../../cli/core/plan/build-plan.js';
import type { Plan } from '../../cli/core/plan/types.js';
import type { Spec } from '../../cli/core/model/resource.js';
import { changedExampleFlow, exampleFlow } from '../core/flows/diagram-inputs.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from './builders.js';

const weekdays = ['fri', 'mon', 'thu', 'tue', 'wed'];

export function buildEveryChangePlan(): Plan {
  const live = [
    aLive('tabulation', { name: 'Venda' }),
    aLive('tabulation', { name: 'Troca' }),
    aLive('tabulation', { name: 'Legado' }),
    aLive('tabulation', { name: 'Spam' }),
    aLive('user-group', { name: 'Operações', fullPermission: true }),
    aLive('user-group', { name: 'Supervisão', permissions: ['settings.pauses', 'registration.agents', 'reports.attendances'] }),
    aLive('administrator', { email: 'ops@acme.com.br', name: 'Ops', userGroup: 'Operações' }),
    aLive('schedule-group', {
      name: 'Comercial',
      intervals: [{ days: weekdays, from: '08:00', to: '18:00' }, { days: ['sat'], from: '08:00', to: '12:00' }],
      holidays: [{ date: '12-25', name: 'Natal' }, { date: '11-20', name: 'Consciência Negra' }],
      exceptions: [{ date: '12-24', name: 'Véspera de Natal', from: '08:00', to: '12:00' }],
    }),
    aLive('team', {
      name: 'SAC', sessionTimeout: '30m', tabulations: ['Legado', 'Troca'], distributionRule: 'sequential',
      agentOrder: ['ana@acme.com.br', 'bia@acme.com.br', 'caio@acme.com.br'],
      closingMessage: 'Obrigado pelo contato.\nAté logo.\nEquipe SAC',
    }),
    aLive('team', { name: 'Help' }),
    aLive('agent', { email: 'ana@acme.com.br', name: 'Ana', teams: ['SAC', 'Help'] }),
    aLive('agent', { email: 'bia@acme.com.br', name: 'Bia', teams: ['SAC'] }),
    aLive('agent', { email: 'caio@acme.com.br', name: 'Caio', teams: ['SAC'] }),
    aLive('flow', exampleFlow()),
  ];
  const desired = [
    aDesired('tabulation', { name: 'Venda' }),
    aDesired('tabulation', { name: 'Troca' }),
    aDesired('tabulation', { name: 'Resolvido' }),
    aDesired('user-group', { name: 'Supervisão', permissions: ['reports.attendances', 'reports.flows', 'registration.agents'] }),
    aDesired('administrator', { email: 'ops@acme.com.br', name: 'Ops', userGroup: 'Operações', disabled: true }),
    aDesired('schedule-group', {
      name: 'Comercial',
      intervals: [{ days: weekdays, from: '09:00', to: '18:00' }, { days: ['sat', 'sun'], from: '09:00', to: '13:00' }],
      holidays: [{ date: '12-25', name: 'Natal' }, { date: '01-01', name: 'Confraternização Universal' }],
      exceptions: [{ date: '12-24', name: 'Véspera de Natal', from: '08:00', to: '13:00' }],
    }),
    aDesired('team', {
      name: 'SAC', sessionTimeout: '90m', tabulations: ['Troca', 'Venda'], distributionRule: 'sequential',
      agentOrder: ['caio@acme.com.br', 'ana@acme.com.br', 'bia@acme.com.br'],
      closingMessage: 'Obrigado pelo contato!\nAté logo.\nEquipe SAC',
    }),
    aDesired('team', { name: 'Suporte' }, { renamedFrom: 'Help' }),
    aDesired('team', { name: 'Vendas', overflowTeam: 'Pós-venda', permissions: { showNumber: false } }),
    aDesired('team', { name: 'Pós-venda', overflowTeam: 'Vendas' }),
    aDesired('agent', { email: 'ana@acme.com.br', name: 'Ana', teams: ['SAC', 'Suporte'] }),
    aDesired('agent', { email: 'bia@acme.com.br', name: 'Bia', teams: ['SAC'] }),
    aDesired('agent', { email: 'caio@acme.com.br', name: 'Caio', teams: ['SAC'] }),
    aDesired('agent', { email: 'duda@acme.com.br', name: 'Duda', teams: ['Vendas', 'SAC'], initialPassword: 'segredo-123' }),
    aDesired('flow', changedExampleFlow()),
    aDesired('flow', newFlow()),
  ];
  return buildPlan(aState(desired, { tabulation: true, 'user-group': true }), aSnapshot(live), {
    target: { ...sandboxTarget, environment: 'staging' },
    account: { email: 'ops@acme.com.br', userGroup: 'Operações' },
  });
}

/** A short flow, as a new one arrives in a pull request: the texts customers will read. */
function newFlow(): Spec {
  return {
    name: 'Pós-venda',
    description: 'Trocas e devoluções.',
    start: 'menu',
    blocks: {
      menu: {
        type: 'menu',
        text: 'Olá! Sobre qual pedido você quer falar?\nEscolha uma opção abaixo e responda com o número dela, por favor.',
        options: [
          { key: '1', label: 'Trocar um produto que chegou com defeito ou no tamanho errado', next: 'troca' },
          { key: '2', label: 'Acompanhar a entrega', next: 'vendas' },
        ],
        invalid: 'menu',
      },
      troca: { type: 'message', text: 'Para trocar, tenha em mãos o número do pedido e fotos do produto. Um atendente vai pedir esses dados.', next: 'vendas' },
      vendas: { type: 'transfer', team: 'Vendas', message: 'Um momento, vamos te transferir.' },
    },
  };
}
