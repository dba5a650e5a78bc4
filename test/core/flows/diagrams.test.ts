import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderFlowDot } from '../../../cli/core/flows/dot.js';
import { renderFlowChangeMermaid, renderFlowMermaid } from '../../../cli/core/flows/mermaid.js';
import type { Spec } from '../../../cli/core/model/resource.js';
import { exampleFlow, flowChange, trickyFlow } from './diagram-inputs.js';

const golden = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'golden', 'flows');

describe('flow diagrams', () => {
  it('draws the acme flow as Mermaid', async () => {
    await expect(renderFlowMermaid(exampleFlow())).toMatchFileSnapshot(join(golden, 'atendimento.mmd'));
  });

  it('draws the acme flow as Graphviz DOT', async () => {
    await expect(renderFlowDot(exampleFlow())).toMatchFileSnapshot(join(golden, 'atendimento.dot'));
  });

  it('escapes quotes, brackets, separators, markup, emoji and line breaks in Mermaid labels', async () => {
    await expect(renderFlowMermaid(trickyFlow())).toMatchFileSnapshot(join(golden, 'tricky-labels.mmd'));
  });

  it('escapes quotes, backslashes and line breaks in DOT labels', async () => {
    await expect(renderFlowDot(trickyFlow())).toMatchFileSnapshot(join(golden, 'tricky-labels.dot'));
  });

  it('styles added, changed and removed blocks and rewired edges of a flow change', async () => {
    await expect(renderFlowChangeMermaid(flowChange('update'))).toMatchFileSnapshot(join(golden, 'change-update.mmd'));
  });

  it('never shows HTTP headers, bodies, URL paths or credentials in a diagram', () => {
    const outputs = [renderFlowMermaid(trickyFlow()), renderFlowDot(trickyFlow())];
    for (const output of outputs) {
      expect(output).not.toMatch(/s3cr3t|Bearer|pass@|\/v1\/x/);
      expect(output).toContain('api.acme.com.br');
    }
  });

  it('shows every block of a created flow as added and of a deleted flow as removed', () => {
    expect(renderFlowChangeMermaid(flowChange('create'))).toMatch(/class b1,b2,b3,b4,b5,b6,b7,b8,b9,b10,b11,b12,b13,b14 added/);
    const deleted = renderFlowChangeMermaid(flowChange('delete'));
    expect(deleted).toMatch(/class b1,b2,b3,b4,b5,b6,b7,b8,b9,b10,b11,b12,b13,b14 removed/);
    expect(deleted).not.toMatch(/ b\d+ --> /);
  });

  it('draws an edge to a missing block as a marked placeholder', () => {
    const flow: Spec = { name: 'X', start: 'a', blocks: { a: { type: 'message', text: 'oi', next: 'b' } } };
    expect(renderFlowMermaid(flow)).toContain('b2["b (missing)"]');
    expect(renderFlowDot(flow)).toContain('"b" [label="b (missing)", style=dashed, color=red];');
  });
});
