/**
 * `npm run bench:plan` (node dist/bench/plan.js): plans 10,000 objects against a loopback sandbox
 * with 20 ms latency and checks the targets of perf-reliability.md.
 *
 *   (a) no changes: list requests = Σ over kinds of ceil(n / page size) (at least one per kind),
 *       zero per-object reads, whole `conecta plan` ≤ 3 s wall;
 *   (b) 2,000 drifted objects: exactly 2,000 changes, buildPlan CPU ≤ 0.5 s.
 *
 * Prints the figures and exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { allKinds } from '../cli/core/kinds/registry.js';
import type { Kind, Spec } from '../cli/core/model/resource.js';
import { normalizeSpec } from '../cli/core/normalize/normalize-spec.js';
import { buildPlan } from '../cli/core/plan/build-plan.js';
import { createStyle } from '../cli/core/render/style.js';
import { createTerminalReporter } from '../cli/io/reporter-terminal.js';
import { runPlan } from '../cli/services/plan.js';
import { preparePlan } from '../cli/services/prepare-plan.js';
import { resolveTarget } from '../cli/services/project.js';
import { ConectaProvider, readConectaSettings } from '../providers/conecta/index.js';
import { startSandbox } from '../providers/sandbox/index.js';
import { MAX_PAGE_SIZE } from '../providers/sandbox/pagination.js';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js';
import { formatLoad, loadNow, printRows, type BenchRow } from './rows.js';
import { formatSpread, summarize } from './stats.js';
import { createRedactor } from '../cli/io/redactor.js';

const LATENCY_MS = 20;
/** Bump when the seed changes, so a stale cached data file is not reused. */
const SEED_VERSION = 3;
const DRIFTED = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The CLI to measure (BENCH_CLI: another checkout's cli/bin/run.js, for a before/after). */
const CLI = process.env.BENCH_CLI ?? fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url));
const COUNTS = { tabulation: 400, 'predefined-message': 300, pause: 100, team: 200, agent: 9_000 } as const;

interface Seed {
  kind: Kind;
  spec: Spec;
}

function generateSeed(): Seed[] {
  const seed: Seed[] = [];
  const tabulations = Array.from({ length: COUNTS.tabulation }, (_, index) => `Tabulação ${index}`);
  const messages = Array.from({ length: COUNTS['predefined-message'] }, (_, index) => `Mensagem ${index}`);
  const teams = Array.from({ length: COUNTS.team }, (_, index) => `Equipe ${index}`);
  for (const name of tabulations) seed.push({ kind: 'tabulation', spec: { name } });
  messages.forEach((name, index) => seed.push({ kind: 'predefined-message', spec: { name, text: `Olá! Esta é a mensagem ${index}.\nAté logo.` } }));
  for (let index = 0; index < COUNTS.pause; index += 1) seed.push({ kind: 'pause', spec: { name: `Pausa ${index}`, maxDuration: `${(index % 50) + 5}m` } });
  teams.forEach((name, index) => seed.push({
    kind: 'team',
    spec: {
      name,
      sessionTimeout: '30m',
      closingMessage: `Obrigado pelo contato com a equipe ${index}.`,
      tabulations: [tabulations[index % tabulations.length]!, tabulations[(index * 7 + 1) % tabulations.length]!],
      predefinedMessages: [messages[index % messages.length]!],
    },
  }));
  for (let index = 0; index < COUNTS.agent; index += 1) {
    seed.push({ kind: 'agent', spec: { email: `agente${index}@acme.com.br`, name: `Agente ${index}`, teams: [teams[index % teams.length]!, teams[(index * 13 + 5) % teams.length]!] } });
  }
  return seed;
}

function toYaml(seed: readonly Seed[], driftedAgents: number): string {
  const sections: Record<string, string[]> = { tabulations: [], predefinedMessages: [], pauses: [], teams: [], agents: [] };
  const key: Record<string, string> = { tabulation: 'tabulations', 'predefined-message': 'predefinedMessages', pause: 'pauses', team: 'teams', agent: 'agents' };
  let drifted = 0;
  for (const { kind, spec } of seed) {
    const copy = { ...spec };
    if (kind === 'agent' && drifted < driftedAgents) {
      copy.name = `${String(copy.name)} (novo)`;
      drifted += 1;
    }
    sections[key[kind]!]!.push(`  - ${JSON.stringify(copy)}`);
  }
  return ['version: 1', ...Object.entries(sections).map(([name, items]) => `${name}:\n${items.join('\n')}`)].join('\n') + '\n';
}

/** Seeds an in-memory sandbox through the API, then writes its store to `dataFile` in one go. */
async function seedSandbox(dataFile: string, seed: readonly Seed[]): Promise<number> {
  const sandbox = await startSandbox({ latencyMs: 0 });
  const provider = new ConectaProvider({ ...readConectaSettings({ CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token, CONECTA_PARALLELISM: '32' }), redactor: createRedactor() });
  const started = performance.now();
  try {
    for (const kind of ['tabulation', 'predefined-message', 'pause', 'team', 'agent'] as const) {
      const items = seed.filter((entry) => entry.kind === kind);
      let next = 0;
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (next < items.length) {
          const item = items[next++]!;
          // Written as apply writes it: normalised, server defaults filled in.
          await provider.create(item.kind, normalizeSpec(item.kind, item.spec));
        }
      }));
    }
    const temporary = `${dataFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(sandbox.store.snapshot()));
    renameSync(temporary, dataFile);
  } finally {
    await provider.close();
    await sandbox.close();
  }
  return performance.now() - started;
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}


async function main(): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), 'conecta-bench-plan-'));
  const dataFile = join(cwd, 'sandbox.json');
  const seed = generateSeed();
  // Seeding through the API takes a while; the seeded data file is cached between runs.
  const cached = join(tmpdir(), `conecta-bench-plan-seed-${SEED_VERSION}.json`);
  if (!existsSync(cached)) {
    console.log(`Seeding ${seed.length} objects through the API (no latency; cached in ${cached})…`);
    const seedMs = await seedSandbox(cached, seed);
    console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s`);
  }
  copyFileSync(cached, dataFile);
  copyFileSync(cached, `${dataFile}.remote.json`);
  // (a) runs the CLI against a sandbox process; (b) measures buildPlan's CPU in this process.
  const remote = await startSandboxProcess({ dataFile: `${dataFile}.remote.json`, latencyMs: LATENCY_MS });
  const remoteEnv = { CONECTA_URL: remote.url, CONECTA_TOKEN: remote.token };
  const sandbox = await startSandbox({ dataFile, latencyMs: LATENCY_MS });
  const env = { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token };
  const rows: BenchRow[] = [];
  try {
    const counts = new Map<string, number>();
    for (const entry of seed) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
    counts.set('user-group', 1);
    // Word filters are two lists on the wire (agents, contacts): one request each.
    const expectedLists = allKinds.reduce((sum, kind) => sum + (kind === 'word-filter' ? 2 : Math.max(1, Math.ceil((counts.get(kind) ?? 0) / MAX_PAGE_SIZE))), 0);

    // (a) no changes: the real CLI, as a user runs it, against the sandbox in its own process.
    writeFileSync(join(cwd, 'same.yaml'), toYaml(seed, 0));
    const walls: number[] = [];
    let changes = -1;
    let audit: Awaited<ReturnType<SandboxProcess['audit']>> | undefined;
    const loads = [loadNow()];
    for (let run = 0; run < RUNS; run += 1) {
      await remote.resetAudit();
      const started = performance.now();
      const child = spawnSync(process.execPath, [CLI, 'plan', join(cwd, 'same.yaml'), '--json'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...remoteEnv, NO_COLOR: '1' } });
      walls.push(performance.now() - started);
      if (child.status !== 0) throw new Error(`conecta plan exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
      changes = (JSON.parse(child.stdout) as { changes: unknown[] }).changes.length;
      audit = await remote.audit();
      loads.push(loadNow());
    }
    const byRoute = audit?.byRoute ?? {};
    const listRequests = Object.entries(byRoute).filter(([route]) => route.startsWith('GET ') && !route.includes('{id}') && !route.includes('/version') && !route.includes('/auth/')).reduce((sum, [, count]) => sum + count, 0);
    const perObjectReads = Object.entries(byRoute).filter(([route]) => route.startsWith('GET ') && route.includes('{id}')).reduce((sum, [, count]) => sum + count, 0);
    const wall = summarize(walls);
    console.log(`\n(a) \`conecta plan\`, 10,000 objects, no changes, ${LATENCY_MS} ms latency, sandbox in its own process (${RUNS} runs): ${changes} changes, ${audit?.requests} requests `
      + `(${listRequests} list pages, ${perObjectReads} per-object reads; bound Σ ⌈n/${MAX_PAGE_SIZE}⌉ = ${expectedLists} at the tenant's largest page, ratio ${(listRequests / expectedLists).toFixed(2)}), `
      + `median ${(wall.median / 1000).toFixed(2)} s (${(wall.min / 1000).toFixed(2)}–${(wall.max / 1000).toFixed(2)} s)`);
    console.log(`    requests by route: ${JSON.stringify(byRoute)}`);
    console.log(JSON.stringify({ plan10k: { runs: RUNS, medianMs: wall.median, minMs: wall.min, maxMs: wall.max, requests: audit?.requests, listRequests, boundRequests: expectedLists, perObjectReads, changes } }));
    const scenario = `plan 10,000 objects, no changes, ${LATENCY_MS} ms latency, sandbox process, ${RUNS} runs`;
    rows.push({ id: 'B2', scenario, target: `list requests = Σ ⌈n/page⌉ at the tenant's page (${MAX_PAGE_SIZE}) = ${expectedLists}; 0 per-object reads; 0 changes`, measured: `${listRequests} list pages + ${(audit?.requests ?? 0) - listRequests - perObjectReads} handshake, ${perObjectReads} per-object reads, ${changes} changes`, ratio: `${(listRequests / expectedLists).toFixed(2)}× the bound`, isMet: listRequests === expectedLists && perObjectReads === 0 && changes === 0 });
    rows.push({ id: 'B2', scenario, target: 'median wall ≤ 1.2 s', measured: `${formatSpread(wall, 's')}, ${formatLoad(loads)}`, ratio: `${(wall.median / 1_200).toFixed(2)}× the target`, isMet: wall.median <= 1_200 });

    // (b) 2,000 drifted objects
    writeFileSync(join(cwd, 'drift.yaml'), toYaml(seed, DRIFTED));
    sandbox.resetAudit();
    const started = performance.now();
    const textReporter = createTerminalReporter({ stdout: discard(), stderr: discard(), style: createStyle(false), isVerbose: false, isLiveProgress: false, mask: (text) => text });
    const drift = await runPlan({ redactor: createRedactor(), targetOptions: { cwd, env, paths: [join(cwd, 'drift.yaml')] }, cwd, reporter: textReporter });
    textReporter.result({ command: 'plan', plan: drift.plan, format: 'text' });
    const driftWall = performance.now() - started;
    const prepared = await preparePlan({ target: await resolveTarget({ cwd, env, paths: [join(cwd, 'drift.yaml')] }), cwd, redactor: createRedactor() });
    await prepared.opened.close();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const rebuilt = buildPlan(prepared.desired, prepared.snapshot, { target: prepared.plan.target });
    const cpu = process.cpuUsage(cpuBefore);
    const buildWall = performance.now() - wallBefore;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`\n(b) ${DRIFTED} drifted agents: ${drift.plan.changes.length} changes (${drift.plan.summary.update} updates), whole plan ${(driftWall / 1000).toFixed(2)} s, `
      + `buildPlan CPU ${cpuMs.toFixed(0)} ms (wall ${buildWall.toFixed(0)} ms)`);
    rows.push({ id: 'B3', scenario: `plan with ${DRIFTED} drifted agents (10,000 objects)`, target: `exactly ${DRIFTED} changes; buildPlan CPU ≤ 0.5 s`, measured: `${drift.plan.changes.length} changes; buildPlan CPU ${cpuMs.toFixed(0)} ms (wall ${buildWall.toFixed(0)} ms), load ${loadNow().toFixed(1)}`, ratio: `${(cpuMs / 500).toFixed(2)}× the CPU target`, isMet: drift.plan.changes.length === DRIFTED && rebuilt.changes.length === DRIFTED && cpuMs <= 500 });
  } finally {
    await remote.close();
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
  printRows(rows);
  if (!rows.every((row) => row.isMet)) process.exitCode = 1;
}

await main();
