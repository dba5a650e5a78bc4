/**
 * `npm run bench:apply` (node dist/bench/apply.js): applies 1,000 creates over 4 dependency levels
 * to a loopback sandbox and checks the targets of perf-reliability.md.
 *
 *   (a) 20 ms latency, parallelism 8: exactly 1,000 writes; execution wall ≤ 1.5 × Σ over levels of
 *       ceil(n / 8) × 20 ms.
 *   (b) `--rate-limited` (opt-in, takes about 200 s): the sandbox also allows only 300 requests per
 *       minute; wall ≤ 1.15 × 200 s and at most 2 % of requests answered 429.
 *
 * The sandbox runs in memory on a worker thread. Prints the figures and exits 1 when a target is missed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { createJsonReporter } from '../cli/io/reporter-json.js';
import { runApply } from '../cli/services/apply.js';
import type { SandboxOptions } from '../providers/sandbox/index.js';
import { generateLayeredConfig } from './layered-config.js';
import { createRedactor } from '../cli/io/redactor.js';

const PER_LEVEL = 250;
const LEVELS = 4;
const LATENCY_MS = 20;
const PARALLELISM = 8;
const RATE_PER_MINUTE = 300;

interface Figures {
  name: string;
  writes: number;
  requests: number;
  rateLimited: number;
  executeMs: number;
  totalMs: number;
  /** CPU time of this process (main thread and worker) during the whole apply. */
  cpuMs: number;
  failedSteps: number;
}

async function measure(name: string, rateLimitPerMinute: number): Promise<Figures> {
  const sandbox = await startSandboxThread({ latencyMs: LATENCY_MS, rateLimitPerMinute, seed: 7 });
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-apply-'));
  try {
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: PER_LEVEL }));
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const outcome = await runApply({ redactor: createRedactor(),
      targetOptions: { cwd, paths: [cwd], env: { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_PARALLELISM: undefined } }, cwd,
      isAutoApproved: true, isForced: false, parallelism: PARALLELISM,
      prompter: { isInteractive: false, ask: async () => '' },
      reporter: createJsonReporter({ stdout: discard(), stderr: discard(), isVerbose: false, mask: (text) => text }),
    });
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const audit = await sandbox.audit();
    return {
      name,
      writes: audit.writes,
      requests: audit.requests,
      rateLimited: audit.rateLimited,
      executeMs: outcome.result?.durationMs ?? 0,
      totalMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      failedSteps: outcome.notApplied,
    };
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

function check(label: string, isMet: boolean): boolean {
  console.log(`  ${isMet ? 'ok  ' : 'MISS'} ${label}`);
  return isMet;
}

function report(figures: Figures): void {
  console.log(`${figures.name}: ${figures.writes} writes, ${figures.requests} requests (${figures.rateLimited} answered 429), `
    + `execution ${(figures.executeMs / 1000).toFixed(2)} s, whole apply ${(figures.totalMs / 1000).toFixed(2)} s (CPU ${(figures.cpuMs / 1000).toFixed(2)} s, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs), ${figures.failedSteps} changes not applied`);
}

const total = PER_LEVEL * LEVELS;
const latencyBoundMs = LEVELS * Math.ceil(PER_LEVEL / PARALLELISM) * LATENCY_MS;
let isPassing = true;

const plain = await measure(`(a) ${total} changes, ${LEVELS} levels, ${LATENCY_MS} ms latency, parallelism ${PARALLELISM}`, 0);
report(plain);
isPassing = check(`exactly ${total} writes (${plain.writes})`, plain.writes === total) && isPassing;
isPassing = check(`execution ≤ 1.5 × ${latencyBoundMs} ms = ${1.5 * latencyBoundMs} ms (${Math.round(plain.executeMs)} ms, ${(plain.executeMs / latencyBoundMs).toFixed(2)} × bound)`, plain.executeMs <= 1.5 * latencyBoundMs) && isPassing;

if (process.argv.includes('--rate-limited')) {
  const boundMs = (total / RATE_PER_MINUTE) * 60_000;
  const limited = await measure(`(b) the same at ${RATE_PER_MINUTE} requests/min`, RATE_PER_MINUTE);
  report(limited);
  isPassing = check(`exactly ${total} writes (${limited.writes})`, limited.writes === total) && isPassing;
  isPassing = check(`whole apply ≤ 1.15 × ${boundMs / 1000} s = ${(1.15 * boundMs) / 1000} s (${(limited.totalMs / 1000).toFixed(1)} s)`, limited.totalMs <= 1.15 * boundMs) && isPassing;
  const share = limited.rateLimited / Math.max(1, limited.requests);
  isPassing = check(`≤ 2 % of requests answered 429 (${(share * 100).toFixed(2)} %)`, share <= 0.02) && isPassing;
} else {
  console.log('(b) skipped: run with --rate-limited for the 300 requests/min case (takes about 200 s).');
}

process.exitCode = isPassing ? 0 : 1;
