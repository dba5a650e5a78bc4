/**
 * Dependency order over individual objects. An edge says "this step waits for that one": a
 * create or update waits for the creates (and renames) of what it refers to; a delete waits for
 * the deletes and updates that remove references to the object. Kind order only breaks ties.
 * A reference cycle is broken on one side: that object is written without its deferrable
 * references and a later `#references` step sets them (or, for deletes, removes them first).
 */
import { diffFields } from '../diff/diff-fields.js';
import { PlanError } from '../errors.js';
import { compareKinds } from '../kinds/registry.js';
import type { Reference, SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue, Spec } from '../model/resource.js';
import { findCycles } from '../graph.js';
import { REFERENCE_CYCLE_CODE } from './find-unbreakable-cycles.js';
import type { Change } from './types.js';
import { compareText } from '../compare-text.js';

export interface DependencyEdge {
  /** Index of the step that waits. */
  from: number;
  /** Index of the step it waits for. */
  to: number;
  /** Index of the step whose spec holds the reference: the one split when a cycle is broken. */
  owner: number;
  /** The reference behind the edge; absent for edges that only order names (a rename before a create of the old name). */
  reference?: Reference;
}

/** "Step `waiting` runs after step `awaited`", by index into the steps. */
interface StepLink {
  waiting: number;
  awaited: number;
}

/** Returns the steps with `dependsOn` and `level` set, sorted by level, kind order and name. */
export function orderChanges(changes: readonly Change[], edges: readonly DependencyEdge[]): Change[] {
  const moved = breakCycles(changes, edges);
  const steps = changes.map((change) => ({ ...change }));
  const splitStep = new Map<number, number>();
  const links: StepLink[] = [];
  for (const [owner, ownerEdges] of moved) {
    const index = steps.length;
    steps.push(splitChange(steps[owner]!, ownerEdges.map((edge) => edge.reference!.path)));
    splitStep.set(owner, index);
    if (changes[owner]!.action === 'delete') links.push({ waiting: owner, awaited: index });
    else links.push({ waiting: index, awaited: owner });
  }
  for (const edge of edges) {
    const split = moved.has(edge.owner) && moved.get(edge.owner)!.includes(edge) ? splitStep.get(edge.owner)! : undefined;
    if (split === undefined) links.push({ waiting: edge.from, awaited: edge.to });
    else if (changes[edge.owner]!.action === 'delete') links.push({ waiting: edge.from, awaited: split });
    else links.push({ waiting: split, awaited: edge.to });
  }
  assignLevels(steps, links);
  return steps.sort(compareSteps);
}

function breakCycles(changes: readonly Change[], edges: readonly DependencyEdge[]): Map<number, DependencyEdge[]> {
  const moved = new Map<number, DependencyEdge[]>();
  const cycles = findCycles(changes.length, buildSuccessors(changes.length, edges));
  for (const component of cycles) {
    const members = new Set(component);
    let residual = edges.filter((edge) => members.has(edge.from) && members.has(edge.to));
    const owners = [...component].sort((a, b) => compareSteps(changes[a]!, changes[b]!));
    let isBroken = false;
    for (const owner of owners) {
      const movable = residual.filter((edge) => edge.owner === owner && edge.reference?.isDeferrable === true);
      if (movable.length === 0) continue;
      residual = residual.filter((edge) => !movable.includes(edge));
      moved.set(owner, [...(moved.get(owner) ?? []), ...movable]);
      if (!hasCycle(component, residual)) {
        isBroken = true;
        break;
      }
    }
    if (!isBroken) throw unbreakableCycle(component.map((index) => changes[index]!));
  }
  return moved;
}

function hasCycle(component: readonly number[], edges: readonly DependencyEdge[]): boolean {
  const local = new Map(component.map((node, index) => [node, index]));
  const successors: number[][] = component.map(() => []);
  for (const edge of edges) successors[local.get(edge.from)!]!.push(local.get(edge.to)!);
  return findCycles(component.length, successors).length > 0;
}

function buildSuccessors(count: number, edges: readonly DependencyEdge[]): number[][] {
  const successors: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) if (!successors[edge.from]!.includes(edge.to)) successors[edge.from]!.push(edge.to);
  return successors;
}

function unbreakableCycle(changes: readonly Change[]): PlanError {
  const addresses = [...changes].sort(compareSteps).map((change) => change.address);
  return new PlanError(REFERENCE_CYCLE_CODE, `${addresses.join(', ')} refer to each other in a cycle that no order can apply: none of these references can be set in a later step.`, {
    hint: 'Remove one of these references from the config (or from the tenant), then plan again.',
  });
}

/** The second step of a broken cycle (creates, updates) or the first (deletes). */
function splitChange(change: Change, paths: readonly SpecPath[]): Change {
  const base = { id: `${change.id}#references`, address: change.address, kind: change.kind, name: change.name, action: 'update' as const, dependsOn: [], level: 0, consent: [] };
  const liveId = change.liveId === undefined ? {} : { liveId: change.liveId };
  if (change.action === 'delete') {
    const before = change.before!;
    const after = removeReferences(before, paths);
    return { ...base, ...liveId, phase: 'remove-references-before-delete', before, after, fields: diffFields(change.kind, before, after) };
  }
  const full = change.after!;
  const reduced = removeReferences(full, paths);
  change.after = reduced;
  // A create lists only the fields the config sets (not every server default filled into `after`).
  const listed = new Set(change.fields.map((field) => field.path));
  change.fields = diffFields(change.kind, change.before, reduced).filter((field) => change.action !== 'create' || listed.has(field.path));
  if (change.action === 'create') change.phase = 'create-without-deferred-references';
  return { ...base, ...liveId, phase: 'set-deferred-references', before: reduced, after: full, fields: diffFields(change.kind, reduced, full) };
}

/** Leaves the references at `paths` out: list items are dropped, other fields removed whole. */
export function removeReferences(spec: Spec, paths: readonly SpecPath[]): Spec {
  const result: Spec = { ...spec };
  const dropped = new Map<string, Set<number>>();
  for (const path of paths) {
    const field = String(path[0]);
    const value = result[field];
    if (path.length === 2 && typeof path[1] === 'number' && Array.isArray(value)) {
      const indexes = dropped.get(field) ?? new Set<number>();
      indexes.add(path[1]);
      dropped.set(field, indexes);
    } else {
      delete result[field];
    }
  }
  for (const [field, indexes] of dropped) {
    const value = result[field];
    if (Array.isArray(value)) result[field] = value.filter((_item: JsonValue, index: number) => !indexes.has(index));
  }
  return result;
}

function assignLevels(steps: Change[], links: readonly StepLink[]): void {
  const dependencies: Set<number>[] = steps.map(() => new Set<number>());
  const dependents: number[][] = steps.map(() => []);
  for (const { waiting, awaited } of links) {
    if (waiting === awaited || dependencies[waiting]!.has(awaited)) continue;
    dependencies[waiting]!.add(awaited);
    dependents[awaited]!.push(waiting);
  }
  const remaining = dependencies.map((set) => set.size);
  const levels = new Array<number>(steps.length).fill(0);
  const queue = steps.map((_step, index) => index).filter((index) => remaining[index] === 0);
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    for (const dependent of dependents[node]!) {
      levels[dependent] = Math.max(levels[dependent]!, levels[node]! + 1);
      remaining[dependent]! -= 1;
      if (remaining[dependent] === 0) queue.push(dependent);
    }
  }
  if (queue.length !== steps.length) throw new Error('orderChanges: a dependency cycle was left unbroken');
  steps.forEach((step, index) => {
    step.level = levels[index]!;
    step.dependsOn = [...dependencies[index]!].map((dependency) => steps[dependency]!.id).sort();
  });
}

function compareSteps(a: Change, b: Change): number {
  return (a.level - b.level) || compareKinds(a.kind, b.kind) || compareText(a.name, b.name) || compareText(a.id, b.id);
}
