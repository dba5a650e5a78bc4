/**
 * Benchmark B1 (perf-reliability.md): `conecta validate` on 10,000 resources (~2 MB of YAML in
 * 10 files), two of which the fast line scanner (cli/io/yaml-fast.ts) declines, so that the `yaml`
 * parser's cost is in the figure: one with CRLF line ends (as saved on Windows) and one using an
 * anchor and aliases. Reports the median wall time with its range and peak RSS of the spawned CLI
 * over BENCH_RUNS runs (default 5). Target on a 2-core machine: ≤ 1.5 s and ≤ 400 MB.
 * Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLoad, loadNow, printRows } from './rows.js';
import { formatSpread, summarize } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const header = 'version: 1\n';

export function generateConfig(directory: string): { files: number; bytes: number; resources: number } {
  const teams = Array.from({ length: 40 }, (_, index) => `Equipe ${index}`);
  const tabulations = Array.from({ length: 200 }, (_, index) => `Tabulação ${index}`);
  const messages = Array.from({ length: 100 }, (_, index) => `Mensagem ${index}`);
  const files: Record<string, string> = {};
  let resources = 0;
  files['00-catalog.yaml'] = header
    + `tabulations:\n${tabulations.map((name) => `  - name: ${name}\n`).join('')}`
    + `predefinedMessages:\n${messages.map((name, index) => `  - name: ${name}\n    text: "Olá! Esta é a mensagem predefinida número ${index}, usada pelos agentes."\n`).join('')}`
    + `pauses:\n${Array.from({ length: 40 }, (_, index) => `  - name: Pausa ${index}\n    maxDuration: 15m\n    productive: ${index % 2 === 0}\n`).join('')}`
    + `scheduleGroups:\n${Array.from({ length: 60 }, (_, index) => `  - name: Horário ${index}\n    intervals:\n      - days: [mon, tue, wed, thu, fri]\n        from: "08:00"\n        to: "18:00"\n    holidays:\n      - { date: "12-25", name: Natal }\n`).join('')}`
    + `wordFilters:\n  agentBlocked: [${Array.from({ length: 30 }, (_, index) => `palavra${index}`).join(', ')}]\n  noFlowStart: [${Array.from({ length: 30 }, (_, index) => `obrigado${index}`).join(', ')}]\n`;
  resources += 200 + 100 + 40 + 60 + 60;
  files['01-teams.yaml'] = header + `teams:\n${teams.map((name, index) => `  - name: ${name}\n    sessionTimeout: 30m\n    closingMessage: "Obrigado pelo contato com a ${name}."\n    tabulations: [${tabulations.slice(index * 5, index * 5 + 5).join(', ')}]\n    predefinedMessages: [${messages[index % 100]}]\n${index > 0 ? `    overflowTeam: ${teams[index - 1]}\n` : ''}`).join('')}`;
  resources += teams.length;
  const agentFiles = 8;
  const agentCount = 10_000 - resources;
  for (let file = 0; file < agentFiles; file += 1) {
    const lines: string[] = [header, 'agents:\n'];
    let aliases = 0;
    for (let index = file; index < agentCount; index += agentFiles) {
      // File 1 names its login hours once and aliases them (the scanner declines anchors and aliases; the parser allows 100 expansions).
      const hours = file !== 1 ? '\n      from: "07:00"\n      to: "19:00"' : aliases === 0 ? ' &hours\n      from: "07:00"\n      to: "19:00"' : aliases < 90 ? ' *hours' : '\n      from: "07:00"\n      to: "19:00"';
      if (file === 1) aliases += 1;
      lines.push(`  - email: agente.${index}@acme.com.br\n    name: "Agente Número ${index}"\n    codename: ag${index}\n    teams: [${teams[index % 40]}, ${teams[(index + 7) % 40]}]\n    maxSimultaneousChats: ${index % 10}\n    loginHours:${hours}\n    conversationHistory: inherit\n`);
      resources += 1;
    }
    // File 0 is saved with CRLF line ends (the scanner declines carriage returns).
    const text = lines.join('');
    files[`${String(file + 2).padStart(2, '0')}-agents.yaml`] = file === 0 ? text.replaceAll('\n', '\r\n') : text;
  }
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(directory, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: Object.keys(files).length, bytes, resources };
}

function measure(directory: string): { seconds: number; rssMb: number; status: number | null; output: string } {
  const reportRss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss:"+process.resourceUsage().maxRSS+"\\n"))';
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', reportRss, join(root, 'cli', 'bin', 'run.js'), 'validate', directory], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(/maxrss:(\d+)/.exec(child.stderr)?.[1] ?? 0);
  return { seconds, rssMb: rssKb / 1024, status: child.status, output: `${child.stdout}${child.stderr.replace(/\nmaxrss:\d+\n/, '')}`.trim() };
}

function main(): void {
  const directory = mkdtempSync(join(tmpdir(), 'conecta-bench-'));
  try {
    const generated = generateConfig(directory);
    console.log(`Generated ${generated.resources} resources, ${(generated.bytes / 1024 / 1024).toFixed(2)} MB in ${generated.files} files (2 declined by the fast scanner: CRLF, anchors).`);
    const loads = [loadNow()];
    const runs = Array.from({ length: RUNS }, () => {
      const run = measure(directory);
      loads.push(loadNow());
      return run;
    });
    const failed = runs.find((run) => run.status !== 0);
    if (failed) {
      console.error(`conecta validate exited ${failed.status}:\n${failed.output.slice(0, 2000)}`);
      process.exitCode = 1;
      return;
    }
    console.log(runs[0]?.output.split('\n')[0]);
    const wall = summarize(runs.map((run) => run.seconds * 1000));
    const rss = Math.max(...runs.map((run) => run.rssMb));
    printRows([{
      id: 'B1',
      scenario: `validate ${generated.resources} objects (${(generated.bytes / 1024 / 1024).toFixed(2)} MB, ${generated.files} files, 2 declined by the scanner), ${RUNS} runs`,
      target: '≤ 1.5 s, ≤ 400 MB',
      measured: `${formatSpread(wall, 's')}, peak RSS ${rss.toFixed(0)} MB, ${formatLoad(loads)}`,
      ratio: `${(wall.median / 1500).toFixed(2)}× the time target`,
      isMet: wall.median <= 1500 && rss <= 400,
    }]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main();
