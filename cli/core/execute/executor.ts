/**
 * Runs a plan's steps through a port. A step starts as soon as every step it depends on has been
 * applied, at most `parallelism` at a time, in plan order among the ready ones. A failed step does
 * not stop independent branches; its dependents are skipped (so are those of a create whose
 * outcome is unknown). Once the signal aborts, no new step
 * starts and the steps in flight finish. Every step ends in exactly one state.
 */
import { ConectaError, isOutcomeUnknown } from '../errors.js';
import type { Plan } from '../plan/types.js';
import type { ApplyResult, ExecutableChange, ExecutionOptions, ExecutionPort, StepResult } from './types.js';

export async function executePlan(plan: Pick<Plan, 'changes'> | { changes: readonly ExecutableChange[] }, port: ExecutionPort, options: ExecutionOptions): Promise<ApplyResult> {
  const changes: readonly ExecutableChange[] = plan.changes;
  assertExecutable(changes);
  const parallelism = Math.max(1, Math.floor(options.parallelism));
  const emit = options.onEvent ?? (() => undefined);
  const startedAt = port.now();

  const results: (StepResult | undefined)[] = changes.map(() => undefined);
  /** Vendor ids of objects created during this run, by address: later steps of the same object use them. */
  const createdIds = new Map<string, string>();
  const indexById = new Map(changes.map((change, index) => [change.id, index]));
  const dependents: number[][] = changes.map(() => []);
  const unmetDependencies = changes.map((change, index) => {
    const dependencies = new Set(change.dependsOn);
    for (const id of dependencies) dependents[indexById.get(id) as number]!.push(index);
    return dependencies.size;
  });
  /** Steps whose dependencies were all applied, in plan order. */
  const ready = changes.flatMap((_, index) => (unmetDependencies[index] === 0 ? [index] : []));
  const inFlight = new Set<Promise<void>>();

  const finish = (index: number, step: StepResult) => {
    results[index] = step;
    emit({ type: 'step-finished', step });
  };
  const release = (index: number) => {
    for (const dependent of dependents[index]!) {
      unmetDependencies[dependent]! -= 1;
      if (unmetDependencies[dependent] === 0) insertSorted(ready, dependent);
    }
  };
  /** Skips every step that depends, directly or not, on the failed step `index`. */
  const skipDependents = (index: number) => {
    const cause = changes[index]!.id;
    const stack = [...dependents[index]!];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (results[next] !== undefined) continue;
      finish(next, { ...describe(changes[next]!), status: 'skipped', skippedBecause: cause });
      stack.push(...dependents[next]!);
    }
  };

  const run = async (index: number) => {
    const change = changes[index]!;
    emit({ type: 'step-started', id: change.id, address: change.address, action: change.action, level: change.level });
    const began = port.now();
    let step: StepResult;
    try {
      const liveId = await applyChange(change, port, createdIds);
      step = { ...describe(change), status: 'applied', liveId, durationMs: port.now() - began };
    } catch (error) {
      step = { ...describe(change), status: isOutcomeUnknown(error) ? 'unknown' : 'failed', durationMs: port.now() - began, error: describeError(error) };
    }
    finish(index, step);
    if (step.status === 'applied') release(index);
    else skipDependents(index);
  };

  for (;;) {
    while (options.signal?.aborted !== true && inFlight.size < parallelism && ready.length > 0) {
      const task: Promise<void> = run(ready.shift() as number).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  changes.forEach((change, index) => {
    if (results[index] === undefined) finish(index, { ...describe(change), status: 'not-started' });
  });

  const steps = results as StepResult[];
  return {
    steps,
    counts: {
      applied: steps.filter((step) => step.status === 'applied').length,
      failed: steps.filter((step) => step.status === 'failed').length,
      unknown: steps.filter((step) => step.status === 'unknown').length,
      skipped: steps.filter((step) => step.status === 'skipped').length,
      notStarted: steps.filter((step) => step.status === 'not-started').length,
    },
    isInterrupted: options.signal?.aborted === true,
    durationMs: port.now() - startedAt,
  };
}

async function applyChange(change: ExecutableChange, port: ExecutionPort, createdIds: Map<string, string>): Promise<string | undefined> {
  if (change.action === 'create') {
    const created = await port.create(change.kind, requireSpec(change));
    createdIds.set(change.address, created.id);
    return created.id;
  }
  const id = change.liveId ?? createdIds.get(change.address);
  if (id === undefined) throw new ConectaError('APPLY_MISSING_ID', `${change.address} has no id to ${change.action}: the step that creates it did not run in this apply.`);
  if (change.action === 'update') await port.update(change.kind, id, requireSpec(change));
  else await port.delete(change.kind, id);
  return id;
}

function requireSpec(change: ExecutableChange) {
  if (change.after === undefined) throw new ConectaError('APPLY_MISSING_SPEC', `${change.address}: the plan has no spec to ${change.action}.`);
  return change.after;
}

function insertSorted(values: number[], value: number): void {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  values.splice(low, 0, value);
}

function describe(change: ExecutableChange): Omit<StepResult, 'status'> {
  return {
    id: change.id,
    address: change.address,
    kind: change.kind,
    name: change.name,
    action: change.action,
    ...(change.phase === undefined ? {} : { phase: change.phase }),
    level: change.level,
  };
}

function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ConectaError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'APPLY_STEP_FAILED', message: error.message };
  return { code: 'APPLY_STEP_FAILED', message: String(error) };
}

/** Rejects plans whose steps name unknown or duplicate ids, or depend on each other in a cycle. */
function assertExecutable(changes: readonly ExecutableChange[]): void {
  const ids = new Set<string>();
  for (const change of changes) {
    if (ids.has(change.id)) throw new Error(`plan has two steps with id ${change.id}`);
    ids.add(change.id);
  }
  const pending = new Map(changes.map((change) => [change.id, change]));
  for (const change of changes) {
    const unknown = change.dependsOn.find((id) => !ids.has(id));
    if (unknown !== undefined) throw new Error(`step ${change.id} depends on ${unknown}, which is not in the plan`);
  }
  let hasProgress = true;
  while (pending.size > 0 && hasProgress) {
    hasProgress = false;
    for (const [id, change] of pending) {
      if (change.dependsOn.some((dependency) => pending.has(dependency))) continue;
      pending.delete(id);
      hasProgress = true;
    }
  }
  if (pending.size > 0) throw new Error(`plan steps depend on each other in a cycle: ${[...pending.keys()].join(', ')}`);
}
