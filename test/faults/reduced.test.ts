/**
 * The reduced fault set that runs inside `npm test`: F1, F3, F4, F5, F7 and F9 with one seed, F6
 * with three, and the settle window's cost on a clean run. Seed 1 unless FAULT_SEED is set; the
 * full suite is `npm run test:faults`. Every duplicate assertion runs against a sandbox that does
 * not enforce natural keys, and every scenario asserts that its fault fired (F6: every seed's apply
 * was killed mid-way). A create sent twice is caught by F1, F4, F5 and F9 (POSTs ≤ planned creates,
 * and duplicates where the 5xx had stored the object).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureCleanApply, readFaultSeed, runCrash, runGhostWrites, runHangs, runLateCommits, runRandomFailures, runRateLimited, runStalePlan } from './scenarios.js';

const SEED = readFaultSeed(1);

beforeAll(() => {
  console.log(`reduced fault set seed: ${SEED} (replay with FAULT_SEED=${SEED})`);
});

describe(`reduced fault set (seed ${SEED})`, () => {
  it('F1: at a 10 percent 5xx rate no create is sent twice, and the next apply converges', async () => {
    const facts = await runRandomFailures(SEED, 0.1, 10, 1);
    expect(facts.faultedCreates, `seed ${facts.seed}: no create was answered 5xx`).toBeGreaterThan(0);
    expect(facts, `seed ${facts.seed}`).toMatchObject({ pendingAfter: 0, duplicates: 0 });
    expect(facts.firstRunPosts, `seed ${facts.seed}: a create was sent twice`).toBeLessThanOrEqual(facts.plannedCreates);
  }, 60_000);

  it('F3: under a rate limit no request is retried before its Retry-After', async () => {
    const facts = await runRateLimited(SEED, 240, 1);
    expect(facts.rateLimited, 'no request was answered 429').toBeGreaterThan(0);
    expect(facts).toMatchObject({ earlyBeyondGrace: 0, code: 0, pendingAfter: 0 });
  }, 60_000);

  it('F4: ghost writes leave zero duplicates', async () => {
    const facts = await runGhostWrites(SEED, 0.3, 10);
    expect(facts.faultedCreates, `seed ${facts.seed}: no create was a ghost write`).toBeGreaterThan(0);
    expect(facts, `seed ${facts.seed}`).toMatchObject({ duplicates: 0, pendingAfter: 0 });
    expect(facts.firstRunPosts, `seed ${facts.seed}: a create was sent twice`).toBeLessThanOrEqual(facts.plannedCreates);
  }, 60_000);

  it('F5: a request that never answers is cut by CONECTA_TIMEOUT, and a fault-free re-run converges', async () => {
    const facts = await runHangs(SEED, 0.1, '500ms', 3);
    expect(facts.hung, `seed ${facts.seed}`).toBeGreaterThan(0);
    expect(facts.firstRunPosts, `seed ${facts.seed}: a create was sent twice`).toBeLessThanOrEqual(facts.plannedCreates);
    expect(facts, `seed ${facts.seed}`).toMatchObject({ secondCode: 0, pendingAfter: 0, duplicates: 0 });
  }, 60_000);

  it('F9: creates the backend commits 2 s after the gateway answered 504 are found by the settle window: no duplicate, one apply', async () => {
    const facts = await runLateCommits(SEED, 0.3, 2_000, 2, 1);
    expect(facts.lateCreates, `seed ${facts.seed}: no create was committed late`).toBeGreaterThan(0);
    expect(facts, `seed ${facts.seed}: ${facts.stderr}`).toMatchObject({ code: 0, duplicates: 0, pendingAfter: 0, postsPerCreate: 1 });
  }, 60_000);

  it('F6: SIGKILL at a random write, then a re-run converges with no phantom creates (3 seeds)', async () => {
    const all = await Promise.all([0, 1, 2].map((offset) => runCrash(SEED + offset)));
    for (const facts of all) {
      expect({ seed: facts.seed, wasKilled: facts.wasKilled, rerunExitCode: facts.rerunExitCode, pendingAfterRerun: facts.pendingAfterRerun, duplicates: facts.duplicates })
        .toEqual({ seed: facts.seed, wasKilled: true, rerunExitCode: 0, pendingAfterRerun: 0, duplicates: 0 });
    }
  }, 120_000);

  it('clean run: the settle window costs no request when no create failed', async () => {
    const facts = await measureCleanApply(SEED, 2);
    expect(facts).toMatchObject({ status: 'applied', lookUps: 0 });
    expect(facts.requests).toBe(facts.needed);
  }, 60_000);

  it('F7: a stale saved plan is refused before any write', async () => {
    const facts = await runStalePlan(SEED);
    expect(facts.code).toBe(1);
    expect(facts.stderr).toContain('[APPLY_STALE_PLAN]');
    expect(facts.writes).toBe(0);
  }, 120_000);
});
