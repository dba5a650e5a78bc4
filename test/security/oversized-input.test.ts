/**
 * S4 (perf-reliability.md §5.4): files over 10 MB are refused before they are parsed (config files
 * and the project file), and absurdly nested input — YAML or a crafted saved plan — ends in a
 * clean error rather than a stack overflow.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';
import { createProject, createSandbox, runCli, sandboxEnv, type CliResult } from '../faults/cli-harness.js';
import { builtCliPath } from '../support/built-cli.js';

const ELEVEN_MB = 11 * 1024 * 1024;

/** Valid YAML a little over 11 MB: `header` and then `  Vn: "xxx…"` lines. */
function oversizedYaml(header: string): string {
  const line = (index: number) => `  V${index}: "${'x'.repeat(100)}"\n`;
  const lines = [header];
  for (let index = 0, size = header.length; size < ELEVEN_MB; index += 1) {
    lines.push(line(index));
    size += line(index).length;
  }
  return lines.join('');
}

function cpuMs<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = process.cpuUsage();
  return run().then((value) => {
    const used = process.cpuUsage(started);
    return { value, ms: (used.user + used.system) / 1000 };
  });
}

function expectNoStackTrace(result: CliResult): void {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(result.stderr).not.toMatch(/RangeError|Maximum call stack/);
}

describe('S4: oversized files', () => {
  it('refuses a config file over 10 MB before parsing it', async () => {
    const cwd = createProject({ 'big.yaml': oversizedYaml('version: 1\nx:\n') });
    const { value, ms } = await cpuMs(() => loadConfig([join(cwd, 'big.yaml')], { env: {} }));
    expect(value.diagnostics).toContainEqual(expect.objectContaining({ code: 'CONFIG_FILE_TOO_LARGE' }));
    expect(ms).toBeLessThan(500);
  });

  // Runs in a child process with a deadline: without a size check, parsing 11 MB of YAML takes
  // minutes (measured: about 150 s of CPU), which must not hang the suite.
  it('refuses a project file over 10 MB before parsing it', async () => {
    builtCliPath();
    const cwd = createProject({ 'conecta.yaml': oversizedYaml('version: 1\nvariables:\n') });
    const script = [
      `const { readProjectFile } = await import(${JSON.stringify(new URL('../../dist/cli/io/project-file.js', import.meta.url).href)});`,
      'const started = process.cpuUsage();',
      `const outcome = await readProjectFile(${JSON.stringify(join(cwd, 'conecta.yaml'))}).then(() => ({ code: 'ACCEPTED' }), (error) => ({ code: error.code, message: error.message }));`,
      'const used = process.cpuUsage(started);',
      'console.log(JSON.stringify({ ...outcome, cpuMs: (used.user + used.system) / 1000 }));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.signal, 'still parsing after 20 s: the file was not refused before parsing').toBeNull();
    const outcome = JSON.parse(child.stdout) as { code: string; message?: string; cpuMs: number };
    expect(outcome.code).toMatch(/^PROJECT_|^CONFIG_FILE_TOO_LARGE$/);
    expect(outcome.message).toMatch(/10 MB|too large/i);
    expect(outcome.cpuMs).toBeLessThan(500);
  }, 60_000);
});

describe('S4: absurd nesting', () => {
  it('refuses 100,000 nested flow sequences in a config through the CLI', async () => {
    const cwd = createProject({ 'config/deep.yaml': `version: 1\nteams: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    const result = await runCli(['validate', 'config'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/deep\.yaml:2:\d+ /);
    expectNoStackTrace(result);
  });

  it('refuses 3,000 nested block mappings in a config', async () => {
    const text = `version: 1\n${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} 1\n`;
    const cwd = createProject({ 'deep.yaml': text });
    const { diagnostics } = await loadConfig([join(cwd, 'deep.yaml')], { env: {} });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: expect.any(Number) }));
  });

  it('refuses a saved plan whose change carries 100,000 nested arrays, cleanly and before any write', async () => {
    const sandbox = await createSandbox({ seed: 5 });
    const cwd = createProject({ 'config/a.yaml': 'version: 1\ntabulations:\n  - name: Vendas\n' });
    const env = sandboxEnv(sandbox);
    expect((await runCli(['plan', 'config', '--out', 'plan.json'], { cwd, env })).code).toBe(0);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const plan = readFileSync(join(cwd, 'plan.json'), 'utf8');
    writeFileSync(join(cwd, 'deep.json'), plan.replace('"changes": [', `"deep": ${deep}, "changes": [{"deep": ${deep}}, `));
    sandbox.resetAudit();
    const result = await runCli(['apply', '--plan', 'deep.json'], { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PLAN_|APPLY_/);
    expectNoStackTrace(result);
    expect(sandbox.audit().writes).toBe(0);
  });
});
