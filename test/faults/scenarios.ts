/**
 * The fault scenarios F1–F8 of perf-reliability.md §5.3, each a function of a seed, shared by the
 * full suite (`*.faults.ts`, `npm run test:faults`) and the reduced set inside `npm test`.
 *
 * Every run is replayable: the sandbox's fault draws come from the seed, and the seed is printed.
 * `FAULT_SEED=n` replays a run. Applies that only need the service run in process (`runApply`,
 * the same service the command calls); the cases about the command's wording, its environment or
 * its process (timeouts, SIGKILL, concurrency) spawn the built CLI.
 */
import { createRandom } from '../../providers/sandbox/random.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generateLayeredConfig } from '../../bench/layered-config.js';
import { createStyle } from '../../cli/core/render/style.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { runApply, type ApplyOutcome } from '../../cli/services/apply.js';
import { preparePlan } from '../../cli/services/prepare-plan.js';
import { resolveTarget } from '../../cli/services/project.js';
import type { RunningSandbox, SandboxOptions } from '../../providers/sandbox/index.js';
import { countDuplicates, createProject, createSandbox, runCli, sandboxEnv, startCli, waitForWrites } from './cli-harness.js';
import { createRedactor } from '../../cli/io/redactor.js';

/** The base seed: FAULT_SEED, else `fallback` (a fixed one for `npm test`, a random one for the full suite). */
export function readFaultSeed(fallback: number): number {
  const text = process.env.FAULT_SEED;
  const seed = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`FAULT_SEED must be a whole number >= 0, got "${text}"`);
  return seed;
}


export interface Tenant {
  sandbox: RunningSandbox;
  cwd: string;
  /** The config folder, `config/` in cwd. */
  config: string;
  /** Changes a first apply makes: 4 levels × perLevel creates. */
  total: number;
}

/** A sandbox with `options` and a project whose config creates 4 × perLevel objects over 4 levels. */
export async function createTenant(perLevel: number, options: SandboxOptions): Promise<Tenant> {
  const sandbox = await createSandbox(options);
  const cwd = createProject({ 'config/tenant.yaml': generateLayeredConfig({ perLevel }) });
  return { sandbox, cwd, config: join(cwd, 'config'), total: perLevel * 4 };
}

export interface ServiceRun {
  outcome?: ApplyOutcome;
  /** A run that stopped before executing (the refresh failed, for example). */
  error?: unknown;
  stdout: string;
  stderr: string;
}

function collect(sink: { text: string }): Writable {
  return new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      sink.text += chunk.toString();
      done();
    },
  });
}

/** `conecta apply --auto-approve` through the service, in this process. */
export async function applyInProcess(tenant: Tenant, env: Record<string, string> = {}): Promise<ServiceRun> {
  const stdout = { text: '' };
  const stderr = { text: '' };
  const reporter = createTerminalReporter({ stdout: collect(stdout), stderr: collect(stderr), style: createStyle(false), isVerbose: false, isLiveProgress: false, mask: (text) => text });
  try {
    const outcome = await runApply({ redactor: createRedactor(),
      targetOptions: { cwd: tenant.cwd, paths: [tenant.config], env: { ...sandboxEnv(tenant.sandbox), ...env } }, cwd: tenant.cwd,
      isAutoApproved: true, isForced: false, parallelism: 8,
      prompter: { isInteractive: false, ask: async () => '' },
      reporter,
    });
    reporter.result({ command: 'apply', outcome });
    return { outcome, stdout: stdout.text, stderr: stderr.text };
  } catch (error) {
    return { error, stdout: stdout.text, stderr: stderr.text };
  }
}

/** How many changes a fresh plan has (faults switched off while planning, then restored). */
export async function countPendingChanges(tenant: Tenant): Promise<number> {
  const faults = tenant.sandbox.setFaults({});
  tenant.sandbox.setFaults({ failRate: 0, ghostWriteRate: 0, hangRate: 0, resetRate: 0, rateLimitPerMinute: 0, latencyMs: 0, jitterMs: 0 });
  try {
    const prepared = await preparePlan({ target: await resolveTarget({ cwd: tenant.cwd, paths: [tenant.config], env: sandboxEnv(tenant.sandbox) }), cwd: tenant.cwd, redactor: createRedactor() });
    await prepared.opened.close();
    return prepared.plan.changes.length;
  } finally {
    tenant.sandbox.setFaults(faults);
  }
}

export interface ConvergenceFacts {
  seed: number;
  /** Applies run until the plan was empty (or the budget was spent). */
  runs: number;
  pendingAfter: number;
  duplicates: number;
  /** Requests per change (a fault-free first apply needs one write per change plus a few lists). */
  requestsPerChange: number;
  /** The first apply (through the CLI) when it left changes not applied. */
  firstFailure?: FailedRunReport;
}

export interface FailedRunReport {
  code: number | null;
  stderr: string;
  stdout: string;
  /** N in the "N changes not applied" line of stderr (-1 when absent). */
  reportedNotApplied: number;
  /** failed + skipped + not started, from the summary line "Apply incomplete: …". */
  summaryNotApplied: number;
  /** Changes a fresh plan shows after the run. */
  pendingAfter: number;
}

/**
 * F1/F2: random 5xx at `failRate` on every request. Applies — the first through the CLI, so its
 * report can be checked, the next ones in process — until the plan is empty or `maxRuns` is spent.
 */
export async function runRandomFailures(seed: number, failRate: number, maxRuns: number, perLevel = 25): Promise<ConvergenceFacts> {
  const tenant = await createTenant(perLevel, { seed, failRate, failStatuses: [500, 502, 503, 504] });
  const first = await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env: sandboxEnv(tenant.sandbox) });
  let pending = await countPendingChanges(tenant);
  let runs = 1;
  const firstFailure = first.code === 0 ? undefined : { code: first.code, stderr: first.stderr, stdout: first.stdout, ...readReport(first.stdout, first.stderr), pendingAfter: pending };
  while (runs < maxRuns && pending > 0) {
    runs += 1;
    await applyInProcess(tenant);
    pending = await countPendingChanges(tenant);
  }
  return {
    seed, runs, pendingAfter: pending, duplicates: countDuplicates(tenant.sandbox),
    requestsPerChange: tenant.sandbox.audit().requests / tenant.total, ...(firstFailure ? { firstFailure } : {}),
  };
}

function readReport(stdout: string, stderr: string): { reportedNotApplied: number; summaryNotApplied: number } {
  const reported = /(\d+) changes? not applied/.exec(stderr);
  const summary = /Apply incomplete: \d+ applied, (\d+) failed, (\d+) skipped, (\d+) not started/.exec(stdout);
  return {
    reportedNotApplied: reported ? Number(reported[1]) : -1,
    summaryNotApplied: summary ? Number(summary[1]) + Number(summary[2]) + Number(summary[3]) : -1,
  };
}

export interface RateLimitFacts {
  rateLimited: number;
  /** The sandbox's strict count: requests that arrived before the last Retry-After elapsed (in-flight ones included). */
  earlyRetries: number;
  /**
   * Requests that arrived more than IN_FLIGHT_GRACE_MS after a 429 and before its Retry-After
   * elapsed: the client could have known it had to wait (the ones within the grace were already
   * on the wire when the 429 was answered).
   */
  earlyBeyondGrace: number;
  pendingAfter: number;
  code: number | null;
  ms: number;
}

const IN_FLIGHT_GRACE_MS = 250;

function countEarlyBeyondGrace(log: readonly { t: number; path: string; fault?: string; retryAfter?: number }[]): number {
  const windows = log.filter((entry) => entry.fault === 'rate-limit' && entry.retryAfter !== undefined)
    .map((entry) => ({ from: entry.t + IN_FLIGHT_GRACE_MS, until: entry.t + (entry.retryAfter as number) * 1000 }));
  return log.filter((entry) => entry.path.startsWith('/api/v4/') && !entry.path.endsWith('/auth/login')
    && windows.some((window) => entry.t > window.from && entry.t < window.until)).length;
}

/** F3: the sandbox allows `perMinute` requests a minute and answers the rest 429 with Retry-After. */
export async function runRateLimited(seed: number, perMinute: number, perLevel: number, env: Record<string, string> = {}): Promise<RateLimitFacts> {
  const tenant = await createTenant(perLevel, { seed, rateLimitPerMinute: perMinute, requestLogSize: 100_000 });
  const result = await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env: { ...sandboxEnv(tenant.sandbox), ...env } });
  const audit = tenant.sandbox.audit();
  return {
    rateLimited: audit.rateLimited,
    earlyRetries: audit.earlyRetries,
    earlyBeyondGrace: countEarlyBeyondGrace(audit.requestLog),
    pendingAfter: await countPendingChanges(tenant),
    code: result.code,
    ms: result.ms,
  };
}

/** F4: `rate` of the writes are stored and then answered 504; natural keys are not enforced by the server. */
export async function runGhostWrites(seed: number, rate: number, perLevel = 25): Promise<ConvergenceFacts & { ghostWrites: number }> {
  const tenant = await createTenant(perLevel, { seed, ghostWriteRate: rate, enforceUniqueKeys: false });
  let runs = 0;
  let pending = tenant.total;
  while (runs < 2 && pending > 0) {
    runs += 1;
    await applyInProcess(tenant);
    pending = await countPendingChanges(tenant);
  }
  const audit = tenant.sandbox.audit();
  return { seed, runs, pendingAfter: pending, duplicates: countDuplicates(tenant.sandbox), requestsPerChange: audit.requests / tenant.total, ghostWrites: audit.faults.ghostWrites };
}

/** F5: `rate` of the requests never answer; CONECTA_TIMEOUT cuts them. */
export async function runHangs(seed: number, rate: number, timeout: string, perLevel = 10): Promise<{ code: number | null; ms: number; hung: number; pendingAfter: number; secondCode: number | null }> {
  const tenant = await createTenant(perLevel, { seed, hangRate: rate });
  const env = { ...sandboxEnv(tenant.sandbox), CONECTA_TIMEOUT: timeout };
  const first = await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env });
  const second = first.code === 0 ? first : await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env });
  return { code: first.code, ms: first.ms, hung: tenant.sandbox.audit().faults.hung, pendingAfter: await countPendingChanges(tenant), secondCode: second.code };
}

export interface CrashFacts {
  seed: number;
  killedAfterWrites: number;
  wasKilled: boolean;
  /** Changes the plan shows right after the crash (what is left to do). */
  pendingAfterCrash: number;
  rerunExitCode: number | null;
  pendingAfterRerun: number;
  duplicates: number;
  rerunNotice: string;
}

/**
 * F6: an apply killed with SIGKILL after a random number of writes (drawn from the seed), then a
 * re-run (in process). Natural keys are not enforced by the server, so a phantom create would
 * show as a duplicate.
 */
export async function runCrash(seed: number, perLevel = 6): Promise<CrashFacts> {
  const tenant = await createTenant(perLevel, { seed, latencyMs: 15, enforceUniqueKeys: false });
  const killAt = 1 + Math.floor(createRandom(seed)() * (tenant.total - 1));
  const run = startCli(['apply', 'config', '--auto-approve', '--parallelism', '4'], { cwd: tenant.cwd, env: sandboxEnv(tenant.sandbox) });
  const finished = run.done.then(() => true);
  const reached = waitForWrites(tenant.sandbox, killAt).then(() => false);
  const hasFinishedFirst = await Promise.race([finished, reached]);
  if (!hasFinishedFirst) run.child.kill('SIGKILL');
  const result = await run.done;
  tenant.sandbox.setFaults({ latencyMs: 0 });
  const pendingAfterCrash = await countPendingChanges(tenant);
  const rerun = await applyInProcess(tenant);
  return {
    seed,
    killedAfterWrites: killAt,
    wasKilled: result.signal === 'SIGKILL',
    pendingAfterCrash,
    rerunExitCode: rerun.outcome === undefined ? null : rerun.outcome.status === 'applied' || rerun.outcome.status === 'no-changes' ? 0 : 1,
    pendingAfterRerun: await countPendingChanges(tenant),
    duplicates: countDuplicates(tenant.sandbox),
    rerunNotice: rerun.stderr,
  };
}

/** F7: a plan saved, one planned object changed out of band, then `apply --plan`. */
export async function runStalePlan(seed: number): Promise<{ code: number | null; stderr: string; writes: number }> {
  const tenant = await createTenant(2, { seed });
  const env = sandboxEnv(tenant.sandbox);
  if ((await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env })).code !== 0) throw new Error('the first apply failed');
  writeFileSync(join(tenant.config, 'tenant.yaml'), generateLayeredConfig({ perLevel: 2 }).replace('name: bench admin 0000', 'name: Reviewed Name'));
  const planned = await runCli(['plan', 'config', '--out', 'plan.json'], { cwd: tenant.cwd, env });
  if (planned.code !== 0) throw new Error(`plan --out failed: ${planned.stderr}`);
  // Out of band: someone renames the same administrator through the API.
  const other = createProject({ 'config/tenant.yaml': generateLayeredConfig({ perLevel: 2 }).replace('name: bench admin 0000', 'name: Someone Else') });
  if ((await runCli(['apply', 'config', '--auto-approve'], { cwd: other, env })).code !== 0) throw new Error('the out-of-band apply failed');
  tenant.sandbox.resetAudit();
  const result = await runCli(['apply', '--plan', 'plan.json'], { cwd: tenant.cwd, env });
  return { code: result.code, stderr: result.stderr, writes: tenant.sandbox.audit().writes };
}

/** F8: two applies of the same config started together, from two checkouts, against one tenant. */
export async function runConcurrentApplies(seed: number, perLevel = 10): Promise<{ codes: (number | null)[]; duplicates: number; pendingAfter: number }> {
  const tenant = await createTenant(perLevel, { seed, latencyMs: 10 });
  const second = createProject({ 'config/tenant.yaml': generateLayeredConfig({ perLevel }) });
  const env = sandboxEnv(tenant.sandbox);
  const results = await Promise.all([
    runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env }),
    runCli(['apply', 'config', '--auto-approve'], { cwd: second, env }),
  ]);
  return { codes: results.map((result) => result.code), duplicates: countDuplicates(tenant.sandbox), pendingAfter: await countPendingChanges(tenant) };
}
