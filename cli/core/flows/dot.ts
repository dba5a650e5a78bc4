/**
 * Graphviz DOT output of a flow (`conecta graph --format dot | dot -Tsvg`). Block ids are quoted
 * DOT ids, so any id is safe; labels are quoted strings with `"` and `\` escaped.
 */
import type { Spec } from '../model/resource.js';
import { describeFlowBlock, labelFlowEdge, MAX_DETAIL_LENGTH, truncate } from './describe-block.js';
import { listFlowEdges, readFlowBlocks, type FlowBlockValue } from './flow-graph.js';

const shapes: Record<string, string> = {
  menu: 'shape=hexagon',
  condition: 'shape=diamond',
  schedule: 'shape=diamond',
  input: 'shape=parallelogram',
  rating: 'shape=parallelogram',
  transfer: 'shape=box, style="rounded,bold"',
  end: 'shape=box, style="rounded,bold"',
  gotoFlow: 'shape=box, style="rounded,bold"',
  http: 'shape=component',
};

export function renderFlowDot(flow: Spec): string {
  const name = typeof flow.name === 'string' ? flow.name : 'flow';
  const blocks = readFlowBlocks(flow);
  const known = new Set(blocks.map(([id]) => id));
  const lines = [
    `digraph ${quoteDot(name)} {`,
    '  rankdir=TB;',
    '  node [shape=box, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  if (typeof flow.start === 'string') lines.push('  "__start" [shape=circle, label="Início"];');
  for (const [id, block] of blocks) lines.push(`  ${quoteDot(id)} [${formatAttributes(id, block)}];`);
  const missing = new Set<string>();
  const targets = [...(typeof flow.start === 'string' ? [flow.start] : []), ...listFlowEdges(flow).map((edge) => edge.target)];
  for (const target of targets) {
    if (known.has(target) || missing.has(target)) continue;
    missing.add(target);
    lines.push(`  ${quoteDot(target)} [label=${quoteDot(`${target} (missing)`)}, style=dashed, color=red];`);
  }
  if (typeof flow.start === 'string') lines.push(`  "__start" -> ${quoteDot(flow.start)};`);
  const byId = new Map(blocks);
  for (const { from, edge, target } of listFlowEdges(flow)) {
    const label = labelFlowEdge(byId.get(from), edge);
    lines.push(`  ${quoteDot(from)} -> ${quoteDot(target)}${label ? ` [label=${quoteDot(label)}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function formatAttributes(id: string, block: FlowBlockValue): string {
  const { title, detail: whole } = describeFlowBlock(block);
  const detail = truncate(whole, MAX_DETAIL_LENGTH);
  const label = `label=${quoteDot(`${id}\n${detail ? `${title}: ${detail}` : title}`)}`;
  const shape = shapes[typeof block.type === 'string' ? block.type : ''];
  return shape ? `${label}, ${shape}` : label;
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, other control characters dropped. */
export function quoteDot(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
  return `"${escaped}"`;
}
