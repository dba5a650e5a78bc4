/**
 * End to end: SIGTERM (a CI cancel) and SIGHUP (a closed terminal) stop `conecta apply` the way
 * Ctrl-C does — no new step starts, the steps in flight finish, the journal is closed — and exit
 * 143 and 129. The built CLI against a sandbox with latency, so steps are in flight when the
 * signal arrives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLayeredConfig } from '../../bench/layered-config.js';
import type { JournalEntry } from '../../cli/io/journal.js';
import { createProject, createSandbox, sandboxEnv, startCli, waitForWrites } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;

function readJournal(cwd: string): JournalEntry[] {
  const directory = join(cwd, '.conecta', 'runs');
  const files = readdirSync(directory).filter((file) => file.endsWith('.ndjson'));
  expect(files).toHaveLength(1);
  return readFileSync(join(directory, files[0]!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JournalEntry);
}

describe('conecta apply stopped by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('on %s lets the steps in flight finish, closes the journal and exits %i', async (signal, exitCode) => {
    const sandbox = await createSandbox({ latencyMs: 150, seed: 9 });
    const cwd = createProject({ 'tenant.yaml': generateLayeredConfig({ perLevel: 30 }) });
    const run = startCli(['apply', '--auto-approve', '--parallelism', '4'], { cwd, env: sandboxEnv(sandbox) });
    await waitForWrites(sandbox, 8);
    const requestsAtSignal = sandbox.audit().requests;
    run.child.kill(signal);
    const { code, signal: killedBy, stdout, stderr } = await run.done;

    expect(killedBy).toBeNull();
    expect(code, stderr).toBe(exitCode);
    expect(stderr).toContain(`Stopping (${signal}): no new changes start`);
    expect(stderr).toContain(`[INTERRUPTED] Interrupted by ${signal}:`);
    expect(stdout).toMatch(/Apply interrupted: \d+ applied, 0 failed, 0 skipped, \d+ not started/);

    // Every step that started has its result: those in flight finished; the footer says interrupted.
    const journal = readJournal(cwd);
    const intents = journal.filter((entry) => entry.type === 'intent').map((entry) => entry.step);
    const results = journal.flatMap((entry) => (entry.type === 'result' && entry.status !== 'not-started' ? [entry.step] : []));
    expect(intents.length).toBeGreaterThan(0);
    expect(results.sort()).toEqual(intents.sort());
    expect(journal.at(-1)).toMatchObject({ type: 'end', isInterrupted: true });
    expect(journal.at(-1)).toMatchObject({ counts: { applied: results.length } });
    expect(results.length).toBeLessThan(120);

    // Nothing more reaches the tenant after the exit; in-flight requests were answered, not cut.
    const after = sandbox.audit();
    expect(after.requests).toBeGreaterThanOrEqual(requestsAtSignal);
    expect(after.writes).toBe(results.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sandbox.audit().requests).toBe(after.requests);
  }, E2E_TIMEOUT_MS);

  it('exits at once with the same code on a second SIGTERM, without waiting for the steps in flight', async () => {
    const sandbox = await createSandbox({ seed: 9 });
    const cwd = createProject({ 'tenant.yaml': generateLayeredConfig({ perLevel: 30 }) });
    const run = startCli(['apply', '--auto-approve', '--parallelism', '4'], { cwd, env: sandboxEnv(sandbox) });
    await waitForWrites(sandbox, 4);
    // From now on each request takes 5 s: a graceful stop would wait that long for those in flight.
    sandbox.setFaults({ latencyMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const secondAt = performance.now();
    run.child.kill('SIGTERM');
    const { code } = await run.done;
    expect(code).toBe(143);
    expect(performance.now() - secondAt).toBeLessThan(3_000);
  }, E2E_TIMEOUT_MS);
});
