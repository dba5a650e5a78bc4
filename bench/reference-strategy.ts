/**
 * The reference strategy, side by side with ours (perf-reliability.md §5.2): what most providers
 * do — a GET per object before each write, parallelism 10 — on the same scenario as the apply
 * benchmark (1,000 creates over 4 dependency levels, 20 ms latency, no rate limit).
 *
 * Ours: `runApply` (one list per kind, then exactly one write per change, parallelism 8).
 * Reference: the same plan executed by the same executor with parallelism 10, but every write is
 * preceded by a GET of that object (`GET /api/v4/<kind>/<name>`; the objects are new, so the
 * sandbox answers 404 after its latency, as a real API would). Requests come from the sandbox audit.
 *
 * Run: `npm run build && node dist/bench/reference-strategy.js` (prints one JSON line last).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { executePlan } from '../cli/core/execute/executor.js';
import type { ExecutionPort } from '../cli/core/execute/types.js';
import { silentReporter } from '../cli/io/reporter.js';
import { runApply } from '../cli/services/apply.js';
import { preparePlan } from '../cli/services/prepare-plan.js';
import { resolveTarget } from '../cli/services/project.js';
import { startSandbox } from '../providers/sandbox/index.js';
import { generateLayeredConfig } from './layered-config.js';
import { createRedactor } from '../cli/io/redactor.js';

const PER_LEVEL = 250;
const LATENCY_MS = 20;

export interface StrategyFigures {
  requests: number;
  writes: number;
  seconds: number;
}

export interface ReferenceComparison {
  changes: number;
  latencyMs: number;
  ours: StrategyFigures;
  reference: StrategyFigures;
  requestRatio: number;
  timeRatio: number;
}

async function withTenant<T>(run: (context: { cwd: string; env: Record<string, string | undefined> }) => Promise<T>): Promise<{ value: T; requests: number; writes: number; seconds: number }> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS, seed: 7 });
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-reference-'));
  try {
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: PER_LEVEL }));
    const env = { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_PARALLELISM: undefined };
    sandbox.resetAudit();
    const started = performance.now();
    const value = await run({ cwd, env });
    const seconds = (performance.now() - started) / 1000;
    const audit = sandbox.audit();
    return { value, requests: audit.requests, writes: audit.writes, seconds };
  } finally {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function runOurs(): Promise<StrategyFigures> {
  const measured = await withTenant(({ cwd, env }) => runApply({ redactor: createRedactor(),
    targetOptions: { cwd, env, paths: [cwd] }, cwd,
    isAutoApproved: true, isForced: false, parallelism: 8, prompter: { isInteractive: false, ask: async () => '' },
    reporter: silentReporter,
  }));
  return { requests: measured.requests, writes: measured.writes, seconds: measured.seconds };
}

async function runReference(): Promise<StrategyFigures> {
  const measured = await withTenant(async ({ cwd, env }) => {
    const target = await resolveTarget({ cwd, env, paths: [cwd] });
    const prepared = await preparePlan({ target, cwd, redactor: createRedactor() });
    const provider = prepared.opened.provider;
    const url = String(env.CONECTA_URL);
    const getFirst = async (kind: string, name: string): Promise<void> => {
      const answer = await request(`${url}/api/v4/${kind}/${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${env.CONECTA_TOKEN}` } });
      await answer.body.dump();
    };
    const port: ExecutionPort = {
      create: async (kind, spec) => {
        await getFirst(kind, String(spec.name ?? spec.email ?? ''));
        return provider.create(kind, spec);
      },
      update: async (kind, id, spec) => {
        await getFirst(kind, id);
        return provider.update(kind, id, spec);
      },
      delete: async (kind, id) => {
        await getFirst(kind, id);
        return provider.delete(kind, id);
      },
      now: () => performance.now(),
    };
    try {
      return await executePlan(prepared.plan, port, { parallelism: 10 });
    } finally {
      await prepared.opened.close();
    }
  });
  return { requests: measured.requests, writes: measured.writes, seconds: measured.seconds };
}

export async function compareWithReference(): Promise<ReferenceComparison> {
  const ours = await runOurs();
  const reference = await runReference();
  return {
    changes: PER_LEVEL * 4,
    latencyMs: LATENCY_MS,
    ours,
    reference,
    requestRatio: reference.requests / ours.requests,
    timeRatio: reference.seconds / ours.seconds,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const comparison = await compareWithReference();
  const line = (name: string, figures: StrategyFigures) => `${name}: ${figures.requests} requests (${figures.writes} writes), ${figures.seconds.toFixed(2)} s`;
  console.log(line('ours (list per kind, parallelism 8)', comparison.ours));
  console.log(line('reference (GET before each write, parallelism 10)', comparison.reference));
  console.log(`reference / ours: ${comparison.requestRatio.toFixed(2)}× requests, ${comparison.timeRatio.toFixed(2)}× wall time`);
  console.log(JSON.stringify({ reference: comparison }));
}
