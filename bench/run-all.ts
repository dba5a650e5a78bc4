/**
 * `npm run bench`: runs every benchmark against the sandbox, prints one row per target with pass or
 * fail, and writes bench/results.json (machine, Node version, date, load averages, rows, figures).
 * `--write-markdown` then writes BENCHMARKS.md's generated section (between its bench:results
 * markers) from bench/results.json — the table is never copied by hand.
 *
 *   startup     bench/startup.ts             B0  --version, --help, validate --help, validate and plan
 *                                                of 10 objects through oclif, over `node -e 0`
 *   validate    dist/bench/validate.js       B1  (spawned)
 *   plan        dist/bench/plan.js           B2/B3 (spawned)
 *   apply       dist/bench/apply.js          B4 (sandbox process; embedded, persisted), B5 with --rate-limited
 *   scale       bench/scale.ts               B6  plan at 1 k, 10 k and 100 k objects
 *   reference   bench/reference-strategy.ts  a per-object strategy on routes that exist, side by side
 *
 * Flags: `--rate-limited` (adds the ~200 s apply at 300 requests/min), `--only a,b` (a subset),
 * `--scale-sizes 1000,10000` (smaller scale run), `--write-markdown` (only regenerate
 * BENCHMARKS.md from bench/results.json, measuring nothing). Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compareWithReference } from './reference-strategy.js';
import { replaceResultsSection, type BenchResults } from './markdown.js';
import { formatLoad, loadNow, type BenchRow } from './rows.js';
import { measureScale, type ScalePoint } from './scale.js';
import { measureCommands, measureStartup } from './startup.js';
import type { Spread } from './stats.js';


const distBench = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
const markdownFile = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const args = process.argv.slice(2);
const KNOWN_FLAGS = new Set(['--rate-limited', '--only', '--scale-sizes', '--write-markdown']);
const unknown = args.filter((arg, index) => arg.startsWith('-') && !KNOWN_FLAGS.has(arg) && !['--only', '--scale-sizes'].includes(args[index - 1] ?? ''));
if (unknown.length > 0) {
  // The header comment above is the usage; an unknown flag must not start a run recorded under it.
  console.error(`Unknown flag ${unknown.join(', ')}. Flags: --rate-limited, --only a,b, --scale-sizes 1000,10000, --write-markdown.`);
  process.exit(2);
}

function readFlag(name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Runs a benchmark script and returns the rows it printed (`{"rows":[…]}`), or a failing row saying why there are none. */
function runScript(file: string, extraArgs: string[] = []): { rows: BenchRow[]; output: string[] } {
  const path = `${distBench}${file}`;
  if (!existsSync(path)) return { rows: [{ id: file, scenario: `dist/bench/${file}`, target: 'script present', measured: 'missing: run npm run build', isMet: false }], output: [] };
  const child = spawnSync(process.execPath, [path, ...extraArgs], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${child.stdout}${child.stderr}`.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const rows = output.filter((line) => line.startsWith('{"rows"')).flatMap((line) => (JSON.parse(line) as { rows: BenchRow[] }).rows);
  if (rows.length === 0) rows.push({ id: file, scenario: `dist/bench/${file}`, target: 'prints its rows', measured: `exit ${child.status}: ${output.slice(-3).join(' | ').slice(0, 300)}`, isMet: false });
  return { rows, output };
}

function growth(points: ScalePoint[], pick: (point: ScalePoint) => number): number[] {
  return points.slice(1).map((point, index) => pick(point) / pick(points[index] as ScalePoint));
}

async function measureAll(): Promise<BenchResults> {
  const only = readFlag('--only')?.split(',');
  const isSelected = (name: string) => only === undefined || only.includes(name);
  const scaleSizes = (readFlag('--scale-sizes') ?? '1000,10000,100000').split(',').map(Number);
  const rows: BenchRow[] = [];
  const figures: Record<string, unknown> = {};
  const loadBefore = loadNow();

  if (isSelected('startup')) {
    const startup = measureStartup();
    figures.startup = startup;
    const overBare = (spread: Spread, bare: Spread) => `+${(spread.median - bare.median).toFixed(0)} ms (${spread.median.toFixed(0)} ms, ${spread.min.toFixed(0)}–${spread.max.toFixed(0)}; bare ${bare.median.toFixed(0)} ms, ${bare.min.toFixed(0)}–${bare.max.toFixed(0)})`;
    rows.push({ id: 'B0', scenario: `conecta --version vs node -e 0, ${startup.runs} interleaved runs`, target: '≤ 80 ms over bare start (median)', measured: `${overBare(startup.version, startup.bare)}, ${formatLoad(startup.loads)}`, ratio: `${((startup.version.median - startup.bare.median) / 80).toFixed(2)}× the target`, isMet: startup.version.median - startup.bare.median <= 80 });
    rows.push({ id: 'B0', scenario: `conecta --help vs node -e 0, ${startup.runs} interleaved runs`, target: '≤ 80 ms over bare start (median)', measured: overBare(startup.help, startup.bare), ratio: `${((startup.help.median - startup.bare.median) / 80).toFixed(2)}× the target`, isMet: startup.help.median - startup.bare.median <= 80 });
    rows.push({ id: 'B0', scenario: '--version loads no yaml, ajv, undici; peak RSS of --version / --help', target: 'none of them; ≤ 80 MB', measured: `${startup.versionLoadedHeavy.length === 0 ? `none of ${startup.modulesLoadedByVersion} modules` : startup.versionLoadedHeavy.join(', ')}; ${startup.versionRssMb.toFixed(0)} / ${startup.helpRssMb.toFixed(0)} MB`, isMet: startup.versionLoadedHeavy.length === 0 && Math.max(startup.versionRssMb, startup.helpRssMb) <= 80 });
    const commands = measureCommands();
    figures.commands = commands;
    const command = (scenario: string, spread: Spread, limit: number) => ({
      id: 'B0', scenario: `${scenario}, ${commands.runs} runs interleaved with node -e 0`, target: `≤ ${limit} ms over node -e 0 (median)`,
      measured: `${overBare(spread, commands.bare)}, ${formatLoad(commands.loads)}`, ratio: `${((spread.median - commands.bare.median) / limit).toFixed(2)}× the target`, isMet: spread.median - commands.bare.median <= limit,
    });
    rows.push(command('validate --help', commands.validateHelp, 100));
    rows.push(command('validate, 10 objects', commands.validate, 150));
    rows.push(command('plan, 10 objects, embedded persisted sandbox', commands.plan, 250));
    rows.push({ id: 'B0', scenario: 'peak RSS of that plan', target: '≤ 90 MB', measured: `${commands.planRssMb.toFixed(0)} MB`, ratio: `${(commands.planRssMb / 90).toFixed(2)}× the target`, isMet: commands.planRssMb <= 90 });
  }

  for (const [name, file, extra] of [['validate', 'validate.js', []], ['plan', 'plan.js', []], ['apply', 'apply.js', args.includes('--rate-limited') ? ['--rate-limited'] : []]] as const) {
    if (!isSelected(name)) continue;
    const run = runScript(file, [...extra]);
    figures[name] = run.output;
    rows.push(...run.rows);
  }

  if (isSelected('scale')) {
    const points = await measureScale(scaleSizes);
    figures.scale = points;
    for (const point of points) {
      rows.push({ id: 'B6', scenario: `plan ${point.objects.toLocaleString('en-US')} objects, no changes, ${point.runs} runs`, target: '"No changes."', measured: `${point.seconds.toFixed(2)} s (${point.minSeconds.toFixed(2)}–${point.maxSeconds.toFixed(2)} s), ${point.rssMb.toFixed(0)} MB, exit ${point.exitCode}, ${formatLoad(point.loads)}`, isMet: point.exitCode === 0 });
    }
    const timeGrowth = growth(points, (point) => point.seconds);
    const rssGrowth = growth(points, (point) => point.rssMb);
    rows.push({ id: 'B6', scenario: 'growth per 10× step (medians)', target: 'time and RSS ≤ 12×', measured: `time ${timeGrowth.map((value) => `${value.toFixed(1)}×`).join(', ')}; RSS ${rssGrowth.map((value) => `${value.toFixed(1)}×`).join(', ')}`, isMet: [...timeGrowth, ...rssGrowth].every((value) => value <= 12) });
    const largest = points.find((point) => point.objects >= 100_000);
    if (largest) rows.push({ id: 'B6', scenario: '100,000 objects', target: '≤ 30 s, ≤ 1.5 GB', measured: `${largest.seconds.toFixed(1)} s, ${largest.rssMb.toFixed(0)} MB`, ratio: `${(largest.seconds / 30).toFixed(2)}× the time target`, isMet: largest.seconds <= 30 && largest.rssMb <= 1536 });
  }

  if (isSelected('reference')) {
    const comparison = await compareWithReference();
    figures.reference = comparison;
    const spread = (value: Spread) => `${value.median.toFixed(2)}× (${value.min.toFixed(2)}–${value.max.toFixed(2)})`;
    rows.push({ id: 'ref', scenario: `apply ${comparison.changes} creates, ${comparison.latencyMs} ms: a GET before each write (parallelism 10) vs ours, ${comparison.runs} runs`, target: 'fewer requests than the reference; no request to a route that does not exist', measured: `reference ${comparison.reference.requests} requests, ours ${comparison.ours.requests}: ${comparison.applyRequestRatio.toFixed(2)}× the requests, ${spread(comparison.applyTime)} the wall time; ${comparison.reference.unknownRoutes} to unknown routes, ${formatLoad(comparison.loads)}`, isMet: comparison.applyRequestRatio > 1 && comparison.reference.unknownRoutes === 0 });
    rows.push({ id: 'ref', scenario: `refresh of those ${comparison.changes} objects: a GET per object vs our list pages`, target: 'fewer requests than the reference', measured: `reference ${comparison.reference.refreshRequests} requests, ours ${comparison.ours.refreshRequests}: ${comparison.refreshRequestRatio.toFixed(2)}× the requests, ${spread(comparison.refreshTime)} the wall time`, isMet: comparison.refreshRequestRatio > 1 });
  }

  return {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)), freeMemoryGb: Number((freemem() / 1024 ** 3).toFixed(1)), platform: `${process.platform} ${process.arch}` },
    loadAverage: { before: loadBefore, after: loadNow() },
    command: `node dist/bench/run-all.js ${args.join(' ')}`.trim(),
    rows,
    figures,
  };
}

function writeMarkdown(): void {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
  writeFileSync(markdownFile, replaceResultsSection(readFileSync(markdownFile, 'utf8'), results));
  console.log(`BENCHMARKS.md: wrote ${results.rows.length} rows from bench/results.json (${results.date}).`);
}

if (args.includes('--write-markdown')) {
  writeMarkdown();
} else {
  const results = await measureAll();
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const widths = [4, 60, 52, 70];
  const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  console.log(`\n${cell('id', widths[0]!)} ${cell('scenario', widths[1]!)} ${cell('target', widths[2]!)} ${cell('measured', widths[3]!)} result`);
  for (const row of results.rows) console.log(`${cell(row.id, widths[0]!)} ${cell(row.scenario, widths[1]!)} ${cell(row.target, widths[2]!)} ${cell(row.measured, widths[3]!)} ${row.isMet ? 'pass' : 'FAIL'}`);
  console.log(`\n${results.machine.cores} × ${results.machine.cpu}, Node ${results.node}, load average ${results.loadAverage.before} → ${results.loadAverage.after}. Written to bench/results.json; \`node dist/bench/run-all.js --write-markdown\` writes BENCHMARKS.md from it.`);
  process.exitCode = results.rows.every((row) => row.isMet) ? 0 : 1;
}
