/** Inputs shared by the diagram golden tests and the Mermaid parser test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { diffFlowBlocks } from '../../../cli/core/flows/diff-blocks.js';
import type { Spec } from '../../../cli/core/model/resource.js';
import type { Change, ChangeAction } from '../../../cli/core/plan/types.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

function readFirstFlow(path: string): Spec {
  const document = parse(readFileSync(join(root, path), 'utf8')) as { flows: Spec[] };
  return document.flows[0] as Spec;
}

export function exampleFlow(): Spec {
  return readFirstFlow('examples/acme-contact-center/flows/atendimento.yaml');
}

export function trickyFlow(): Spec {
  return readFirstFlow('test/fixtures/flows/diagrams/tricky-labels.yaml');
}

/**
 * The acme flow changed: a new option leads to a new block, the menu text changes, the
 * out-of-hours branch now ends at once (its input block removed), the timeout is rewired.
 */
export function changedExampleFlow(): Spec {
  const flow = exampleFlow();
  const blocks = flow.blocks as Record<string, Record<string, unknown>>;
  const menu = blocks.menu_principal as { text: string; options: unknown[]; timeout: string };
  menu.text = 'Como podemos ajudar? Responda com o número "da opção".';
  menu.options.splice(3, 0, { key: '4', label: 'Rastrear pedido 📦', next: 'rastreio' });
  menu.timeout = 'encerrar';
  blocks.rastreio = { type: 'transfer', team: 'SAC', message: 'Vamos localizar o seu pedido.' };
  (blocks.horario as { closed: string }).closed = 'recado_registrado';
  delete blocks.fora_do_horario;
  return flow;
}

export function flowChange(action: ChangeAction): Change {
  const before = action === 'create' ? undefined : exampleFlow();
  const after = action === 'delete' ? undefined : action === 'create' ? exampleFlow() : changedExampleFlow();
  const change: Change = {
    id: 'flow.Atendimento Principal', address: 'flow.Atendimento Principal', kind: 'flow', name: 'Atendimento Principal', action,
    fields: [], dependsOn: [], level: 0, consent: [], blocks: diffFlowBlocks(before, after),
  };
  if (before) change.before = before;
  if (after) change.after = after;
  return change;
}
