/**
 * Mermaid flowcharts of flows, for `conecta graph` and for the Markdown plan (GitHub renders
 * Mermaid in PR comments). Node ids are generated (`b1`, `b2`…) so block ids never clash with
 * Mermaid keywords such as `end`; every user text is quoted and escaped with Mermaid entity codes.
 * Long texts are wrapped between words with `<br/>` (up to a number of lines), not cut short.
 */
import type { Spec } from '../model/resource.js';
import type { Change, FlowBlockChanges } from '../plan/types.js';
import { describeFlowBlock, labelFlowEdge, wrapText } from './describe-block.js';
import { diffFlowBlocks } from './diff-blocks.js';
import { listFlowEdges, readFlowBlocks, type FlowBlockValue } from './flow-graph.js';

type Status = 'same' | 'added' | 'changed' | 'removed' | 'missing';

interface DiagramNode {
  id: string;
  block?: FlowBlockValue;
  status: Status;
}

interface DiagramEdge {
  from: string;
  target: string;
  label: string;
  status: 'same' | 'added' | 'removed';
}

interface DiagramModel {
  start?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const classDefs: Record<Exclude<Status, 'same'>, string> = {
  added: 'fill:#e6ffed,stroke:#22863a,color:#1b1f23',
  changed: 'fill:#fff5b1,stroke:#b08800,color:#1b1f23',
  removed: 'fill:#ffeef0,stroke:#d73a49,color:#1b1f23,stroke-dasharray:5 5',
  missing: 'fill:#f6f8fa,stroke:#d73a49,color:#d73a49,stroke-dasharray:3 3',
};
/** Characters per line and lines of a block's text, and of an edge's label. */
export const NODE_TEXT_WRAP = { width: 40, maxLines: 8 };
export const EDGE_LABEL_WRAP = { width: 30, maxLines: 3 };

const edgeStyles = { added: 'stroke:#22863a,stroke-width:2px', removed: 'stroke:#d73a49,stroke-dasharray:5 5' };

/** The flow as a diagram; `highlight` marks added and changed blocks and rewired edges. */
export function renderFlowMermaid(flow: Spec, options: { highlight?: FlowBlockChanges } = {}): string {
  const highlight = options.highlight;
  const added = new Set(highlight?.added);
  const changed = new Set([...(highlight?.changed ?? []).map((entry) => entry.id), ...(highlight?.rewired ?? []).map((entry) => entry.id)]);
  const rewired = new Set(highlight?.rewired.map((entry) => `${entry.id} ${entry.edge}`));
  const blocks = new Map(readFlowBlocks(flow));
  const model: DiagramModel = {
    nodes: [...blocks].map(([id, block]) => ({ id, block, status: added.has(id) ? 'added' : changed.has(id) ? 'changed' : 'same' })),
    edges: listFlowEdges(flow).map(({ from, edge, target }) => ({
      from, target, label: labelFlowEdge(blocks.get(from), edge, { isWhole: true }), status: added.has(from) || rewired.has(`${from} ${edge}`) ? 'added' : 'same',
    })),
  };
  if (typeof flow.start === 'string') model.start = flow.start;
  return renderModel(model);
}

/**
 * A flow change for the Markdown plan: the new flow with added blocks green and changed ones
 * yellow, plus the removed blocks (from `before`) red and dashed. An edge is new (thick, green)
 * or gone (dashed, red) when its source, label and target are not all found on the other side,
 * so an option that only moved in its menu is not shown as rewired.
 */
export function renderFlowChangeMermaid(change: Change): string {
  const highlight = change.blocks ?? diffFlowBlocks(change.before, change.after);
  const before = readSide(change.before);
  const after = readSide(change.after);
  const changed = new Set([...highlight.changed.map((entry) => entry.id), ...highlight.rewired.map((entry) => entry.id)]);
  const nodes: DiagramNode[] = [...after.blocks].map(([id, block]) => ({
    id, block, status: change.action === 'create' || !before.blocks.has(id) ? 'added' : changed.has(id) ? 'changed' : 'same',
  }));
  for (const [id, block] of before.blocks) if (!after.blocks.has(id)) nodes.push({ id, block, status: 'removed' });
  const afterKeys = new Set(after.edges.map(formatEdgeKey));
  const beforeKeys = new Set(before.edges.map(formatEdgeKey));
  const edges: DiagramEdge[] = [
    ...after.edges.map((edge): DiagramEdge => ({ ...edge, status: change.action === 'create' || !beforeKeys.has(formatEdgeKey(edge)) ? 'added' : 'same' })),
    ...before.edges.filter((edge) => !afterKeys.has(formatEdgeKey(edge))).map((edge): DiagramEdge => ({ ...edge, status: 'removed' })),
  ];
  const model: DiagramModel = { nodes, edges };
  const start = change.after?.start ?? change.before?.start;
  if (typeof start === 'string') model.start = start;
  return renderModel(model);
}

function readSide(spec: Spec | undefined): { blocks: Map<string, FlowBlockValue>; edges: Omit<DiagramEdge, 'status'>[] } {
  const blocks = new Map(readFlowBlocks(spec));
  const edges = spec ? listFlowEdges(spec).map(({ from, edge, target }) => ({ from, target, label: labelFlowEdge(blocks.get(from), edge, { isWhole: true }) })) : [];
  return { blocks, edges };
}

function formatEdgeKey(edge: Omit<DiagramEdge, 'status'>): string {
  return JSON.stringify([edge.from, edge.label, edge.target]);
}

function renderModel(model: DiagramModel): string {
  const nodeIds = new Map<string, string>();
  const nodes = [...model.nodes];
  for (const node of nodes) nodeIds.set(node.id, `b${nodeIds.size + 1}`);
  for (const target of [model.start, ...model.edges.map((edge) => edge.target)]) {
    if (target === undefined || nodeIds.has(target)) continue;
    nodes.push({ id: target, status: 'missing' });
    nodeIds.set(target, `b${nodeIds.size + 1}`);
  }
  const lines = ['flowchart TD'];
  for (const node of nodes) lines.push(`  ${nodeIds.get(node.id)}${formatNode(node)}`);
  const linkStyles: Record<'added' | 'removed', number[]> = { added: [], removed: [] };
  let linkIndex = 0;
  if (model.start !== undefined) {
    lines.push(`  start_node(("Início")) --> ${nodeIds.get(model.start)}`);
    linkIndex += 1;
  }
  for (const edge of model.edges) {
    const label = edge.label;
    const arrow = edge.status === 'removed' ? '-.->' : edge.status === 'added' ? '==>' : '-->';
    lines.push(`  ${nodeIds.get(edge.from)} ${arrow}${label ? `|"${formatLabel(label, EDGE_LABEL_WRAP)}"|` : ''} ${nodeIds.get(edge.target)}`);
    if (edge.status !== 'same') linkStyles[edge.status].push(linkIndex);
    linkIndex += 1;
  }
  for (const status of ['added', 'changed', 'removed', 'missing'] as const) {
    const members = nodes.filter((node) => node.status === status).map((node) => nodeIds.get(node.id));
    if (members.length === 0) continue;
    lines.push(`  classDef ${status} ${classDefs[status]}`);
    lines.push(`  class ${members.join(',')} ${status}`);
  }
  for (const status of ['added', 'removed'] as const) {
    if (linkStyles[status].length > 0) lines.push(`  linkStyle ${linkStyles[status].join(',')} ${edgeStyles[status]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `["…"]` with the shape telling the kind of block: decisions, waits, ends, calls. */
function formatNode(node: DiagramNode): string {
  if (!node.block) return `["${escapeMermaid(`${node.id} (missing)`)}"]`;
  const { title, detail } = describeFlowBlock(node.block);
  const text = `${escapeMermaid(node.id)}<br/>${formatLabel(detail ? `${title}: ${detail}` : title, NODE_TEXT_WRAP)}`;
  switch (node.block.type) {
    case 'menu':
    case 'condition':
    case 'schedule':
      return `{{"${text}"}}`;
    case 'input':
    case 'rating':
      return `[/"${text}"/]`;
    case 'transfer':
    case 'end':
    case 'gotoFlow':
      return `(["${text}"])`;
    case 'http':
      return `[["${text}"]]`;
    default:
      return `["${text}"]`;
  }
}

/** A label's text wrapped into lines, each escaped, joined by `<br/>`. */
export function formatLabel(text: string, wrap: { width: number; maxLines: number }): string {
  return wrapText(text, wrap.width, wrap.maxLines).map(escapeMermaid).join('<br/>');
}

/**
 * Text safe inside a quoted Mermaid label: characters that end a string, start an entity, or that
 * Mermaid or the browser read as markup become entity codes (`#quot;`, `#35;`); line breaks and
 * other control characters become spaces.
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[#"&<>|`;\\]/g, (character) => `#${character.codePointAt(0)};`);
}
