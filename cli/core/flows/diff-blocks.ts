/**
 * A flow's change block by block: blocks added and removed, block fields changed, edges (the
 * fields the schema marks `x-edge`) rewired, and the start block moved, so reviewers see the
 * diagram change rather than one blob of JSON. Sensitive values (HTTP header values) are flagged
 * and never copied into the result.
 */
import { walkSpec, type SpecPath } from '../kinds/schema-walk.js';
import { isJsonObject, type JsonValue, type Spec } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';
import type { FieldChange, FlowBlockChanges } from '../plan/types.js';
import { isSensitivePath } from '../diff/diff-fields.js';
import { listFlowEdges, readFlowBlocks, type FlowBlockValue } from './flow-graph.js';

interface SideIndex {
  blocks: Map<string, FlowBlockValue>;
  /** Edge targets by block id, then by dotted edge path (`options.1.next`). */
  edges: Map<string, Map<string, string>>;
  /** Dotted paths relative to their block, by block id. */
  sensitive: Map<string, string[]>;
  text: Map<string, Set<string>>;
}

export function diffFlowBlocks(before?: Spec, after?: Spec): FlowBlockChanges {
  const old = indexSide(before);
  const next = indexSide(after);
  const changes: FlowBlockChanges = { added: [], removed: [], changed: [], rewired: [] };
  for (const id of next.blocks.keys()) if (!old.blocks.has(id)) changes.added.push(id);
  for (const id of old.blocks.keys()) if (!next.blocks.has(id)) changes.removed.push(id);
  for (const [id, afterBlock] of next.blocks) {
    const beforeBlock = old.blocks.get(id);
    if (!beforeBlock) continue;
    const beforeEdges = old.edges.get(id) ?? new Map<string, string>();
    const afterEdges = next.edges.get(id) ?? new Map<string, string>();
    const flags = {
      sensitive: [...(old.sensitive.get(id) ?? []), ...(next.sensitive.get(id) ?? [])],
      text: new Set([...(old.text.get(id) ?? []), ...(next.text.get(id) ?? [])]),
    };
    const fields: FieldChange[] = [];
    compareValues(stripEdges(beforeBlock, beforeEdges.keys()), stripEdges(afterBlock, afterEdges.keys()), [], flags, fields);
    if (fields.length > 0) changes.changed.push({ id, fields });
    for (const edge of unionKeys(afterEdges, beforeEdges)) {
      if (beforeEdges.get(edge) === afterEdges.get(edge)) continue;
      const rewired: FlowBlockChanges['rewired'][number] = { id, edge };
      if (beforeEdges.has(edge)) rewired.before = beforeEdges.get(edge) as string;
      if (afterEdges.has(edge)) rewired.after = afterEdges.get(edge) as string;
      changes.rewired.push(rewired);
    }
  }
  const beforeStart = typeof before?.start === 'string' ? before.start : undefined;
  const afterStart = typeof after?.start === 'string' ? after.start : undefined;
  if (before && after && beforeStart !== afterStart) {
    changes.start = {};
    if (beforeStart !== undefined) changes.start.before = beforeStart;
    if (afterStart !== undefined) changes.start.after = afterStart;
  }
  return changes;
}

function indexSide(spec: Spec | undefined): SideIndex {
  const side: SideIndex = { blocks: new Map(readFlowBlocks(spec)), edges: new Map(), sensitive: new Map(), text: new Map() };
  if (!spec) return side;
  for (const edge of listFlowEdges(spec)) {
    if (!side.edges.has(edge.from)) side.edges.set(edge.from, new Map());
    side.edges.get(edge.from)?.set(edge.edge, edge.target);
  }
  walkSpec('flow', spec, ({ path, node }) => {
    if (path[0] !== 'blocks' || path.length < 3) return;
    const id = String(path[1]);
    const relative = path.slice(2).join('.');
    if (node['x-sensitive'] === true) side.sensitive.set(id, [...(side.sensitive.get(id) ?? []), relative]);
    if (node['x-text'] === true) side.text.set(id, new Set([...(side.text.get(id) ?? []), relative]));
  });
  return side;
}

/** A copy of the block without its edges, which are reported as rewired instead. */
function stripEdges(block: FlowBlockValue, edges: Iterable<string>): FlowBlockValue {
  const copy = structuredClone(block);
  for (const edge of edges) removePath(copy, edge.split('.'));
  return copy;
}

function removePath(value: JsonValue, path: SpecPath): void {
  const [head, ...rest] = path;
  if (head === undefined || value === null || typeof value !== 'object') return;
  const container = value as Record<string, JsonValue>;
  if (rest.length === 0) {
    if (!Array.isArray(value)) delete container[head];
    return;
  }
  const child = container[head];
  if (child !== undefined) removePath(child, rest);
}

interface Flags {
  sensitive: string[];
  text: Set<string>;
}

/** Objects are compared key by key and lists item by item (`options.1.label`); anything else whole. */
function compareValues(before: JsonValue | undefined, after: JsonValue | undefined, path: string[], flags: Flags, out: FieldChange[]): void {
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const key of unionKeys(new Map(Object.entries(after)), new Map(Object.entries(before)))) compareValues(before[key], after[key], [...path, key], flags, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) compareValues(before[index], after[index], [...path, String(index)], flags, out);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (before !== undefined && after !== undefined && canonicalJson(before) === canonicalJson(after)) return;
  const field: FieldChange = { path: path.join('.') };
  if (isSensitivePath(field.path, flags.sensitive)) {
    field.isSensitive = true;
  } else {
    if (before !== undefined) field.before = before;
    if (after !== undefined) field.after = after;
    if (flags.text.has(field.path) || isMultiline(before) || isMultiline(after)) field.isText = true;
  }
  out.push(field);
}

function unionKeys<T>(first: Map<string, T>, second: Map<string, T>): string[] {
  const keys = [...first.keys()];
  for (const key of second.keys()) if (!first.has(key)) keys.push(key);
  return keys;
}


function isMultiline(value: JsonValue | undefined): boolean {
  return typeof value === 'string' && value.includes('\n');
}
