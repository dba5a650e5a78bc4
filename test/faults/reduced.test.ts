/**
 * The reduced fault set that runs inside `npm test`: F1, F3, F4 and F7 with one seed, F6 with
 * three. Seed 1 unless FAULT_SEED is set; the full suite is `npm run test:faults`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFaultSeed, runCrash, runGhostWrites, runRandomFailures, runRateLimited, runStalePlan } from './scenarios.js';

const SEED = readFaultSeed(1);

beforeAll(() => {
  console.log(`reduced fault set seed: ${SEED} (replay with FAULT_SEED=${SEED})`);
});

describe(`reduced fault set (seed ${SEED})`, () => {
  it('F1: at a 10 percent 5xx rate one apply converges', async () => {
    const facts = await runRandomFailures(SEED, 0.1, 1, 10);
    expect(facts, `seed ${facts.seed}`).toMatchObject({ runs: 1, pendingAfter: 0, duplicates: 0 });
  }, 60_000);

  it('F3: under a rate limit no request is retried before its Retry-After', async () => {
    const facts = await runRateLimited(SEED, 240, 1);
    expect(facts).toMatchObject({ earlyBeyondGrace: 0, code: 0, pendingAfter: 0 });
  }, 60_000);

  it('F4: ghost writes leave zero duplicates', async () => {
    const facts = await runGhostWrites(SEED, 0.3, 10);
    expect(facts.ghostWrites).toBeGreaterThan(0);
    expect(facts, `seed ${facts.seed}`).toMatchObject({ duplicates: 0, pendingAfter: 0 });
  }, 60_000);

  it('F6: SIGKILL at a random write, then a re-run converges with no phantom creates (3 seeds)', async () => {
    const all = await Promise.all([0, 1, 2].map((offset) => runCrash(SEED + offset)));
    for (const facts of all) {
      expect({ seed: facts.seed, rerunExitCode: facts.rerunExitCode, pendingAfterRerun: facts.pendingAfterRerun, duplicates: facts.duplicates })
        .toEqual({ seed: facts.seed, rerunExitCode: 0, pendingAfterRerun: 0, duplicates: 0 });
    }
  }, 120_000);

  it('F7: a stale saved plan is refused before any write', async () => {
    const facts = await runStalePlan(SEED);
    expect(facts.code).toBe(1);
    expect(facts.stderr).toContain('[APPLY_STALE_PLAN]');
    expect(facts.writes).toBe(0);
  }, 120_000);
});
