import { describe, expect, it } from 'vitest';
import type { DesiredResource, DesiredState, Kind, Spec } from '../../../cli/core/model/resource.js';
import { layerStates } from '../../../cli/core/project/layer-states.js';

function resource(kind: Kind, name: string, spec: Spec = {}, file = 'base.yaml'): DesiredResource {
  return { kind, name, key: kind === 'agent' ? name.toLowerCase() : name, spec: { name, ...spec }, origin: { file, line: 1, column: 1 } };
}

function state(resources: DesiredResource[], prune: DesiredState['prune'] = {}): DesiredState {
  return { resources, prune };
}

describe('layerStates', () => {
  it('returns the base unchanged when there is no overlay', () => {
    const base = state([resource('team', 'SAC'), resource('tabulation', 'Resolvido')], { team: true });
    expect(layerStates([base])).toEqual(base);
  });

  it('replaces a base object of the same kind and key whole, at the base position', () => {
    const base = state([resource('team', 'SAC', { sessionTimeout: '1h', closingMessage: 'Tchau' }), resource('team', 'Vendas')]);
    const overlay = state([resource('team', 'SAC', { sessionTimeout: '2h' }, 'prod.yaml')]);
    const layered = layerStates([base, overlay]);
    expect(layered.resources.map((r) => r.name)).toEqual(['SAC', 'Vendas']);
    expect(layered.resources[0]?.spec).toEqual({ name: 'SAC', sessionTimeout: '2h' });
    expect(layered.resources[0]?.origin?.file).toBe('prod.yaml');
  });

  it('matches agents by their case-folded key, so an overlay with another case still replaces', () => {
    const base = state([resource('agent', 'Maria@Acme.example', { teams: ['SAC'] })]);
    const overlay = state([{ ...resource('agent', 'maria@acme.example', { teams: ['Vendas'] }, 'prod.yaml') }]);
    const layered = layerStates([base, overlay]);
    expect(layered.resources).toHaveLength(1);
    expect(layered.resources[0]?.spec.teams).toEqual(['Vendas']);
  });

  it('appends overlay objects the base does not have, and keeps same-named objects of other kinds apart', () => {
    const base = state([resource('team', 'SAC')]);
    const overlay = state([resource('tabulation', 'SAC', {}, 'prod.yaml'), resource('team', 'Cobrança', {}, 'prod.yaml')]);
    expect(layerStates([base, overlay]).resources.map((r) => `${r.kind}.${r.name}`)).toEqual(['team.SAC', 'tabulation.SAC', 'team.Cobrança']);
  });

  it('lets overlay prune settings override the base kind by kind', () => {
    const base = state([], { team: true, agent: false });
    const overlay = state([], { agent: true, pause: false });
    expect(layerStates([base, overlay]).prune).toEqual({ team: true, agent: true, pause: false });
  });

  it('applies several overlays in order, the last one winning', () => {
    const layered = layerStates([
      state([resource('pause', 'Café', { maxDuration: '10m' })]),
      state([resource('pause', 'Café', { maxDuration: '15m' })]),
      state([resource('pause', 'Café', { maxDuration: '20m' })]),
    ]);
    expect(layered.resources.map((r) => r.spec.maxDuration)).toEqual(['20m']);
  });
});
