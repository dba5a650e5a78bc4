/**
 * The diagrams must be accepted by the real Mermaid parser (mermaid 11, the flowchart grammar
 * GitHub uses), not only match golden files. Mermaid sanitises labels with DOMPurify, which needs a
 * browser DOM; parsing does not. So, before Mermaid loads, the shared DOMPurify instance gets an
 * identity sanitiser: the grammar still sees every label exactly as written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE_LABEL_WRAP, NODE_TEXT_WRAP, renderFlowChangeMermaid, renderFlowMermaid } from '../../../cli/core/flows/mermaid.js';
import { describeFlowBlock, labelFlowEdge, wrapText } from '../../../cli/core/flows/describe-block.js';
import { listFlowEdges, readFlowBlocks } from '../../../cli/core/flows/flow-graph.js';
import type { Spec } from '../../../cli/core/model/resource.js';
import { exampleFlow, flowChange, trickyFlow } from './diagram-inputs.js';

let parseMermaid: (text: string) => Promise<unknown>;
let readFlowchart: (text: string) => Promise<Flowchart>;

/** What the parser understood: node texts by id, and edges with their labels. */
interface Flowchart {
  nodes: Map<string, string>;
  edges: [string, string, string][];
}

beforeAll(async () => {
  const { default: purify } = await import('dompurify');
  Object.assign(purify, { sanitize: (text: string) => text, addHook: () => undefined, removeHook: () => undefined, removeHooks: () => undefined });
  const { default: mermaid } = await import('mermaid');
  parseMermaid = (text) => mermaid.parse(text);
  readFlowchart = async (text) => {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db as unknown as { getVertices(): Map<string, { id: string; text: string }>; getEdges(): { start: string; end: string; text: string }[] };
    return {
      nodes: new Map([...db.getVertices().values()].map((vertex) => [vertex.id, decodeEntities(vertex.text)])),
      edges: db.getEdges().map((edge) => [edge.start, edge.end, decodeEntities(edge.text)]),
    };
  };
});

/** Mermaid keeps `#code;` entities as placeholders until it renders; decode them as the browser would. */
function decodeEntities(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

describe('Mermaid parser', () => {
  it('rejects a label with a stray bracket, so acceptance below means something', async () => {
    await expect(parseMermaid('flowchart TD\n  b1["x"]] --> b2\n')).rejects.toThrow(/Parse error/);
  });

  it('reads the raw label `a"] --> b3["b` as two nodes: why labels are escaped', async () => {
    const label = `a"] --> b3["b`;
    const chart = await readFlowchart(`flowchart TD\n  b1["${label}"]\n`);
    expect([...chart.nodes.keys()]).toEqual(['b1', 'b3']);
  });

  it('rejects a block id that is a Mermaid keyword when written raw', async () => {
    await expect(parseMermaid('flowchart TD\n  b1["x"] --> end\n')).rejects.toThrow(/Parse error/);
  });

  it('accepts the acme flow', async () => {
    await expect(parseMermaid(renderFlowMermaid(exampleFlow()))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('reads back every label exactly, with quotes, brackets, #, ;, pipes, markup, emoji, accents, line breaks and keyword ids', async () => {
    const flow = trickyFlow();
    const chart = await readFlowchart(renderFlowMermaid(flow));
    const blocks = readFlowBlocks(flow);
    const ids = new Map(blocks.map(([id], index) => [id, `b${index + 1}`]));
    const expectedNodes = new Map<string, string>([['start_node', 'Início']]);
    for (const [id, block] of blocks) {
      const { title, detail } = describeFlowBlock(block);
      expectedNodes.set(ids.get(id) as string, [id, ...wrapText(`${title}: ${detail}`, NODE_TEXT_WRAP.width, NODE_TEXT_WRAP.maxLines)].join('<br/>'));
    }
    const byId = new Map(blocks);
    const wrapEdge = (label: string) => wrapText(label, EDGE_LABEL_WRAP.width, EDGE_LABEL_WRAP.maxLines).join('<br/>');
    const expectedEdges = [['start_node', 'b1', ''], ...listFlowEdges(flow).map((edge) => [ids.get(edge.from), ids.get(edge.target), wrapEdge(labelFlowEdge(byId.get(edge.from), edge.edge, { isWhole: true }))])];
    expect(chart.nodes).toEqual(expectedNodes);
    expect(chart.edges).toEqual(expectedEdges);
    expect([...chart.nodes.values()].join(' ')).toContain('Diga "olá" [agora] {já} (por<br/>favor) — #1; a|b `código`<br/><script>alert(1)</script> & ç ã 😀<br/>segunda linha; \\n literal');
    expect(chart.edges.map((edge) => edge[2])).toContain('# · Opção "1" | [a] ; 🚀');
  });

  it.each(['create', 'update', 'delete'] as const)('accepts the diagram of a flow %s with its styles', async (action) => {
    await expect(parseMermaid(renderFlowChangeMermaid(flowChange(action)))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('accepts a flow whose edges lead to missing blocks', async () => {
    const flow: Spec = { name: 'X', start: 'nada', blocks: { a: { type: 'message', text: 'oi', next: 'b' } } };
    await expect(parseMermaid(renderFlowMermaid(flow))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('accepts every printable character a user may type in a text', async () => {
    const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
    const flow: Spec = {
      name: 'Todos', start: 'a',
      blocks: { a: { type: 'menu', text: printable, options: [{ key: '1', label: printable.slice(0, 29), next: 'b' }, { key: '2', label: printable.slice(29, 58), next: 'b' }, { key: '3', label: printable.slice(58), next: 'b' }] }, b: { type: 'end', message: printable.slice(40) } },
    };
    await expect(parseMermaid(renderFlowMermaid(flow))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });
});
