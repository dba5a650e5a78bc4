/**
 * A small plan that shows every kind of line: creates (one with a sensitive field), an update with
 * a long-text diff, a rename that an unchanged agent follows, deletes with consent, objects not managed and an unsafe verdict.
 */
import { buildPlan } from '../../cli/core/plan/build-plan.js';
import type { Plan } from '../../cli/core/plan/types.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from './builders.js';

export function buildRepresentativePlan(): Plan {
  const tabulations = Array.from({ length: 10 }, (_, index) => `T${index + 1}`);
  const live = [
    aLive('user-group', { name: 'Administrador', fullPermission: true }),
    ...tabulations.map((name) => aLive('tabulation', { name })),
    aLive('team', { name: 'SAC', sessionTimeout: '30m', tabulations: ['T1', 'T7'], closingMessage: 'Obrigado pelo contato.\nAté logo.\nEquipe SAC' }),
    aLive('team', { name: 'Help' }),
    aLive('team', { name: 'Antigo' }),
    aLive('agent', { email: 'joao@acme.com.br', name: 'João', teams: ['Antigo'] }),
    aLive('agent', { email: 'ana@acme.com.br', name: 'Ana', teams: ['Help'] }),
  ];
  const desired = [
    ...tabulations.slice(0, 6).map((name) => aDesired('tabulation', { name })),
    aDesired('tabulation', { name: 'Venda' }),
    aDesired('team', { name: 'SAC', sessionTimeout: '90m', tabulations: ['T1', 'Venda'], closingMessage: 'Obrigado pelo contato!\nAté logo.\nEquipe SAC' }),
    aDesired('team', { name: 'Suporte' }, { renamedFrom: 'Help' }),
    aDesired('agent', { email: 'maria@acme.com.br', name: 'Maria', teams: ['SAC', 'Suporte'], initialPassword: 'segredo-123' }),
    aDesired('agent', { email: 'ana@acme.com.br', name: 'Ana', teams: ['Suporte'] }),
  ];
  return buildPlan(aState(desired, { tabulation: true }), aSnapshot(live), { target: { ...sandboxTarget, environment: 'staging' } });
}
