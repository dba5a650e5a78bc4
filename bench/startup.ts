/**
 * Benchmark B0 (perf-reliability.md §5.2): `conecta --version` and `conecta --help` against a bare
 * `node -e 0`, median of RUNS interleaved runs (BENCH_STARTUP_RUNS, default 15), with peak RSS.
 * Also proves that `--version` loads no YAML parser, ajv nor undici: a preload records every
 * module loaded (ESM through a resolve hook, CommonJS through the require cache) and prints the
 * list at exit. Targets: --version and --help each ≤ 80 ms over the bare start (issue 9); RSS ≤ 80 MB.
 *
 * Run: `npm run build && node dist/bench/startup.js` (prints one JSON line last).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadNow } from './rows.js';
import { summarize, type Spread } from './stats.js';

const runJs = fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url));
const HEAVY_PACKAGES = ['yaml', 'ajv', 'undici'] as const;

/** Prints `maxrss:<KB>` on stderr at exit. */
const RSS_REPORTER = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss:"+process.resourceUsage().maxRSS+"\\n"))';

/** Records every module URL resolved (ESM) and every CommonJS file loaded into $MODULE_LOG. */
const MODULE_RECORDER = `data:text/javascript,${encodeURIComponent([
  'import Module, { register } from "node:module";',
  'import { appendFileSync } from "node:fs";',
  'const hook = `import { appendFileSync } from "node:fs";',
  'export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); appendFileSync(process.env.MODULE_LOG, resolved.url + "\\\\n"); return resolved; }`;',
  'register("data:text/javascript," + encodeURIComponent(hook));',
  'process.on("exit", () => appendFileSync(process.env.MODULE_LOG, Object.keys(Module._cache).map((file) => file + "\\n").join("")));',
].join('\n'))}`;

/** A 10-object config (3 tabulations, 2 pauses, 2 teams, 3 agents) for the real commands. */
const SMALL_CONFIG = [
  'version: 1',
  'tabulations:', '  - name: Atendimento concluído', '  - name: Venda realizada', '  - name: Sem resposta',
  'pauses:', '  - name: Almoço', '    maxDuration: 1h', '  - name: Café', '    maxDuration: 15m',
  'teams:', '  - name: Suporte', '    tabulations: [Atendimento concluído, Sem resposta]', '  - name: Vendas', '    tabulations: [Venda realizada]',
  'agents:',
  '  - email: ana@exemplo.com.br', '    name: Ana Souza', '    teams: [Suporte]',
  '  - email: bruno@exemplo.com.br', '    name: Bruno Lima', '    teams: [Vendas]',
  '  - email: carla@exemplo.com.br', '    name: Carla Dias', '    teams: [Suporte, Vendas]',
  '',
].join('\n');

/** Real commands through oclif, each against `node -e 0` (issue 17.1 targets, over the bare start). */
export interface CommandFigures {
  runs: number;
  bare: Spread;
  validateHelp: Spread;
  validate: Spread;
  plan: Spread;
  planRssMb: number;
  /** 1-minute load average before the runs and after each round. */
  loads: number[];
}

/** `validate --help`, `validate` and `plan` (embedded sandbox, persisted) of a 10-object config, interleaved with `node -e 0`. */
export function measureCommands(runs = Number(process.env.BENCH_STARTUP_RUNS ?? 9)): CommandFigures {
  const directory = mkdtempSync(join(tmpdir(), 'conecta-bench-commands-'));
  try {
    writeFileSync(join(directory, 'config.yaml'), SMALL_CONFIG);
    const env = { ...process.env, NO_COLOR: '1', CONECTA_URL: '', CONECTA_SANDBOX_DATA: join(directory, 'sandbox.json') };
    const series: Record<'bare' | 'validateHelp' | 'validate' | 'plan', number[]> = { bare: [], validateHelp: [], validate: [], plan: [] };
    let planRss = 0;
    timeRun([runJs, 'validate', join(directory, 'config.yaml')], env, directory);
    timeRun([runJs, 'plan', join(directory, 'config.yaml')], env, directory);
    const loads = [loadNow()];
    for (let run = 0; run < runs; run += 1) {
      series.bare.push(timeRun(['-e', '0'], env, directory).ms);
      series.validateHelp.push(timeRun([runJs, 'validate', '--help'], env, directory).ms);
      series.validate.push(timeRun([runJs, 'validate', join(directory, 'config.yaml')], env, directory).ms);
      const plan = timeRun([runJs, 'plan', join(directory, 'config.yaml')], env, directory);
      series.plan.push(plan.ms);
      planRss = Math.max(planRss, plan.rssMb);
      loads.push(loadNow());
    }
    return { runs, bare: summarize(series.bare), validateHelp: summarize(series.validateHelp), validate: summarize(series.validate), plan: summarize(series.plan), planRssMb: planRss, loads };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface StartupFigures {
  runs: number;
  bare: Spread;
  version: Spread;
  help: Spread;
  loads: number[];
  versionOverheadMs: number;
  helpOverheadMs: number;
  versionRssMb: number;
  helpRssMb: number;
  /** Heavy packages that `--version` loaded (should be empty). */
  versionLoadedHeavy: string[];
  modulesLoadedByVersion: number;
}

function timeRun(args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): { ms: number; rssMb: number } {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', RSS_REPORTER, ...args], { encoding: 'utf8', env, ...(cwd ? { cwd } : {}) });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { ms, rssMb: Number(/maxrss:(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024 };
}


/** The heavy packages among the modules that `conecta --version` loads. */
export function listHeavyModulesOfVersion(): { heavy: string[]; count: number } {
  const directory = mkdtempSync(join(tmpdir(), 'conecta-bench-startup-'));
  try {
    const log = join(directory, 'modules.txt');
    const child = spawnSync(process.execPath, ['--import', MODULE_RECORDER, runJs, '--version'], { encoding: 'utf8', env: { ...process.env, MODULE_LOG: log } });
    if (child.status !== 0) throw new Error(`conecta --version exited ${child.status}: ${child.stderr}`);
    const modules = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean).map((entry) => (entry.startsWith('/') ? pathToFileURL(entry).href : entry)))];
    const heavy = HEAVY_PACKAGES.filter((name) => modules.some((url) => url.includes(`/node_modules/${name}/`)));
    return { heavy, count: modules.length };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function measureStartup(runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15)): StartupFigures {
  const env = { ...process.env, NO_COLOR: '1' };
  const bare: number[] = [];
  const version: number[] = [];
  const help: number[] = [];
  let versionRss = 0;
  let helpRss = 0;
  timeRun([runJs, '--version'], env); // warm the file cache
  const loads = [loadNow()];
  for (let run = 0; run < runs; run += 1) {
    bare.push(timeRun(['-e', '0'], env).ms);
    const versionRun = timeRun([runJs, '--version'], env);
    version.push(versionRun.ms);
    versionRss = Math.max(versionRss, versionRun.rssMb);
    const helpRun = timeRun([runJs, '--help'], env);
    help.push(helpRun.ms);
    helpRss = Math.max(helpRss, helpRun.rssMb);
    loads.push(loadNow());
  }
  const loaded = listHeavyModulesOfVersion();
  return {
    runs,
    bare: summarize(bare),
    version: summarize(version),
    help: summarize(help),
    loads,
    versionOverheadMs: summarize(version).median - summarize(bare).median,
    helpOverheadMs: summarize(help).median - summarize(bare).median,
    versionRssMb: versionRss,
    helpRssMb: helpRss,
    versionLoadedHeavy: loaded.heavy,
    modulesLoadedByVersion: loaded.count,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = measureStartup();
  console.log(`node -e 0: ${figures.bare.median.toFixed(0)} ms; conecta --version: ${figures.version.median.toFixed(0)} ms (+${figures.versionOverheadMs.toFixed(0)} ms, ${figures.versionRssMb.toFixed(0)} MB); `
    + `conecta --help: ${figures.help.median.toFixed(0)} ms (+${figures.helpOverheadMs.toFixed(0)} ms, ${figures.helpRssMb.toFixed(0)} MB); medians of ${figures.runs} runs.`);
  console.log(`--version loaded ${figures.modulesLoadedByVersion} modules; heavy ones: ${figures.versionLoadedHeavy.length === 0 ? 'none' : figures.versionLoadedHeavy.join(', ')}.`);
  console.log(JSON.stringify({ startup: figures }));
}
