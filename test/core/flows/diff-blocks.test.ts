import { describe, expect, it } from 'vitest';
import { diffFlowBlocks } from '../../../cli/core/flows/diff-blocks.js';
import type { Spec } from '../../../cli/core/model/resource.js';
import type { FlowBlockChanges } from '../../../cli/core/plan/types.js';

const base: Spec = {
  name: 'Atendimento',
  start: 'menu',
  blocks: {
    menu: {
      type: 'menu',
      text: 'Escolha:',
      options: [
        { key: '1', label: 'Vendas', next: 'vendas' },
        { key: '2', label: 'Suporte', next: 'sac' },
      ],
    },
    vendas: { type: 'transfer', team: 'Vendas' },
    sac: { type: 'transfer', team: 'SAC' },
    consulta: { type: 'http', url: 'https://api.acme.com.br/x', headers: { Authorization: 'Bearer s3cr3t-old' }, success: 'sac', error: 'sac' },
  },
};

/** `base` with `edit` applied to a copy. */
function edited(edit: (spec: { start: string; blocks: Record<string, Record<string, unknown> & { options?: Record<string, unknown>[] }> }) => void): Spec {
  const copy = structuredClone(base);
  edit(copy as never);
  return copy;
}

const none: FlowBlockChanges = { added: [], removed: [], changed: [], rewired: [] };

describe('diffFlowBlocks', () => {
  it.each<[string, Spec, Partial<FlowBlockChanges>]>([
    ['nothing for an identical flow', structuredClone(base), {}],
    ['a block added, with its edges not listed as rewired', edited((spec) => { spec.blocks.fim = { type: 'end', message: 'Tchau' }; }), { added: ['fim'] }],
    ['a block removed', edited((spec) => { delete spec.blocks.consulta; }), { removed: ['consulta'] }],
    ['a changed text, flagged as text', edited((spec) => { spec.blocks.menu!.text = 'Escolha uma opção:'; }),
      { changed: [{ id: 'menu', fields: [{ path: 'text', before: 'Escolha:', after: 'Escolha uma opção:', isText: true }] }] }],
    ['a changed parameter', edited((spec) => { spec.blocks.sac!.team = 'Financeiro'; }),
      { changed: [{ id: 'sac', fields: [{ path: 'team', before: 'SAC', after: 'Financeiro' }] }] }],
    ['an edge rewired, not a field change', edited((spec) => { spec.blocks.consulta!.error = 'vendas'; }),
      { rewired: [{ id: 'consulta', edge: 'error', before: 'sac', after: 'vendas' }] }],
    ['a menu option rewired by its dotted path', edited((spec) => { spec.blocks.menu!.options![1]!.next = 'vendas'; }),
      { rewired: [{ id: 'menu', edge: 'options.1.next', before: 'sac', after: 'vendas' }] }],
    ['a menu option relabelled, item by item', edited((spec) => { spec.blocks.menu!.options![0]!.label = 'Comprar'; }),
      { changed: [{ id: 'menu', fields: [{ path: 'options.0.label', before: 'Vendas', after: 'Comprar', isText: true }] }] }],
    ['a menu option appended: the option as a field, its edge as rewired', edited((spec) => { spec.blocks.menu!.options!.push({ key: '3', label: 'Fim', next: 'sac' }); }),
      { changed: [{ id: 'menu', fields: [{ path: 'options.2', after: { key: '3', label: 'Fim' } }] }], rewired: [{ id: 'menu', edge: 'options.2.next', after: 'sac' }] }],
    ['an edge added where there was none', edited((spec) => { spec.blocks.menu!.invalid = 'sac'; }),
      { rewired: [{ id: 'menu', edge: 'invalid', after: 'sac' }] }],
    ['the start block moved', edited((spec) => { spec.start = 'sac'; }), { start: { before: 'menu', after: 'sac' } }],
    ['a block whose type changed', edited((spec) => { spec.blocks.vendas = { type: 'end', tabulation: 'Vendas' }; }),
      { changed: [{ id: 'vendas', fields: [{ path: 'type', before: 'transfer', after: 'end' }, { path: 'tabulation', after: 'Vendas' }, { path: 'team', before: 'Vendas' }] }] }],
  ])('reports %s', (_name, after, expected) => {
    expect(diffFlowBlocks(base, after)).toEqual({ ...none, ...expected });
  });

  it('flags a changed header value as sensitive and never copies it', () => {
    const after = edited((spec) => { (spec.blocks.consulta!.headers as Record<string, string>).Authorization = 'Bearer s3cr3t-new'; });
    const changes = diffFlowBlocks(base, after);
    expect(changes.changed).toEqual([{ id: 'consulta', fields: [{ path: 'headers.Authorization', isSensitive: true }] }]);
    expect(JSON.stringify(changes)).not.toContain('s3cr3t');
  });

  it('masks a header added where the block had none', () => {
    const before = edited((spec) => { delete spec.blocks.consulta!.headers; });
    const changes = diffFlowBlocks(before, base);
    expect(changes.changed).toEqual([{ id: 'consulta', fields: [{ path: 'headers', isSensitive: true }] }]);
    expect(JSON.stringify(changes)).not.toContain('s3cr3t');
  });

  it('lists every block as added for a new flow, without a start change', () => {
    expect(diffFlowBlocks(undefined, base)).toEqual({ ...none, added: ['menu', 'vendas', 'sac', 'consulta'] });
  });

  it('lists every block as removed for a deleted flow', () => {
    expect(diffFlowBlocks(base, undefined)).toEqual({ ...none, removed: ['menu', 'vendas', 'sac', 'consulta'] });
  });
});
