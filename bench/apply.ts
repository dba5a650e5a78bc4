/**
 * `npm run bench:apply` (node dist/bench/apply.js): B4 and B5 of perf-reliability.md, with the
 * targets of issue 17.2. Every figure is the median of BENCH_APPLY_RUNS runs (default 3) with its
 * range and the load average around them.
 *
 *   B4 process:  the real CLI (`conecta apply --auto-approve --json`, parallelism 8) against a
 *                sandbox in its own process with 20 ms latency: 1,000 creates over 4 dependency
 *                levels; exactly 1,000 writes; execution ≤ 1.5 × the bound
 *                max(writes/rate, Σ levels ⌈n/C⌉ × latency) = 4 × ⌈250/8⌉ × 20 ms.
 *   B4 embedded: the real CLI with CONECTA_URL unset, as users run it: the default embedded
 *                sandbox in-process, persisted in ./.conecta/sandbox.json, no latency: 2,000 and
 *                10,000 creates; 10,000 in ≤ 20 s and ≤ 5.5 × the time of 2,000 (linear in writes),
 *                every create stored.
 *   B5 (`--rate-limited`, about 200 s): runApply in this process against an in-memory sandbox on
 *                a worker thread allowing 300 requests/min; ≤ 1.15 × 200 s, ≤ 2 % answered 429.
 *
 * Prints its rows (bench/rows.ts) and exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createJsonReporter } from '../cli/io/reporter-json.js';
import { runApply } from '../cli/services/apply.js';
import type { SandboxOptions } from '../providers/sandbox/index.js';
import { generateLayeredConfig } from './layered-config.js';
import { createRedactor } from '../cli/io/redactor.js';
import { formatLoad, loadNow, printRows, type BenchRow } from './rows.js';
import { startSandboxProcess } from './sandbox-process.js';
import { formatSpread, summarize, type Spread } from './stats.js';

const PER_LEVEL = 250;
const LEVELS = 4;
const LATENCY_MS = 20;
const PARALLELISM = 8;
const RATE_PER_MINUTE = 300;
const RUNS = Number(process.env.BENCH_APPLY_RUNS ?? 3);
const EMBEDDED_SIZES = (process.env.BENCH_EMBEDDED_SIZES ?? '2000,10000').split(',').map(Number);
/** The CLI to measure (BENCH_CLI: another checkout's cli/bin/run.js, for a before/after). */
const CLI = process.env.BENCH_CLI ?? fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url));

interface CliApply {
  ms: number;
  executeMs: number;
  status: number | null;
}

/** `conecta apply DIR --auto-approve --force --json` as a child process; wall time and the execution time it reports. */
function runCliApply(cwd: string, env: NodeJS.ProcessEnv): CliApply {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CLI, 'apply', 'tenant.yaml', '--auto-approve', '--force', '--json', '--parallelism', String(PARALLELISM)], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`conecta apply exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  const executeMs = Number((JSON.parse(child.stdout) as { durationMs?: number }).durationMs ?? 0);
  return { ms, executeMs, status: child.status };
}

/** B4 against a sandbox process with latency: the real CLI, fresh store each run. */
async function measureProcess(): Promise<BenchRow[]> {
  const total = PER_LEVEL * LEVELS;
  const boundMs = LEVELS * Math.ceil(PER_LEVEL / PARALLELISM) * LATENCY_MS;
  const sandbox = await startSandboxProcess({ latencyMs: LATENCY_MS, seed: 7 });
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-apply-'));
  try {
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: PER_LEVEL }));
    const executions: number[] = [];
    const writes: number[] = [];
    const loads = [loadNow()];
    for (let run = 0; run < RUNS; run += 1) {
      await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
      await sandbox.resetAudit();
      const applied = runCliApply(cwd, { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token });
      executions.push(applied.executeMs);
      writes.push((await sandbox.audit()).writes);
      loads.push(loadNow());
    }
    const execution = summarize(executions);
    const scenario = `apply ${total} creates, ${LEVELS} levels, ${LATENCY_MS} ms latency, parallelism ${PARALLELISM}, sandbox process, ${RUNS} runs`;
    return [{
      id: 'B4', scenario,
      target: `exactly ${total} writes; execution ≤ 1.5 × bound (max(writes/rate, Σ levels ⌈n/C⌉ × latency) = ${boundMs} ms)`,
      measured: `writes ${[...new Set(writes)].join('/')}; execution ${formatSpread(execution, 's')}, ${formatLoad(loads)}`,
      ratio: `${(execution.median / boundMs).toFixed(2)}× the bound`,
      isMet: writes.every((count) => count === total) && execution.median <= 1.5 * boundMs,
    }];
  } finally {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** B4 with the default persisted embedded sandbox, in-process, as users run it: whole CLI wall time. */
function measureEmbedded(): BenchRow[] {
  const spreads = new Map<number, Spread>();
  const rows: BenchRow[] = [];
  for (const size of EMBEDDED_SIZES) {
    const walls: number[] = [];
    const loads = [loadNow()];
    let isStored = true;
    for (let run = 0; run < RUNS; run += 1) {
      const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-embedded-'));
      try {
        writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: size / LEVELS }));
        walls.push(runCliApply(cwd, { CONECTA_URL: '', CONECTA_SANDBOX_DATA: '' }).ms);
        const dataFile = join(cwd, '.conecta', 'sandbox.json');
        const stored = Object.values((JSON.parse(readFileSync(dataFile, 'utf8')) as { records: Record<string, unknown[]> }).records).reduce((sum, list) => sum + list.length, 0);
        // Every create, plus the built-in group, in the data file alone (the journal folded in at close).
        isStored &&= stored === size + 1 && !existsSync(`${dataFile}.journal`);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
      loads.push(loadNow());
    }
    const wall = summarize(walls);
    spreads.set(size, wall);
    rows.push({
      id: 'B4', scenario: `apply ${size.toLocaleString('en-US')} creates, default embedded sandbox (in-process, persisted), no latency, ${RUNS} runs`,
      target: size >= 10_000 ? '≤ 20 s, every create stored' : 'every create stored',
      measured: `${formatSpread(wall, 's')} (${((wall.median * 1000) / size).toFixed(0)} µs per create), ${formatLoad(loads)}`,
      ...(size >= 10_000 ? { ratio: `${(wall.median / 20_000).toFixed(2)}× the target` } : {}),
      isMet: isStored && (size < 10_000 || wall.median <= 20_000),
    });
  }
  const [small, large] = EMBEDDED_SIZES;
  if (small !== undefined && large !== undefined && large > small) {
    const ratio = spreads.get(large)!.median / spreads.get(small)!.median;
    const bound = 1.1 * (large / small);
    rows.push({
      id: 'B4', scenario: `embedded sandbox: ${large.toLocaleString('en-US')} creates vs ${small.toLocaleString('en-US')} (medians)`,
      target: `≤ ${bound.toFixed(1)}× (linear in writes: ${(large / small).toFixed(0)}×, +10 %)`,
      measured: `${ratio.toFixed(2)}×`,
      ratio: `${(ratio / (large / small)).toFixed(2)}× linear`,
      isMet: ratio <= bound,
    });
  }
  return rows;
}

interface Figures {
  writes: number;
  requests: number;
  rateLimited: number;
  totalMs: number;
}

/** B5: runApply in this process against a rate-limited in-memory sandbox on a worker thread. */
async function measureRateLimited(): Promise<Figures> {
  const sandbox = await startSandboxThread({ latencyMs: LATENCY_MS, rateLimitPerMinute: RATE_PER_MINUTE, seed: 7 });
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-apply-'));
  try {
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: PER_LEVEL }));
    const started = performance.now();
    await runApply({ redactor: createRedactor(),
      targetOptions: { cwd, paths: [cwd], env: { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_PARALLELISM: undefined } }, cwd,
      isAutoApproved: true, isForced: false, parallelism: PARALLELISM,
      prompter: { isInteractive: false, ask: async () => '' },
      reporter: createJsonReporter({ stdout: discard(), stderr: discard(), isVerbose: false, mask: (text) => text }),
    });
    const totalMs = performance.now() - started;
    const audit = await sandbox.audit();
    return { writes: audit.writes, requests: audit.requests, rateLimited: audit.rateLimited, totalMs };
  } finally {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

interface SandboxThread {
  url: string;
  token: string;
  audit(): Promise<{ writes: number; requests: number; rateLimited: number }>;
  close(): Promise<void>;
}

async function startSandboxThread(options: SandboxOptions): Promise<SandboxThread> {
  const worker = new Worker(new URL('./sandbox-worker.js', import.meta.url), { workerData: options });
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url,
    token,
    audit: async () => (await fetch(`${url}/__sandbox/audit`)).json() as Promise<{ writes: number; requests: number; rateLimited: number }>,
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

const rows: BenchRow[] = [...await measureProcess(), ...measureEmbedded()];
if (process.argv.includes('--rate-limited')) {
  const total = PER_LEVEL * LEVELS;
  const boundMs = (total / RATE_PER_MINUTE) * 60_000;
  const load = loadNow();
  const limited = await measureRateLimited();
  const share = limited.rateLimited / Math.max(1, limited.requests);
  rows.push({
    id: 'B5', scenario: `apply ${total} creates at ${RATE_PER_MINUTE} requests/min (1 run)`,
    target: `exactly ${total} writes; ≤ 1.15 × ${boundMs / 1000} s; ≤ 2 % answered 429`,
    measured: `${limited.writes} writes, ${(limited.totalMs / 1000).toFixed(1)} s, ${limited.rateLimited} of ${limited.requests} answered 429 (${(share * 100).toFixed(2)} %), load ${load.toFixed(1)}–${loadNow().toFixed(1)}`,
    ratio: `${(limited.totalMs / boundMs).toFixed(2)}× the bound`,
    isMet: limited.writes === total && limited.totalMs <= 1.15 * boundMs && share <= 0.02,
  });
}
printRows(rows);
process.exitCode = rows.every((row) => row.isMet) ? 0 : 1;
