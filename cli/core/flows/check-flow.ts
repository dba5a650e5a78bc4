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
  for (const component of findStronglyConnected(graph.blocks.map((block) => block.id), edges)) {
    const cycle = findCycle(component, edges);
    if (!cycle) continue;
    const names = [...cycle.map((edge) => edge.from), cycle[0]?.from].map((id) => `\`${id}\``).join(' → ');
    const closing = cycle[cycle.length - 1] as FlowEdge;
    report('FLOW_LOOP_WITHOUT_WAIT', 'error', closing.path, `Blocks ${names} form a loop that never waits for the contact (no menu, input or rating on it): the flow would run in circles.`, 'Break the loop, or put a menu, input or rating block on it.');
  }
}

/** Tarjan's algorithm; components in the order of their first block. */
function findStronglyConnected(nodes: readonly string[], edges: readonly FlowEdge[]): string[][] {
  const successors = new Map<string, string[]>(nodes.map((node) => [node, []]));
  for (const edge of edges) successors.get(edge.from)?.push(edge.target);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of successors.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) as number, lowLink.get(next) as number));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) as number, index.get(next) as number));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  const order = new Map(nodes.map((node, position) => [node, position]));
  return components
    .map((component) => component.sort((a, b) => (order.get(a) as number) - (order.get(b) as number)))
    .sort((a, b) => (order.get(a[0] as string) as number) - (order.get(b[0] as string) as number));
}

/** A cycle inside one component, from its first block back to it (breadth-first: the shortest). */
function findCycle(component: readonly string[], edges: readonly FlowEdge[]): FlowEdge[] | undefined {
  const members = new Set(component);
  const first = component[0] as string;
  const inside = edges.filter((edge) => members.has(edge.from) && members.has(edge.target));
  const cameBy = new Map<string, FlowEdge>();
  const queue = [first];
  for (let position = 0; position < queue.length; position += 1) {
    const node = queue[position] as string;
    for (const edge of inside.filter((candidate) => candidate.from === node)) {
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
  const reachable = new Set([start]);
  const queue = [start];
  for (let position = 0; position < queue.length; position += 1) {
    for (const edge of graph.edges) {
      if (edge.from !== queue[position] || reachable.has(edge.target)) continue;
      reachable.add(edge.target);
      queue.push(edge.target);
    }
  }
  return reachable;
}

/**
 * Blocks from which no path reaches a terminal block. Problems already reported (a missing edge
 * or target, an unknown type) count as exits so that one mistake gives one diagnostic. Reported
 * once where the contact enters such a region: the start block, or a block entered from outside.
 */
function checkPathsToTerminal(graph: FlowGraph, ids: Set<string>, deadEnds: Set<string>, reachable: Set<string>, report: Report): void {
  const canExit = new Set<string>();
  for (const { id, type } of graph.blocks) {
    const hasMissingTarget = graph.edges.some((edge) => edge.from === id && !ids.has(edge.target));
    if (isTerminalBlockType(type) || !findBlockSchema(type) || deadEnds.has(id) || hasMissingTarget) canExit.add(id);
  }
  for (let isGrowing = true; isGrowing;) {
    isGrowing = false;
    for (const edge of graph.edges) {
      if (canExit.has(edge.from) || !canExit.has(edge.target)) continue;
      canExit.add(edge.from);
      isGrowing = true;
    }
  }
  for (const { id } of graph.blocks) {
    if (!reachable.has(id) || canExit.has(id)) continue;
    const isEntered = id === graph.start || graph.edges.some((edge) => edge.target === id && reachable.has(edge.from) && canExit.has(edge.from));
    if (!isEntered) continue;
    report('FLOW_NO_TERMINAL', 'error', ['blocks', id], `No path from block \`${id}\` reaches a block that ends the flow (transfer, end or gotoFlow): the contact could never leave.`, 'Add an option or edge that leads to a transfer, end or gotoFlow block.');
  }
}
