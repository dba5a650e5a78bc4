/**
 * Benchmark B6 (perf-reliability.md §5.2): `conecta plan` with no changes at 1,000, 10,000 and
 * 100,000 objects (a quarter each of tabulations, teams, agents in those teams, and pauses).
 * Targets: time and peak RSS grow at most 12× per 10× step; 100,000 in ≤ 30 s and ≤ 1.5 GB.
 *
 * The tenant is seeded by writing the sandbox's data file directly: a template config is applied
 * once through the real apply service, and its stored records are cloned N/4 times with new names
 * and ids, so the seeded tenant is exactly what apply would have produced. The plan runs as a
 * child process (`node cli/bin/run.js plan DIR`) against a sandbox in this process; wall time and
 * the child's peak RSS (process.resourceUsage at exit) are measured.
 *
 * Each size is planned BENCH_SCALE_RUNS times (default 3): the median and range are reported.
 *
 * Run: `npm run build && node dist/bench/scale.js [1000,10000,100000]` (prints one JSON line last).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentReporter } from '../cli/io/reporter.js';
import { runApply } from '../cli/services/apply.js';
import { startSandbox, type StoreData } from '../providers/sandbox/index.js';
import { createRedactor } from '../cli/io/redactor.js';
import { loadNow } from './rows.js';
import { summarize } from './stats.js';

const runJs = fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url));
const RSS_REPORTER = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss:"+process.resourceUsage().maxRSS+"\\n"))';

const TEMPLATE = {
  tabulation: 'TPL-TABULATION',
  team: 'TPL-TEAM',
  agent: 'tpl-agent@example.com',
  pause: 'TPL-PAUSE',
};

function configFor(index: string, names = namesFor(index)): string {
  return `tabulations:\n  - name: ${names.tabulation}\n`
    + `teams:\n  - name: ${names.team}\n    tabulations: [${names.tabulation}]\n`
    + `agents:\n  - email: ${names.agent}\n    name: Agent ${index}\n    teams: [${names.team}]\n`
    + `pauses:\n  - name: ${names.pause}\n    maxDuration: 15m\n`;
}

function namesFor(index: string): typeof TEMPLATE {
  return { tabulation: `Tabulation ${index}`, team: `Team ${index}`, agent: `agent.${index}@example.com`, pause: `Pause ${index}` };
}

/** Applies the one-of-each template to an empty sandbox and returns its stored records. */
async function recordTemplate(directory: string): Promise<StoreData> {
  const dataFile = join(directory, 'template.json');
  const sandbox = await startSandbox({ dataFile, seed: 1 });
  const configDirectory = join(directory, 'template');
  mkdirSync(configDirectory);
  writeFileSync(join(configDirectory, 'template.yaml'), `version: 1\n${configFor('0', TEMPLATE)}`);
  try {
    const outcome = await runApply({ redactor: createRedactor(),
      targetOptions: { cwd: directory, env: { ...process.env, CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token }, paths: [configDirectory] }, cwd: directory,
      isAutoApproved: true, isForced: false, parallelism: 4, prompter: { isInteractive: false, ask: async () => '' },
      reporter: silentReporter,
    });
    if (outcome.status !== 'applied') throw new Error('the template apply failed');
  } finally {
    await sandbox.close();
  }
  return JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData;
}

/** The template's records cloned `groups` times, with new names and ids (references follow). */
function cloneTenant(template: StoreData, groups: number): StoreData {
  const templateRecords = Object.entries(template.records).flatMap(([kind, list]) => list.map((record) => ({ kind, record })))
    .filter(({ record }) => Object.values(TEMPLATE).some((name) => JSON.stringify(record).includes(name)));
  const ids = templateRecords.map(({ record }) => String(record['_id']));
  const records: Record<string, unknown[]> = Object.fromEntries(Object.entries(template.records).map(([kind, list]) => [kind, list.filter((record) => !templateRecords.some((entry) => entry.record === record))]));
  const texts = templateRecords.map(({ kind, record }) => ({ kind, text: JSON.stringify(record) }));
  for (let group = 0; group < groups; group += 1) {
    const index = String(group).padStart(6, '0');
    const names = namesFor(index);
    for (const { kind, text } of texts) {
      let clone = text;
      ids.forEach((id, position) => {
        clone = clone.split(id).join(`${position.toString(16).padStart(2, '0')}${group.toString(16).padStart(22, '0')}`);
      });
      for (const key of Object.keys(TEMPLATE) as (keyof typeof TEMPLATE)[]) clone = clone.split(TEMPLATE[key]).join(names[key]);
      clone = clone.split('"Agent 0"').join(`"Agent ${index}"`);
      (records[kind] ??= []).push(JSON.parse(clone));
    }
  }
  return { version: 1, records: records as StoreData['records'] };
}

function writeConfig(directory: string, groups: number): void {
  const perFile = 2500;
  for (let start = 0; start < groups; start += perFile) {
    const parts = { tabulations: [] as string[], teams: [] as string[], agents: [] as string[], pauses: [] as string[] };
    for (let group = start; group < Math.min(groups, start + perFile); group += 1) {
      const index = String(group).padStart(6, '0');
      const names = namesFor(index);
      parts.tabulations.push(`  - name: ${names.tabulation}\n`);
      parts.teams.push(`  - name: ${names.team}\n    tabulations: [${names.tabulation}]\n`);
      parts.agents.push(`  - email: ${names.agent}\n    name: Agent ${index}\n    teams: [${names.team}]\n`);
      parts.pauses.push(`  - name: ${names.pause}\n    maxDuration: 15m\n`);
    }
    const text = `version: 1\n${Object.entries(parts).map(([kind, lines]) => `${kind}:\n${lines.join('')}`).join('')}`;
    writeFileSync(join(directory, `part-${String(start / perFile).padStart(3, '0')}.yaml`), text);
  }
}

export interface ScalePoint {
  objects: number;
  /** Median of `runs` runs, and the range. */
  seconds: number;
  minSeconds: number;
  maxSeconds: number;
  runs: number;
  /** Load average (1 min) before and after the runs. */
  loads: number[];
  /** Largest peak RSS over the runs. */
  rssMb: number;
  exitCode: number | null;
  /** The plan's summary line ("No changes." expected). */
  summary: string;
}

function runPlan(directory: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; rssMb: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_REPORTER, runJs, 'plan', directory, '--detailed-exitcode'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, rssMb: Number(/maxrss:(\d+)/.exec(stderr)?.[1] ?? 0) / 1024, code, stdout, stderr });
    });
  });
}

export async function measureScale(sizes: number[], runs = Number(process.env.BENCH_SCALE_RUNS ?? 3)): Promise<ScalePoint[]> {
  const directory = mkdtempSync(join(tmpdir(), 'conecta-bench-scale-'));
  try {
    mkdirSync(join(directory, '.git'));
    const template = await recordTemplate(directory);
    const points: ScalePoint[] = [];
    for (const objects of sizes) {
      const groups = Math.ceil(objects / 4);
      const dataFile = join(directory, `tenant-${objects}.json`);
      writeFileSync(dataFile, JSON.stringify(cloneTenant(template, groups)));
      const configDirectory = join(directory, `config-${objects}`);
      mkdirSync(configDirectory);
      writeConfig(configDirectory, groups);
      const sandbox = await startSandbox({ dataFile, seed: 1 });
      try {
        const env = { ...process.env, NO_COLOR: '1', CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token };
        const loads = [loadNow()];
        const measured = [];
        for (let attempt = 0; attempt < runs; attempt += 1) {
          measured.push(await runPlan(configDirectory, env));
          loads.push(loadNow());
        }
        const run = measured.find((each) => each.code !== 0) ?? measured[0]!;
        const summary = run.stdout.trim().split('\n').filter((line) => /No changes|^Plan:/.test(line)).pop() ?? run.stderr.trim().split('\n')[0] ?? '';
        const seconds = summarize(measured.map((each) => each.seconds));
        points.push({ objects: groups * 4, seconds: seconds.median, minSeconds: seconds.min, maxSeconds: seconds.max, runs, loads, rssMb: Math.max(...measured.map((each) => each.rssMb)), exitCode: run.code, summary });
      } finally {
        await sandbox.close();
        rmSync(dataFile, { force: true });
      }
    }
    return points;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  const points = await measureScale(sizes);
  for (const point of points) {
    console.log(`plan ${point.objects} objects: ${point.seconds.toFixed(2)} s, peak RSS ${point.rssMb.toFixed(0)} MB, exit ${point.exitCode}: ${point.summary}`);
  }
  console.log(JSON.stringify({ scale: points }));
}
