/**
 * Graph checks of one flow, run after schema validation: the start block exists, every edge names
 * a block, required edges are present, every block is reachable, every path reaches a block that
 * ends the flow, no loop spins without waiting for the contact, and menu keys are unique.
 * References to teams, schedule groups, tabulations and flows are checked by the generic
 * reference check (`x-ref`), not here. Codes are documented in docs/flows.md.
 *
 * Each diagnostic carries `file`, `line` and `column` of the flow (its origin) and `pointer`, the
 * JSON pointer of the value inside that file (`/flows/0/blocks/menu/options/1/next`): the origin's
 * pointer extended by the path in the flow. The config loader turns the pointer into the exact
 * line and column, with a code frame.
 */
import type { ErrorCode } from '../error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { getDefinition, resolveSchemaNode, type SchemaNode, type SpecPath } from '../kinds/schema-walk.js';
import type { DesiredResource, JsonValue } from '../model/resource.js';
import { createResourceDiagnostic } from '../config/resource-diagnostic.js';
import { suggestClosest } from '../config/suggest.js';
import { findCycles, findReachable } from '../graph.js';
import { isTerminalBlockType, isWaitingBlockType, readFlowGraph, type FlowEdge, type FlowGraph } from './flow-graph.js';

export function checkFlowGraph(resource: DesiredResource): Diagnostic[] {
  const graph = readFlowGraph(resource.spec);
  const report = createReporter(resource);
  const ids = new Set(graph.blocks.map((block) => block.id));

  if (graph.start !== undefined && !ids.has(graph.start)) {
    const closest = suggestClosest(graph.start, ids);
    report('FLOW_START_MISSING', 'error', ['start'], `The start block \`${graph.start}\` does not exist.`, closest ? `Did you mean \`${closest}\`?` : 'Set `start` to the id of a block under `blocks`.');
  }
  for (const edge of graph.edges) {
    if (ids.has(edge.target)) continue;
    const closest = suggestClosest(edge.target, ids);
    report('FLOW_EDGE_TARGET_MISSING', 'error', edge.path, `Block \`${edge.from}\`: \`${edge.edge}\` leads to \`${edge.target}\`, which is not a block of this flow.`, closest ? `Did you mean \`${closest}\`?` : 'Name a block under `blocks`, or add the block.');
  }
  const deadEnds = new Set<string>();
  for (const { id, type, block } of graph.blocks) {
    const branch = findBlockSchema(type);
    if (!branch) continue;
    for (const path of findMissingEdges(branch, block, [])) {
      deadEnds.add(id);
      report('FLOW_EDGE_MISSING', 'error', ['blocks', id, ...path], `Block \`${id}\` (${type}) has no \`${path.join('.')}\`: the contact would be stuck there.`, 'Name the block that follows.');
    }
  }
  checkMenuKeys(graph, report);
  checkLoopsWithoutWait(graph, ids, report);
  if (graph.start === undefined || !ids.has(graph.start)) return report.diagnostics;

  const reachable = collectReachable(graph, graph.start);
  checkPathsToTerminal(graph, ids, deadEnds, reachable, report);
  for (const { id } of graph.blocks) {
    if (reachable.has(id)) continue;
    report('FLOW_BLOCK_UNREACHABLE', 'warning', ['blocks', id], `Block \`${id}\` cannot be reached from the start block \`${graph.start}\`.`, 'Connect it with an edge, or remove it.');
  }
  return report.diagnostics;
}

type Report = ((code: ErrorCode, severity: Diagnostic['severity'], path: SpecPath, message: string, hint: string) => void) & { diagnostics: Diagnostic[] };

function createReporter(resource: DesiredResource): Report {
  const diagnostics: Diagnostic[] = [];
  const report = (code: ErrorCode, severity: Diagnostic['severity'], path: SpecPath, message: string, hint: string) => {
    diagnostics.push(createResourceDiagnostic(resource, { code, severity, path, message: `Flow "${resource.name}": ${message}`, hint }));
  };
  return Object.assign(report, { diagnostics });
}

/** The `FlowBlock` branch whose `type` constant is `type`. */
function findBlockSchema(type: string): SchemaNode | undefined {
  return (getDefinition('FlowBlock').oneOf ?? []).map(resolveSchemaNode).find((branch) => branch.properties?.type?.const === type);
}

/** Paths (relative to `value`) of required edges that are absent, nested lists included. */
function findMissingEdges(node: SchemaNode, value: JsonValue, path: SpecPath): SpecPath[] {
  const schema = resolveSchemaNode(node);
  if (Array.isArray(value)) return schema.items ? value.flatMap((item, index) => findMissingEdges(schema.items as SchemaNode, item, [...path, index])) : [];
  if (value === null || typeof value !== 'object') return [];
  const missing: SpecPath[] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const childValue = value[key];
    if (childValue === undefined) {
      if (schema.required?.includes(key) && resolveSchemaNode(child)['x-edge'] === true) missing.push([...path, key]);
    } else {
      missing.push(...findMissingEdges(child, childValue, [...path, key]));
    }
  }
  return missing;
}

function checkMenuKeys(graph: FlowGraph, report: Report): void {
  for (const { id, type, block } of graph.blocks) {
    if (type !== 'menu' || !Array.isArray(block.options)) continue;
    const seen = new Map<string, number>();
    block.options.forEach((option, index) => {
      if (option === null || typeof option !== 'object' || Array.isArray(option) || option.key === undefined) return;
      const key = String(option.key);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else report('FLOW_MENU_KEY_DUPLICATE', 'error', ['blocks', id, 'options', index, 'key'], `Menu \`${id}\`: key "${key}" is used by option ${first + 1} and option ${index + 1}.`, 'Give each option of a menu its own key.');
    });
  }
}

/** A cycle through blocks that never wait (no menu, input or rating) would spin forever. */
function checkLoopsWithoutWait(graph: FlowGraph, ids: Set<string>, report: Report): void {
  const types = new Map(graph.blocks.map((block) => [block.id, block.type]));
  const edges = graph.edges.filter((edge) => ids.has(edge.target) && !isWaitingBlockType(types.get(edge.from) ?? '') && !isWaitingBlockType(types.get(edge.target) ?? ''));
  const position = new Map(graph.blocks.map((block, index) => [block.id, index]));
  const components = findCycles(graph.blocks.length, listSuccessors(graph.blocks.length, edges, position))
    .map((component) => component.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
  const leaving = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    const list = leaving.get(edge.from);
    if (list) list.push(edge);
    else leaving.set(edge.from, [edge]);
  }
  for (const component of components) {
    const cycle = findCycle(component.map((index) => graph.blocks[index]!.id), leaving);
    if (!cycle) continue;
    const names = [...cycle.map((edge) => edge.from), cycle[0]?.from].map((id) => `\`${id}\``).join(' → ');
    const closing = cycle[cycle.length - 1] as FlowEdge;
    report('FLOW_LOOP_WITHOUT_WAIT', 'error', closing.path, `Blocks ${names} form a loop that never waits for the contact (no menu, input or rating on it): the flow would run in circles.`, 'Break the loop, or put a menu, input or rating block on it.');
  }
}

/** Successor lists by block position, for edges between blocks that exist. */
function listSuccessors(count: number, edges: readonly FlowEdge[], position: ReadonlyMap<string, number>): number[][] {
  const successors: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.target);
    if (from !== undefined && to !== undefined) successors[from]!.push(to);
  }
  return successors;
}

/** A cycle inside one component, from its first block back to it (breadth-first: the shortest). */
function findCycle(component: readonly string[], leaving: ReadonlyMap<string, readonly FlowEdge[]>): FlowEdge[] | undefined {
  const members = new Set(component);
  const first = component[0] as string;
  const cameBy = new Map<string, FlowEdge>();
  const queue = [first];
  for (let position = 0; position < queue.length; position += 1) {
    const node = queue[position] as string;
    for (const edge of leaving.get(node) ?? []) {
      if (!members.has(edge.target)) continue;
      if (edge.target === first) {
        const cycle = [edge];
        for (let step = cameBy.get(edge.from); step; step = cameBy.get(step.from)) cycle.unshift(step);
        return cycle;
      }
      if (cameBy.has(edge.target)) continue;
      cameBy.set(edge.target, edge);
      queue.push(edge.target);
    }
  }
  return undefined;
}

function collectReachable(graph: FlowGraph, start: string): Set<string> {
  const position = new Map(graph.blocks.map((block, index) => [block.id, index]));
  const startIndex = position.get(start);
  if (startIndex === undefined) return new Set([start]);
  const reachable = findReachable(startIndex, listSuccessors(graph.blocks.length, graph.edges, position));
  return new Set([...reachable].map((index) => graph.blocks[index]!.id));
}

/**
 * Blocks from which no path reaches a terminal block. Problems already reported (a missing edge
 * or target, an unknown type) count as exits so that one mistake gives one diagnostic. Reported
 * once where the contact enters such a region: the start block, or a block entered from outside.
 */
function checkPathsToTerminal(graph: FlowGraph, ids: Set<string>, deadEnds: Set<string>, reachable: Set<string>, report: Report): void {
  const entering = new Map<string, FlowEdge[]>();
  const hasMissingTarget = new Set<string>();
  for (const edge of graph.edges) {
    if (!ids.has(edge.target)) hasMissingTarget.add(edge.from);
    const list = entering.get(edge.target);
    if (list) list.push(edge);
    else entering.set(edge.target, [edge]);
  }
  const canExit = new Set<string>();
  for (const { id, type } of graph.blocks) {
    if (isTerminalBlockType(type) || !findBlockSchema(type) || deadEnds.has(id) || hasMissingTarget.has(id)) canExit.add(id);
  }
  // Backwards from the exits: a block can exit when one of its edges leads to a block that can.
  const queue = [...canExit];
  for (let position = 0; position < queue.length; position += 1) {
    for (const edge of entering.get(queue[position]!) ?? []) {
      if (canExit.has(edge.from)) continue;
      canExit.add(edge.from);
      queue.push(edge.from);
    }
  }
  for (const { id } of graph.blocks) {
    if (!reachable.has(id) || canExit.has(id)) continue;
    const isEntered = id === graph.start || (entering.get(id) ?? []).some((edge) => reachable.has(edge.from) && canExit.has(edge.from));
    if (!isEntered) continue;
    report('FLOW_NO_TERMINAL', 'error', ['blocks', id], `No path from block \`${id}\` reaches a block that ends the flow (transfer, end or gotoFlow): the contact could never leave.`, 'Add an option or edge that leads to a transfer, end or gotoFlow block.');
  }
}
