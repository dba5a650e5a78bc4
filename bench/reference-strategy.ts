/**
 * The reference strategy, side by side with ours (perf-reliability.md §5.2): what most providers
 * do — a GET per object before each write, parallelism 10 — on the same scenario as the apply
 * benchmark (1,000 creates over 4 dependency levels, 20 ms latency, no rate limit).
 *
 * Ours: `runApply` (one list per kind, then exactly one write per change, parallelism 8), then a
 * `plan` of the applied tenant (its refresh: Σ ⌈n/page⌉ list pages).
 * Reference, on routes that exist: the same plan executed by the same executor with parallelism
 * 10, but every write is preceded by a GET — of the object by id where the API has that route, of
 * the kind's list filtered by name otherwise (the objects are new, so the answer is a 404 or an
 * empty list after the sandbox's latency, as from a real API); then a refresh with one GET per
 * object (`GET /<route>/{id}` where it exists, the kind's list filtered by name otherwise) instead
 * of list pages. Requests come from the sandbox audit, which also counts requests to unknown routes
 * (there must be none). BENCH_REFERENCE_RUNS runs (default 3), medians with ranges.
 *
 * Run: `npm run build && node dist/bench/reference-strategy.js` (prints one JSON line last).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { Kind } from '../cli/core/model/resource.js';
import { executePlan } from '../cli/core/execute/executor.js';
import type { ExecutionPort } from '../cli/core/execute/types.js';
import { silentReporter } from '../cli/io/reporter.js';
import { runApply } from '../cli/services/apply.js';
import { preparePlan } from '../cli/services/prepare-plan.js';
import { resolveTarget } from '../cli/services/project.js';
import { kindMappers } from '../providers/conecta/mappers/index.js';
import { KINDS, startSandbox } from '../providers/sandbox/index.js';
import { runPlan } from '../cli/services/plan.js';
import { summarize, type Spread } from './stats.js';
import { loadNow } from './rows.js';
import { generateLayeredConfig } from './layered-config.js';
import { createRedactor } from '../cli/io/redactor.js';

const PER_LEVEL = 250;
const LATENCY_MS = 20;

const RUNS = Number(process.env.BENCH_REFERENCE_RUNS ?? 3);

export interface StrategyFigures {
  /** Requests of the apply (writes and what precedes them). */
  requests: number;
  writes: number;
  seconds: number;
  /** Requests and time of the refresh of the applied tenant. */
  refreshRequests: number;
  refreshSeconds: number;
  /** Requests the sandbox answered 404 "route not found" (must be 0: the strategy uses routes that exist). */
  unknownRoutes: number;
}

export interface ReferenceComparison {
  changes: number;
  latencyMs: number;
  runs: number;
  ours: StrategyFigures;
  reference: StrategyFigures;
  /** Medians of the per-run ratios, with ranges. */
  applyRequestRatio: number;
  applyTime: Spread;
  refreshRequestRatio: number;
  refreshTime: Spread;
  loads: number[];
}

type Tenant = { cwd: string; env: Record<string, string | undefined>; sandbox: Awaited<ReturnType<typeof startSandbox>> };

/** The request the reference strategy sends to look at one object: by id where the route exists, else the list filtered by name. */
function lookupPath(kind: Kind, id: string | undefined, name: string): string {
  const route = kindMappers[kind].endpointOf({} as never);
  const definition = Object.values(KINDS).find((candidate) => candidate.route === route);
  return id !== undefined && definition?.hasGet ? `${route}/${encodeURIComponent(id)}` : `${route}?${new URLSearchParams({ name, paginate: '1', limit: '1' })}`;
}

async function withTenant<T>(run: (context: Tenant) => Promise<T>, refresh: (context: Tenant) => Promise<unknown>): Promise<StrategyFigures> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS, seed: 7, requestLogSize: 10_000 });
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-reference-'));
  try {
    writeFileSync(join(cwd, 'tenant.yaml'), generateLayeredConfig({ perLevel: PER_LEVEL }));
    const env = { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_PARALLELISM: undefined };
    sandbox.resetAudit();
    const started = performance.now();
    await run({ cwd, env, sandbox });
    const seconds = (performance.now() - started) / 1000;
    const audit = sandbox.audit();
    const unknown = (entries: typeof audit.requestLog) => entries.filter((entry) => entry.status === 405 || (entry.status === 404 && !/\/[0-9a-f]{24}$/.test(entry.path))).length;
    const applyUnknown = unknown(audit.requestLog);
    sandbox.resetAudit();
    const refreshStarted = performance.now();
    await refresh({ cwd, env, sandbox });
    const refreshSeconds = (performance.now() - refreshStarted) / 1000;
    const refreshAudit = sandbox.audit();
    return { requests: audit.requests, writes: audit.writes, seconds, refreshRequests: refreshAudit.requests, refreshSeconds, unknownRoutes: applyUnknown + unknown(refreshAudit.requestLog) };
  } finally {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function runOurs(): Promise<StrategyFigures> {
  return withTenant(({ cwd, env }) => runApply({ redactor: createRedactor(),
    targetOptions: { cwd, env, paths: [cwd] }, cwd,
    isAutoApproved: true, isForced: true, parallelism: 8, prompter: { isInteractive: false, ask: async () => '' },
    reporter: silentReporter,
  }), ({ cwd, env }) => runPlan({ redactor: createRedactor(), targetOptions: { cwd, env, paths: [cwd] }, cwd, reporter: silentReporter }));
}

async function runReference(): Promise<StrategyFigures> {
  let url = '';
  let token = '';
  const get = async (path: string): Promise<void> => {
    const answer = await request(`${url}/api/v4${path}`, { headers: { authorization: `Bearer ${token}` } });
    await answer.body.dump();
  };
  return withTenant(async ({ cwd, env }) => {
    url = String(env.CONECTA_URL);
    token = String(env.CONECTA_TOKEN);
    const target = await resolveTarget({ cwd, env, paths: [cwd] });
    const prepared = await preparePlan({ target, cwd, redactor: createRedactor() });
    const provider = prepared.opened.provider;
    const port: ExecutionPort = {
      create: async (kind, spec) => {
        await get(lookupPath(kind, undefined, String(spec.name ?? spec.email ?? '')));
        return provider.create(kind, spec);
      },
      update: async (kind, id, spec) => {
        await get(lookupPath(kind, id, String(spec.name ?? spec.email ?? '')));
        return provider.update(kind, id, spec);
      },
      delete: async (kind, id) => {
        await get(lookupPath(kind, id, ''));
        return provider.delete(kind, id);
      },
      now: () => performance.now(),
    };
    try {
      return await executePlan(prepared.plan, port, { parallelism: 10 });
    } finally {
      await prepared.opened.close();
    }
  }, async ({ sandbox }) => {
    // Refresh as a per-object tool does: one GET per object it manages, 10 at once.
    const objects = (['tabulation', 'team', 'user-group', 'administrator'] as const).flatMap((kind) => {
      const route = kindMappers[kind].endpointOf({} as never);
      const definition = Object.values(KINDS).find((candidate) => candidate.route === route)!;
      return sandbox.store.list(definition.name).map((record) => ({ kind, id: String(record['_id']), name: String(record[definition.keyField] ?? '') }));
    });
    let next = 0;
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (next < objects.length) {
        const object = objects[next++]!;
        await get(lookupPath(object.kind, object.id, object.name));
      }
    }));
  });
}

export async function compareWithReference(runs = RUNS): Promise<ReferenceComparison> {
  const pairs: { ours: StrategyFigures; reference: StrategyFigures }[] = [];
  const loads = [loadNow()];
  for (let run = 0; run < runs; run += 1) {
    pairs.push({ ours: await runOurs(), reference: await runReference() });
    loads.push(loadNow());
  }
  const middle = pairs[Math.floor(pairs.length / 2)]!;
  return {
    changes: PER_LEVEL * 4,
    latencyMs: LATENCY_MS,
    runs,
    ours: middle.ours,
    reference: middle.reference,
    applyRequestRatio: middle.reference.requests / middle.ours.requests,
    applyTime: summarize(pairs.map((pair) => pair.reference.seconds / pair.ours.seconds)),
    refreshRequestRatio: middle.reference.refreshRequests / middle.ours.refreshRequests,
    refreshTime: summarize(pairs.map((pair) => pair.reference.refreshSeconds / pair.ours.refreshSeconds)),
    loads,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const comparison = await compareWithReference();
  const line = (name: string, figures: StrategyFigures) => `${name}: apply ${figures.requests} requests (${figures.writes} writes), ${figures.seconds.toFixed(2)} s; refresh ${figures.refreshRequests} requests, ${figures.refreshSeconds.toFixed(2)} s; ${figures.unknownRoutes} to unknown routes`;
  console.log(line('ours (list per kind, parallelism 8)', comparison.ours));
  console.log(line('reference (GET per object, GET before each write, parallelism 10)', comparison.reference));
  console.log(`reference / ours: apply ${comparison.applyRequestRatio.toFixed(2)}× requests, ${comparison.applyTime.median.toFixed(2)}× wall time; refresh ${comparison.refreshRequestRatio.toFixed(2)}× requests, ${comparison.refreshTime.median.toFixed(2)}× wall time`);
  console.log(JSON.stringify({ reference: comparison }));
}
