/**
 * Benchmark B1 (perf-reliability.md): `conecta validate` on 10,000 resources (~2 MB of YAML in
 * 10 files). Reports wall time and peak RSS of the spawned CLI over a few runs.
 * Target on a 2-core machine: ≤ 1.5 s and ≤ 400 MB. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    for (let index = file; index < agentCount; index += agentFiles) {
      lines.push(`  - email: agente.${index}@acme.com.br\n    name: "Agente Número ${index}"\n    codename: ag${index}\n    teams: [${teams[index % 40]}, ${teams[(index + 7) % 40]}]\n    maxSimultaneousChats: ${index % 10}\n    loginHours:\n      from: "07:00"\n      to: "19:00"\n    conversationHistory: inherit\n`);
      resources += 1;
    }
    files[`${String(file + 2).padStart(2, '0')}-agents.yaml`] = lines.join('');
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
    console.log(`Generated ${generated.resources} resources, ${(generated.bytes / 1024 / 1024).toFixed(2)} MB in ${generated.files} files.`);
    const runs = Array.from({ length: RUNS }, () => measure(directory));
    const failed = runs.find((run) => run.status !== 0);
    if (failed) {
      console.error(`conecta validate exited ${failed.status}:\n${failed.output.slice(0, 2000)}`);
      process.exitCode = 1;
      return;
    }
    console.log(runs[0]?.output.split('\n')[0]);
    const times = runs.map((run) => run.seconds).sort((left, right) => left - right);
    const rss = Math.max(...runs.map((run) => run.rssMb));
    const median = times[Math.floor(times.length / 2)] as number;
    console.log(`validate: median ${median.toFixed(2)} s, min ${times[0]?.toFixed(2)} s, max ${times[times.length - 1]?.toFixed(2)} s over ${RUNS} runs; peak RSS ${rss.toFixed(0)} MB.`);
    console.log(`target: ≤ 1.5 s and ≤ 400 MB → ${median <= 1.5 && rss <= 400 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main();
