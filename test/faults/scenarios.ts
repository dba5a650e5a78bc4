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
import { DEFAULT_FAULTS, type FaultOptions, type RunningSandbox, type SandboxOptions } from '../../providers/sandbox/index.js';
import { FaultInjector } from '../../providers/sandbox/faults.js';
import { countDuplicates, createProject, createSandbox, runCli, sandboxEnv, startCli, waitForWrites } from './cli-harness.js';
import { createRedactor } from '../../cli/io/redactor.js';

/** The base seed: FAULT_SEED, else `fallback` (a fixed one for `npm test`, a random one for the full suite). */
export function readFaultSeed(fallback: number): number {
  const text = process.env.FAULT_SEED;
  const seed = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`FAULT_SEED must be a whole number >= 0, got "${text}"`);
  return seed;
}


/** POSTs the sandbox received, from its request log (a create is sent at most once per planned create). */
export function countPosts(sandbox: RunningSandbox): number {
  return sandbox.audit().requestLog.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/api/v4/') && !entry.path.endsWith('/auth/login')).length;
}

/** POSTs the sandbox answered with a fault (`tags`), from its request log. */
export function countFaultedCreates(sandbox: RunningSandbox, tags: readonly string[]): number {
  return sandbox.audit().requestLog.filter((entry) => entry.method === 'POST' && entry.fault !== undefined && tags.includes(entry.fault)).length;
}

/**
 * The first seed from `base` whose fault draws include `action` among the first `within`
 * requests. The sandbox draws the same numbers for every request in order, so with this seed the
 * fault certainly fires once the run has made `within` requests: no seed passes without it.
 */
export function findSeedWithFault(base: number, faults: Partial<FaultOptions>, action: 'hang' | 'reset' | 'fail', within: number): number {
  for (let seed = base; seed < base + 10_000; seed += 1) {
    const injector = new FaultInjector({ ...DEFAULT_FAULTS, ...faults, seed });
    for (let draw = 0; draw < within; draw += 1) if (injector.decide(false).action.kind === action) return seed;
  }
  throw new Error(`no seed from ${base} draws a ${action} within ${within} requests`);
}

export interface Tenant {
  sandbox: RunningSandbox;
  cwd: string;
  /** The config folder, `config/` in cwd. */
  config: string;
  /** Changes a first apply makes: 4 levels × perLevel creates. */
  total: number;
}

/**
 * A sandbox with `options` and a project whose config creates 4 × perLevel objects over 4 levels.
 * Natural keys are not unique unless `options` says so: a create sent twice shows as a duplicate
 * instead of being refused by the server.
 */
export async function createTenant(perLevel: number, options: SandboxOptions): Promise<Tenant> {
  const sandbox = await createSandbox({ enforceUniqueKeys: false, requestLogSize: 100_000, ...options });
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
      isAutoApproved: true, isForced: true, parallelism: 8,
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
  tenant.sandbox.setFaults({ failRate: 0, ghostWriteRate: 0, lateCommitRate: 0, hangRate: 0, resetRate: 0, rateLimitPerMinute: 0, latencyMs: 0, jitterMs: 0 });
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
  /** Requests of the first apply per change (a fault-free apply needs one write per change plus a few lists). */
  requestsPerChange: number;
  /** Creates the sandbox answered with a fault: the scenario exercised its fault only when this is above 0. */
  faultedCreates: number;
  /**
   * POSTs the first apply sent, and the creates it planned: a create is never sent twice, so the
   * first is at most the second (a client that re-sends a create after a 5xx breaks it even when
   * the 5xx stored nothing).
   */
  firstRunPosts: number;
  plannedCreates: number;
  /** The first apply (through the CLI) when it left changes not applied. */
  firstFailure?: FailedRunReport;
}

export interface FailedRunReport {
  code: number | null;
  stderr: string;
  stdout: string;
  /** N in the "N changes not applied" line of stderr (-1 when absent). */
  reportedNotApplied: number;
  /** failed + outcome unknown + skipped + not started, from the summary line "Apply incomplete: …". */
  summaryNotApplied: number;
  /** Changes a fresh plan shows after the run. */
  pendingAfter: number;
}

/**
 * F1/F2: random 5xx at `failRate` on every request, and on writes a gateway 504 for half as many
 * more that the backend did store (ghost writes). A create is never sent twice: one answered 5xx
 * is adopted when the look-ups find it, else its outcome is unknown and the next apply
 * reconciles it. The first apply runs through the CLI under the faults, so its report can be
 * checked; then, the incident over, one fault-free apply in process must converge.
 * `parallelism` 1 makes the faulted run deterministic for a seed.
 */
export async function runRandomFailures(seed: number, failRate: number, perLevel = 25, parallelism = 8): Promise<ConvergenceFacts> {
  const tenant = await createTenant(perLevel, { seed, failRate, ghostWriteRate: failRate / 2, failStatuses: [500, 502, 503, 504] });
  // The sandbox's 5xx never stores anything and its ghost writes are stored before the answer: a short window is enough.
  const env = { ...sandboxEnv(tenant.sandbox), CONECTA_SETTLE: SHORT_SETTLE };
  const first = await runCli(['apply', 'config', '--auto-approve', '--parallelism', String(parallelism)], { cwd: tenant.cwd, env });
  const firstRunRequests = tenant.sandbox.audit().requests;
  const faultedCreates = countFaultedCreates(tenant.sandbox, ['fail', 'ghost']);
  const firstRunPosts = countPosts(tenant.sandbox);
  let pending = await countPendingChanges(tenant);
  const firstFailure = first.code === 0 ? undefined : { code: first.code, stderr: first.stderr, stdout: first.stdout, ...readReport(first.stdout, first.stderr), pendingAfter: pending };
  let runs = 1;
  if (pending > 0) {
    tenant.sandbox.setFaults({ failRate: 0, ghostWriteRate: 0 });
    runs += 1;
    await applyInProcess(tenant);
    pending = await countPendingChanges(tenant);
  }
  return {
    seed, runs, pendingAfter: pending, duplicates: countDuplicates(tenant.sandbox), faultedCreates, firstRunPosts, plannedCreates: tenant.total,
    requestsPerChange: firstRunRequests / tenant.total, ...(firstFailure ? { firstFailure } : {}),
  };
}

/** The settle window for faults that store before answering or never store (ghost writes, 5xx, hangs). */
const SHORT_SETTLE = '300ms';

function readReport(stdout: string, stderr: string): { reportedNotApplied: number; summaryNotApplied: number } {
  const reported = /(\d+) changes? not applied/.exec(stderr);
  const summary = /Apply incomplete: \d+ applied, (\d+) failed, (?:(\d+) outcome unknown, )?(\d+) skipped, (\d+) not started/.exec(stdout);
  return {
    reportedNotApplied: reported ? Number(reported[1]) : -1,
    summaryNotApplied: summary ? Number(summary[1]) + Number(summary[2] ?? 0) + Number(summary[3]) + Number(summary[4]) : -1,
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
  const tenant = await createTenant(perLevel, { seed, ghostWriteRate: rate });
  let runs = 0;
  let pending = tenant.total;
  let firstRunPosts = 0;
  while (runs < 2 && pending > 0) {
    runs += 1;
    await applyInProcess(tenant, { CONECTA_SETTLE: SHORT_SETTLE });
    if (runs === 1) firstRunPosts = countPosts(tenant.sandbox);
    pending = await countPendingChanges(tenant);
  }
  const audit = tenant.sandbox.audit();
  return {
    seed, runs, pendingAfter: pending, duplicates: countDuplicates(tenant.sandbox), requestsPerChange: audit.requests / tenant.total,
    ghostWrites: audit.faults.ghostWrites, faultedCreates: countFaultedCreates(tenant.sandbox, ['ghost']), firstRunPosts, plannedCreates: tenant.total,
  };
}

export interface LateCommitFacts {
  seed: number;
  code: number | null;
  stderr: string;
  /** Creates answered 504 whose object the backend stored later. */
  lateCreates: number;
  duplicates: number;
  pendingAfter: number;
  /** POSTs sent per create of the plan (1 when nothing is ever sent twice). */
  postsPerCreate: number;
}

/**
 * F9: `rate` of the writes are answered 504 by the gateway at once and stored by the backend
 * `lateCommitMs` later (up to 5 s). The settle window (default 10 s) must find every one of them:
 * one apply, exit 0, no duplicate. `parallelism` 1 makes the run deterministic for a seed.
 */
export async function runLateCommits(seed: number, rate: number, lateCommitMs: number, perLevel: number, parallelism = 8): Promise<LateCommitFacts> {
  const tenant = await createTenant(perLevel, { seed, lateCommitRate: rate, lateCommitMs });
  const result = await runCli(['apply', 'config', '--auto-approve', '--parallelism', String(parallelism)], { cwd: tenant.cwd, env: sandboxEnv(tenant.sandbox) });
  while (tenant.sandbox.audit().faults.lateCommitsPending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    seed, code: result.code, stderr: result.stderr,
    lateCreates: countFaultedCreates(tenant.sandbox, ['late-commit']),
    duplicates: countDuplicates(tenant.sandbox),
    pendingAfter: await countPendingChanges(tenant),
    postsPerCreate: (tenant.sandbox.audit().byRoute['POST /tabulations'] ?? 0) / (tenant.total / 4),
  };
}

/**
 * F5: `rate` of the requests never answer during a first apply; CONECTA_TIMEOUT cuts them. The
 * seed is moved to the first one whose draws hang a request among the first 20 (the apply makes
 * more), so the fault certainly fires. A hung create is never sent again (outcome unknown); a
 * fault-free second apply converges.
 */
export async function runHangs(baseSeed: number, rate: number, timeout: string, perLevel = 10): Promise<{ seed: number; code: number | null; ms: number; hung: number; hungCreates: number; firstRunPosts: number; plannedCreates: number; pendingAfter: number; secondCode: number | null; duplicates: number }> {
  const seed = findSeedWithFault(baseSeed, { hangRate: rate }, 'hang', 20);
  const tenant = await createTenant(perLevel, { seed, hangRate: rate });
  const env = { ...sandboxEnv(tenant.sandbox), CONECTA_TIMEOUT: timeout, CONECTA_SETTLE: SHORT_SETTLE };
  const first = await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env });
  const hung = tenant.sandbox.audit().faults.hung;
  const hungCreates = countFaultedCreates(tenant.sandbox, ['hang']);
  const firstRunPosts = countPosts(tenant.sandbox);
  tenant.sandbox.setFaults({ hangRate: 0 });
  const second = first.code === 0 ? first : await runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env });
  return {
    seed, code: first.code, ms: first.ms, hung, hungCreates, firstRunPosts, plannedCreates: tenant.total,
    pendingAfter: await countPendingChanges(tenant), secondCode: second.code, duplicates: countDuplicates(tenant.sandbox),
  };
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
 * show as a duplicate. The kill comes while at least one level of writes (and the re-read after
 * them) is left, each write slowed by the sandbox's latency, so every seed is killed mid-apply.
 */
export async function runCrash(seed: number, perLevel = 6): Promise<CrashFacts> {
  const tenant = await createTenant(perLevel, { seed, latencyMs: 25, enforceUniqueKeys: false });
  const killAt = 1 + Math.floor(createRandom(seed)() * (tenant.total - perLevel - 1));
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

export interface CleanApplyFacts {
  /** Every request the fault-free apply made, and what it needs: the handshake, one read per list, the creates, one re-read per kind created into. */
  requests: number;
  needed: number;
  /** GETs beyond those: look-ups by natural key (a list read again, `GET /agents/email/…`). The settle window must add none. */
  lookUps: number;
  status: string | undefined;
}

/**
 * The request overhead of the settle window on a clean run: a fault-free first apply of 4 ×
 * perLevel creates, counted from the sandbox's audit. A look-up by natural key reads a list a
 * further time (or `GET /agents/email/…`), so any look-up shows as a list read beyond the refresh
 * and the duplicate check after the apply.
 */
export async function measureCleanApply(seed: number, perLevel: number): Promise<CleanApplyFacts> {
  const tenant = await createTenant(perLevel, { seed });
  const run = await applyInProcess(tenant);
  const byRoute = tenant.sandbox.audit().byRoute;
  const handshake = ['GET /api/version', 'GET /auth/me'];
  const createdRoutes = new Set(Object.keys(byRoute).filter((route) => route.startsWith('POST ')).map((route) => route.slice('POST '.length)));
  const listRoutes = Object.keys(byRoute).filter((route) => route.startsWith('GET ') && !handshake.includes(route) && !route.includes('{'));
  let lookUps = Object.entries(byRoute).filter(([route]) => route.startsWith('GET ') && route.includes('{')).reduce((sum, [, count]) => sum + count, 0);
  for (const route of listRoutes) lookUps += (byRoute[route] ?? 0) - 1 - (createdRoutes.has(route.slice('GET '.length)) ? 1 : 0);
  const creates = [...createdRoutes].reduce((sum, route) => sum + (byRoute[`POST ${route}`] ?? 0), 0);
  return {
    requests: Object.values(byRoute).reduce((sum, count) => sum + count, 0),
    needed: handshake.length + listRoutes.length + creates + createdRoutes.size,
    lookUps,
    status: run.outcome?.status,
  };
}

export interface ConcurrentFacts {
  codes: (number | null)[];
  stderrs: string[];
  /** POSTs both applies sent: above the planned creates only when both created (the applies overlapped). */
  posts: number;
  plannedCreates: number;
  /** Duplicated natural keys the sandbox holds (names), and 409 answers it gave. */
  duplicateNames: string[];
  conflicts: number;
  /** Changes a fresh plan shows, or the error it fails with (a tenant holding duplicates cannot be planned). */
  pendingAfter: number | undefined;
  planError: unknown;
}

/**
 * F8: two applies of the same config started together, from two checkouts, against one tenant.
 * Each request is slowed by 250 ms so the two runs overlap despite their start-up times. With
 * `isUniqueEnforced` the sandbox refuses a second object of a name (409; the loser adopts the
 * winner's object); without, two racing creates both land, as on a tenant without uniqueness, and
 * the duplicates must be visible: in an apply's exit code and stderr, and in the next plan.
 */
export async function runConcurrentApplies(seed: number, isUniqueEnforced: boolean, perLevel = 10): Promise<ConcurrentFacts> {
  const tenant = await createTenant(perLevel, { seed, latencyMs: 250, enforceUniqueKeys: isUniqueEnforced });
  const second = createProject({ 'config/tenant.yaml': generateLayeredConfig({ perLevel }) });
  const env = sandboxEnv(tenant.sandbox);
  const results = await Promise.all([
    runCli(['apply', 'config', '--auto-approve'], { cwd: tenant.cwd, env }),
    runCli(['apply', 'config', '--auto-approve'], { cwd: second, env }),
  ]);
  const audit = tenant.sandbox.audit();
  let pendingAfter: number | undefined;
  let planError: unknown;
  try {
    pendingAfter = await countPendingChanges(tenant);
  } catch (error) {
    planError = error;
  }
  return {
    codes: results.map((result) => result.code), stderrs: results.map((result) => result.stderr),
    posts: countPosts(tenant.sandbox), plannedCreates: tenant.total,
    duplicateNames: Object.values(audit.duplicates).flatMap((names) => names ?? []), conflicts: audit.byStatus['409'] ?? 0,
    pendingAfter, planError,
  };
}
