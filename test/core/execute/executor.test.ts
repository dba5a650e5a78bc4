import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { executePlan } from '../../../cli/core/execute/executor.js';
import type { ExecutableChange, ExecutionEvent } from '../../../cli/core/execute/types.js';
import type { Kind } from '../../../cli/core/model/resource.js';
import { createFakePort } from './fake-port.js';

function step(name: string, options: Partial<ExecutableChange> & { kind?: Kind } = {}): ExecutableChange {
  const kind = options.kind ?? 'team';
  const action = options.action ?? 'create';
  return {
    id: options.id ?? `${kind}.${name}`,
    address: `${kind}.${name}`,
    kind,
    name,
    action,
    level: options.level ?? 0,
    dependsOn: options.dependsOn ?? [],
    ...(options.liveId === undefined ? {} : { liveId: options.liveId }),
    ...(options.phase === undefined ? {} : { phase: options.phase }),
    ...(action === 'delete' ? {} : { after: options.after ?? { name } }),
  };
}

describe('executePlan', () => {
  it('applies every step of a plan and reports each as applied with its duration', async () => {
    const port = createFakePort();
    const result = await executePlan({ changes: [step('A'), step('B', { kind: 'tabulation' })] }, port, { parallelism: 8 });
    expect(result.counts).toEqual({ applied: 2, failed: 0, unknown: 0, skipped: 0, notStarted: 0 });
    expect(result.steps.map((s) => [s.address, s.status, s.liveId])).toEqual([['team.A', 'applied', 'id-1'], ['tabulation.B', 'applied', 'id-2']]);
    expect(result.steps.every((s) => typeof s.durationMs === 'number')).toBe(true);
    expect(result.isInterrupted).toBe(false);
  });

  it('starts a dependent only after its dependency was applied', async () => {
    const port = createFakePort({ ticks: (name) => (name === 'T' ? 5 : 0) });
    await executePlan({ changes: [step('T', { kind: 'tabulation' }), step('S', { dependsOn: ['tabulation.T'], level: 1 })] }, port, { parallelism: 8 });
    const order = port.calls.map((c) => `${c.phase}:${c.name}`);
    expect(order).toEqual(['start:T', 'end:T', 'start:S', 'end:S']);
  });

  it('writes the deferred references of an object created earlier in the run with the id the create returned', async () => {
    const port = createFakePort();
    const changes = [
      step('Main', { kind: 'flow', phase: 'create-without-deferred-references', after: { name: 'Main' } }),
      step('Main', { kind: 'flow', id: 'flow.Main#references', action: 'update', phase: 'set-deferred-references', dependsOn: ['flow.Main'], level: 1, after: { name: 'Main', next: 'Other' } }),
    ];
    const result = await executePlan({ changes }, port, { parallelism: 8 });
    expect(result.steps.map((s) => s.status)).toEqual(['applied', 'applied']);
    expect(port.calls.find((c) => c.method === 'update')?.id).toBe('id-1');
    expect(port.objects.get('id-1')).toEqual({ name: 'Main', next: 'Other' });
  });

  it('updates and deletes by the live id the plan recorded', async () => {
    const port = createFakePort({ objects: new Map([['v-1', { name: 'A' }], ['v-2', { name: 'B' }]]) });
    await executePlan({ changes: [step('A', { action: 'update', liveId: 'v-1', after: { name: 'A', x: 1 } }), step('B', { action: 'delete', liveId: 'v-2' })] }, port, { parallelism: 8 });
    expect([...port.objects]).toEqual([['v-1', { name: 'A', x: 1 }]]);
  });

  it('skips the dependents of a failed step, naming it, and keeps applying independent branches', async () => {
    const port = createFakePort({ failing: new Set(['T']) });
    const changes = [
      step('T', { kind: 'tabulation' }),
      step('P', { kind: 'predefined-message' }),
      step('S', { dependsOn: ['tabulation.T'], level: 1 }),
      step('a@x', { kind: 'agent', dependsOn: ['team.S'], level: 2 }),
      step('R', { dependsOn: ['predefined-message.P'], level: 1 }),
    ];
    const result = await executePlan({ changes }, port, { parallelism: 8 });
    expect(result.steps.map((s) => [s.id, s.status, s.skippedBecause])).toEqual([
      ['tabulation.T', 'failed', undefined],
      ['predefined-message.P', 'applied', undefined],
      ['team.S', 'skipped', 'tabulation.T'],
      ['agent.a@x', 'skipped', 'tabulation.T'],
      ['team.R', 'applied', undefined],
    ]);
    expect(result.counts).toEqual({ applied: 2, failed: 1, unknown: 0, skipped: 2, notStarted: 0 });
  });

  it("reports a failed step with the API's code and message", async () => {
    const port = createFakePort({ failing: new Set(['T']) });
    const result = await executePlan({ changes: [step('T')] }, port, { parallelism: 8 });
    expect(result.steps[0]?.error).toEqual({ code: 'PROVIDER_HTTP', message: 'POST /api/v4/team failed (HTTP 422): T is not valid' });
  });

  it('fails an update of an object whose create did not run, without calling the port', async () => {
    const port = createFakePort();
    const result = await executePlan({ changes: [step('A', { action: 'update' })] }, port, { parallelism: 8 });
    expect(result.steps[0]?.error?.code).toBe('APPLY_MISSING_ID');
    expect(port.calls).toEqual([]);
  });

  it('never runs more steps at once than the parallelism allows', async () => {
    const port = createFakePort({ ticks: () => 3 });
    const changes = Array.from({ length: 30 }, (_, i) => step(`T${i}`));
    await executePlan({ changes }, port, { parallelism: 4 });
    expect(port.maxConcurrent()).toBe(4);
  });

  it('starts ready steps in plan order', async () => {
    const port = createFakePort();
    await executePlan({ changes: [step('C'), step('A'), step('B')] }, port, { parallelism: 1 });
    expect(port.calls.filter((c) => c.phase === 'start').map((c) => c.name)).toEqual(['C', 'A', 'B']);
  });

  it('starts a step that just became ready before later steps of the plan', async () => {
    const port = createFakePort();
    await executePlan({ changes: [step('X'), step('Z', { dependsOn: ['team.X'], level: 1 }), step('Q')] }, port, { parallelism: 1 });
    expect(port.calls.filter((c) => c.phase === 'start').map((c) => c.name)).toEqual(['X', 'Z', 'Q']);
  });

  it('once aborted starts no new step, lets the steps in flight finish and marks the rest not started', async () => {
    const controller = new AbortController();
    const port = createFakePort({ ticks: () => 2 });
    const changes = Array.from({ length: 6 }, (_, i) => step(`T${i}`));
    const onEvent = (event: ExecutionEvent) => {
      if (event.type === 'step-started' && event.address === 'team.T1') controller.abort();
    };
    const result = await executePlan({ changes }, port, { parallelism: 2, signal: controller.signal, onEvent });
    expect(result.steps.map((s) => s.status)).toEqual(['applied', 'applied', 'not-started', 'not-started', 'not-started', 'not-started']);
    expect(result.isInterrupted).toBe(true);
    expect(port.calls.filter((c) => c.phase === 'end')).toHaveLength(2);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const port = createFakePort();
    const result = await executePlan({ changes: [step('A')] }, port, { parallelism: 8, signal: AbortSignal.abort() });
    expect(result.counts.notStarted).toBe(1);
    expect(port.calls).toEqual([]);
  });

  it('emits one step-started per run step and one step-finished per step', async () => {
    const events: ExecutionEvent[] = [];
    const port = createFakePort({ failing: new Set(['A']) });
    await executePlan({ changes: [step('A'), step('B', { dependsOn: ['team.A'] }), step('C')] }, port, { parallelism: 8, onEvent: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'step-started').map((e) => e.type === 'step-started' && e.address)).toEqual(['team.A', 'team.C']);
    expect(events.flatMap((e) => (e.type === 'step-finished' ? [`${e.step.id}:${e.step.status}`] : [])).sort()).toEqual(['team.A:failed', 'team.B:skipped', 'team.C:applied']);
  });

  it('rejects a plan whose steps depend on each other in a cycle', async () => {
    const changes = [step('A', { dependsOn: ['team.B'] }), step('B', { dependsOn: ['team.A'] })];
    await expect(executePlan({ changes }, createFakePort(), { parallelism: 8 })).rejects.toThrow(/cycle: team.A, team.B/);
  });

  it('rejects a plan with a dependency on a step it does not have', async () => {
    await expect(executePlan({ changes: [step('A', { dependsOn: ['team.Z'] })] }, createFakePort(), { parallelism: 8 })).rejects.toThrow(/team.Z, which is not in the plan/);
  });
});

describe('executePlan (properties)', () => {
  /** Random DAGs: step i may depend on any earlier step. */
  const planArbitrary = fc.integer({ min: 1, max: 25 }).chain((size) =>
    fc.record({
      dependencies: fc.tuple(...Array.from({ length: size }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j), { maxLength: Math.min(3, i) }))),
      failing: fc.subarray(Array.from({ length: size }, (_, i) => i)),
      ticks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: size, maxLength: size }),
      parallelism: fc.integer({ min: 1, max: 6 }),
      abortAfterStarts: fc.option(fc.integer({ min: 0, max: size }), { nil: undefined }),
    }));

  it('never runs a dependent before its dependency, bounds concurrency and ends every step in exactly one state', async () => {
    await fc.assert(fc.asyncProperty(planArbitrary, async ({ dependencies, failing, ticks, parallelism, abortAfterStarts }) => {
      const changes = dependencies.map((deps, i) => step(`S${i}`, { dependsOn: deps.map((j) => `team.S${j}`) }));
      const port = createFakePort({ failing: new Set(failing.map((i) => `S${i}`)), ticks: (name) => ticks[Number(name.slice(1))] ?? 0 });
      const controller = new AbortController();
      let starts = 0;
      const finished = new Map<string, number>();
      const result = await executePlan({ changes }, port, {
        parallelism,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'step-started' && ++starts === abortAfterStarts) controller.abort();
          if (event.type === 'step-finished') finished.set(event.step.id, (finished.get(event.step.id) ?? 0) + 1);
        },
      });

      expect(result.steps.map((s) => s.id)).toEqual(changes.map((c) => c.id));
      expect([...finished.values()].every((count) => count === 1) && finished.size === changes.length).toBe(true);
      const ends = new Map(port.calls.filter((c) => c.phase === 'end').map((c, i) => [c.name, i]));
      for (const [index, change] of changes.entries()) {
        const stepResult = result.steps[index]!;
        const startIndex = port.calls.findIndex((c) => c.phase === 'start' && c.name === change.name);
        if (startIndex >= 0) {
          for (const dependency of change.dependsOn) {
            const dependencyEnd = port.calls.findIndex((c) => c.phase === 'end' && `team.${c.name}` === dependency);
            expect(dependencyEnd).toBeGreaterThanOrEqual(0);
            expect(dependencyEnd).toBeLessThan(startIndex);
            expect(result.steps.find((s) => s.id === dependency)?.status).toBe('applied');
          }
        }
        expect(startIndex >= 0).toBe(stepResult.status === 'applied' || stepResult.status === 'failed');
        expect(ends.has(change.name)).toBe(startIndex >= 0);
        if (stepResult.status === 'failed') expect(failing).toContain(index);
        if (stepResult.status === 'skipped') expect(result.steps.find((s) => s.id === stepResult.skippedBecause)?.status).toBe('failed');
        if (stepResult.status === 'not-started') expect(result.isInterrupted).toBe(true);
      }
      expect(port.maxConcurrent()).toBeLessThanOrEqual(parallelism);
      const total = result.counts.applied + result.counts.failed + result.counts.skipped + result.counts.notStarted;
      expect(total).toBe(changes.length);
    }), { numRuns: 200 });
  });
});
