/**
 * A flow read as a graph: its blocks in file order and its edges, found through the schema's
 * `x-edge` annotation (every field that names a block of the same flow), so adding a block type
 * to the schema needs no change here.
 */
import { walkSpec, type SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue, Spec } from '../model/resource.js';

export type FlowBlockValue = { [key: string]: JsonValue };

export interface FlowGraphBlock {
  id: string;
  /** The block's `type`; empty when it has none. */
  type: string;
  block: FlowBlockValue;
}

export interface FlowEdge {
  /** The block the edge leaves. */
  from: string;
  /** Dotted path of the edge inside the block: `next`, `else`, `options.1.next`. */
  edge: string;
  /** The block id the edge names (it may not exist). */
  target: string;
  /** Path of the edge in the flow's spec: `['blocks', 'menu', 'options', 1, 'next']`. */
  path: SpecPath;
}

export interface FlowGraph {
  /** The `start` block id, when the flow has one. */
  start?: string;
  blocks: FlowGraphBlock[];
  edges: FlowEdge[];
}

/** Block types where the flow ends: the contact leaves for a team, another flow or the end. */
const terminalTypes = new Set(['transfer', 'end', 'gotoFlow']);
/** Block types that wait for the contact's answer. */
const waitingTypes = new Set(['menu', 'input', 'rating']);

export function isTerminalBlockType(type: string): boolean {
  return terminalTypes.has(type);
}

export function isWaitingBlockType(type: string): boolean {
  return waitingTypes.has(type);
}

export function readFlowGraph(spec: Spec): FlowGraph {
  const blocks = readFlowBlocks(spec).map(([id, block]) => ({ id, type: typeof block.type === 'string' ? block.type : '', block }));
  const graph: FlowGraph = { blocks, edges: listFlowEdges(spec) };
  if (typeof spec.start === 'string') graph.start = spec.start;
  return graph;
}

/** The blocks of a flow spec in file order; values that are not objects are left out. */
export function readFlowBlocks(spec: Spec | undefined): [string, FlowBlockValue][] {
  const blocks = spec?.blocks;
  if (!isObject(blocks)) return [];
  return Object.entries(blocks).filter((entry): entry is [string, FlowBlockValue] => isObject(entry[1]));
}

/** Every edge of every block, in file order. */
export function listFlowEdges(spec: Spec): FlowEdge[] {
  const edges: FlowEdge[] = [];
  walkSpec('flow', spec, ({ path, node, value }) => {
    if (node['x-edge'] !== true || typeof value !== 'string' || path[0] !== 'blocks' || path.length < 3) return;
    edges.push({ from: String(path[1]), edge: path.slice(2).join('.'), target: value, path });
  });
  return edges;
}

function isObject(value: JsonValue | undefined): value is FlowBlockValue {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
