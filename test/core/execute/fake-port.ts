/**
 * An in-memory execution port for executor tests: it keeps objects by id, logs every call's start
 * and end, fails the addresses it is told to, and lets each call take a given number of ticks.
 */
import type { Kind, Spec } from '../../../cli/core/model/resource.js';
import type { ExecutionPort } from '../../../cli/core/execute/types.js';
import { RemoteError } from '../../../cli/core/errors.js';

export interface FakeCall {
  method: 'create' | 'update' | 'delete';
  kind: Kind;
  name: string;
  id?: string;
  phase: 'start' | 'end';
}

export interface FakePortOptions {
  /** Names (spec.name, or the id for deletes) whose calls fail with a 422. */
  failing?: Set<string>;
  /** How many macrotask ticks a call takes, by name; 0 when absent. */
  ticks?: (name: string) => number;
  /** Objects present before the run, id → spec. */
  objects?: Map<string, Spec>;
}

export interface FakePort extends ExecutionPort {
  calls: FakeCall[];
  objects: Map<string, Spec>;
  /** The most calls that were in flight at the same time. */
  maxConcurrent(): number;
}

export function createFakePort(options: FakePortOptions = {}): FakePort {
  const calls: FakeCall[] = [];
  const objects = options.objects ?? new Map<string, Spec>();
  let clock = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  let nextId = 1;

  const perform = async <T>(method: FakeCall['method'], kind: Kind, name: string, id: string | undefined, effect: () => T): Promise<T> => {
    calls.push({ method, kind, name, id, phase: 'start' });
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    try {
      for (let tick = 0; tick < (options.ticks?.(name) ?? 0); tick += 1) await new Promise((resolve) => setImmediate(resolve));
      clock += 10;
      if (options.failing?.has(name)) throw new RemoteError({ method: 'POST', path: `/api/v4/${kind}`, status: 422, vendorMessage: `${name} is not valid` });
      return effect();
    } finally {
      concurrent -= 1;
      calls.push({ method, kind, name, id, phase: 'end' });
    }
  };

  return {
    calls,
    objects,
    maxConcurrent: () => maxConcurrent,
    now: () => clock,
    create: (kind, spec) => perform('create', kind, String(spec.name), undefined, () => {
      const id = `id-${nextId++}`;
      objects.set(id, spec);
      return { id };
    }),
    update: (kind, id, spec) => perform('update', kind, String(spec.name), id, () => {
      if (!objects.has(id)) throw new Error(`no object ${id}`);
      objects.set(id, spec);
      return { id };
    }),
    delete: (kind, id) => perform('delete', kind, String(objects.get(id)?.name ?? id), id, () => {
      objects.delete(id);
    }),
  };
}
