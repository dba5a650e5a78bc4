/**
 * `npm run bench`: runs every benchmark of perf-reliability.md §5.2 against the sandbox, prints a
 * table and writes bench/results.json (machine, Node version, date, figures, targets, pass/fail).
 *
 *   startup     bench/startup.ts             B0  --version / --help over `node -e 0`, no heavy modules
 *   validate    dist/bench/validate.js       B1  (a colleague's script, spawned)
 *   plan        dist/bench/plan.js           B2/B3 (spawned when present)
 *   apply       dist/bench/apply.js          B4, and B5 with --rate-limited (spawned)
 *   scale       bench/scale.ts               B6  plan at 1 k, 10 k and 100 k objects
 *   reference   bench/reference-strategy.ts  the GET-before-each-write strategy, side by side
 *
 * Flags: `--rate-limited` (adds the ~200 s apply at 300 requests/min), `--only a,b` (a subset),
 * `--scale-sizes 1000,10000` (smaller scale run). Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compareWithReference } from './reference-strategy.js';
import { measureScale, type ScalePoint } from './scale.js';
import { measureCommands, measureStartup } from './startup.js';
import type { Spread } from './stats.js';

interface TargetResult {
  scenario: string;
  target: string;
  measured: string;
  isMet: boolean;
}

const distBench = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
const args = process.argv.slice(2);
const isRateLimited = args.includes('--rate-limited');
const only = readFlag('--only')?.split(',');
const scaleSizes = (readFlag('--scale-sizes') ?? '1000,10000,100000').split(',').map(Number);

function readFlag(name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function isSelected(name: string): boolean {
  return only === undefined || only.includes(name);
}

/** Runs a colleague's script; its output lines, exit code, and the targets it reports ("ok"/"MISS", "met"/"NOT met"). */
function runScript(file: string, extraArgs: string[] = []): { available: boolean; code: number | null; lines: string[]; json: unknown[] } {
  const path = `${distBench}${file}`;
  if (!existsSync(path)) return { available: false, code: null, lines: [], json: [] };
  const child = spawnSync(process.execPath, [path, ...extraArgs], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const lines = `${child.stdout}${child.stderr}`.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const json = lines.filter((line) => line.startsWith('{')).flatMap((line) => {
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
  return { available: true, code: child.status, lines, json };
}

function growth(points: ScalePoint[], pick: (point: ScalePoint) => number): number[] {
  return points.slice(1).map((point, index) => pick(point) / pick(points[index] as ScalePoint));
}

const results: TargetResult[] = [];
const figures: Record<string, unknown> = {};
const record = (scenario: string, target: string, measured: string, isMet: boolean) => results.push({ scenario, target, measured, isMet });

if (isSelected('startup')) {
  const startup = measureStartup();
  figures.startup = startup;
  record('B0 startup', '--version ≤ 80 ms over node -e 0 (median)', `+${startup.versionOverheadMs.toFixed(0)} ms (${startup.versionMs.toFixed(0)} vs ${startup.bareMs.toFixed(0)} ms)`, startup.versionOverheadMs <= 80);
  record('B0 startup', '--help ≤ 80 ms over node -e 0 (median)', `+${startup.helpOverheadMs.toFixed(0)} ms (${startup.helpMs.toFixed(0)} ms)`, startup.helpOverheadMs <= 80);
  record('B0 startup', 'RSS ≤ 80 MB', `${startup.versionRssMb.toFixed(0)} / ${startup.helpRssMb.toFixed(0)} MB`, Math.max(startup.versionRssMb, startup.helpRssMb) <= 80);
  const commands = measureCommands();
  figures.commands = commands;
  const over = (spread: Spread) => `+${(spread.median - commands.bare.median).toFixed(0)} ms (${spread.min.toFixed(0)}–${spread.max.toFixed(0)} vs bare ${commands.bare.min.toFixed(0)}–${commands.bare.max.toFixed(0)} ms)`;
  record('B0 commands', 'validate --help ≤ 100 ms over node -e 0 (median)', over(commands.validateHelp), commands.validateHelp.median - commands.bare.median <= 100);
  record('B0 commands', 'validate, 10 objects ≤ 150 ms over node -e 0', over(commands.validate), commands.validate.median - commands.bare.median <= 150);
  record('B0 commands', 'plan, 10 objects, embedded sandbox ≤ 250 ms over', over(commands.plan), commands.plan.median - commands.bare.median <= 250);
  record('B0 commands', 'peak RSS of that plan ≤ 90 MB', `${commands.planRssMb.toFixed(0)} MB`, commands.planRssMb <= 90);
  record('B0 startup', '--version loads no yaml, ajv, undici', startup.versionLoadedHeavy.length === 0 ? `none of ${startup.modulesLoadedByVersion} modules` : startup.versionLoadedHeavy.join(', '), startup.versionLoadedHeavy.length === 0);
}

for (const [name, file, extra] of [['validate', 'validate.js', []], ['plan', 'plan.js', []], ['apply', 'apply.js', isRateLimited ? ['--rate-limited'] : []]] as const) {
  if (!isSelected(name)) continue;
  const run = runScript(file, [...extra]);
  figures[name] = run;
  if (!run.available) {
    record(`${name} (dist/bench/${file})`, 'script present', 'missing: not built yet', false);
    continue;
  }
  const misses = run.lines.filter((line) => /\bMISS\b|NOT met/.test(line));
  const checks = run.lines.filter((line) => /^\s*(ok|MISS)\b|target:/.test(line));
  record(`${name} (dist/bench/${file})`, checks.length > 0 ? checks.map((line) => line.trim()).join(' | ') : 'exits 0', misses.length > 0 ? misses.join(' | ') : `exit ${run.code}`, run.code === 0 && misses.length === 0);
}

if (isSelected('scale')) {
  const points = await measureScale(scaleSizes);
  figures.scale = points;
  for (const point of points) record('B6 scale', `plan ${point.objects} objects says "No changes."`, `${point.seconds.toFixed(2)} s, ${point.rssMb.toFixed(0)} MB, exit ${point.exitCode}`, point.exitCode === 0);
  const timeGrowth = growth(points, (point) => point.seconds);
  const rssGrowth = growth(points, (point) => point.rssMb);
  record('B6 scale', 'time grows ≤ 12× per 10× step', timeGrowth.map((value) => `${value.toFixed(1)}×`).join(', '), timeGrowth.every((value) => value <= 12));
  record('B6 scale', 'RSS grows ≤ 12× per 10× step', rssGrowth.map((value) => `${value.toFixed(1)}×`).join(', '), rssGrowth.every((value) => value <= 12));
  const largest = points.find((point) => point.objects >= 100_000);
  if (largest) record('B6 scale', '100,000 objects in ≤ 30 s and ≤ 1.5 GB', `${largest.seconds.toFixed(1)} s, ${largest.rssMb.toFixed(0)} MB`, largest.seconds <= 30 && largest.rssMb <= 1536);
}

if (isSelected('reference')) {
  const comparison = await compareWithReference();
  figures.reference = comparison;
  record('reference strategy', 'fewer requests than GET-before-each-write (ratio > 1)', `${comparison.requestRatio.toFixed(2)}× requests (${comparison.reference.requests} vs ${comparison.ours.requests}), ${comparison.timeRatio.toFixed(2)}× wall time`, comparison.requestRatio > 1);
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
  freeMemoryGb: Number((freemem() / 1024 ** 3).toFixed(1)),
  loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
  platform: `${process.platform} ${process.arch}`,
};
writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, machine, targets: results, figures }, null, 2)}\n`);

const widths = [22, 48, 44];
const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
console.log(`\n${cell('scenario', widths[0] as number)} ${cell('target', widths[1] as number)} ${cell('measured', widths[2] as number)} result`);
for (const result of results) {
  console.log(`${cell(result.scenario, widths[0] as number)} ${cell(result.target, widths[1] as number)} ${cell(result.measured, widths[2] as number)} ${result.isMet ? 'pass' : 'FAIL'}`);
}
console.log(`\n${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${process.version}, load average ${machine.loadAverage.join(' ')}. Written to bench/results.json.`);
process.exitCode = results.every((result) => result.isMet) ? 0 : 1;
