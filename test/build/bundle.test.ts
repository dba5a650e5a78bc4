/**
 * The built CLI runs from dist/bundle/ (scripts/bundle.mjs), where the schema validators are ajv's
 * standalone code generated at build time instead of being compiled at start. These tests run the
 * built CLI (`npm test` builds first) and compare what it reports with the sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../cli/core/diagnostics.js';
import { readProjectFile } from '../../cli/io/project-file.js';
import { loadConfig } from '../../cli/io/read-config.js';
import { builtCliPath } from '../support/built-cli.js';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(root, 'test', 'fixtures', 'invalid');
/** The corpus files whose errors come from the JSON Schema (the rest come from the YAML reader and the checks). */
const SCHEMA_FIXTURES = ['unknown-key.yaml', 'missing-key.yaml', 'wrong-type.yaml', 'enum.yaml', 'format-duration.yaml', 'duplicate-item.yaml', 'version-unsupported.yaml'];

function runCli(args: string[], cwd = root, nodeArgs: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...nodeArgs, builtCliPath(), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CONECTA_COLOR: 'false', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const comparable = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, file, line, column, pointer, message, hint }) => ({ code, file, line, column, pointer, message, hint }));

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-bundle-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('reports schema errors exactly as the sources do (precompiled config validator)', async () => {
    const several = join(directory, 'several.yaml');
    await writeFile(several, 'version: 1\npauses:\n  - name: Almoço\n    maxDuration: 1x\n    color: red\nteams:\n  - nam: SAC\n    distributionRule: leastbusy\n    sessionTimeout: 30\n');
    const files = [...SCHEMA_FIXTURES.map((fixture) => join(corpus, fixture)), several];
    const expected = await loadConfig(files, { env: {} });
    expect(expected.diagnostics.length).toBeGreaterThanOrEqual(SCHEMA_FIXTURES.length + 4);
    const result = runCli(['validate', '--json', ...files]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
    expect(comparable(report.diagnostics)).toEqual(comparable(expected.diagnostics));
  });

  it('reports project file errors exactly as the sources do (precompiled project validator)', async () => {
    const file = join(directory, 'conecta.yaml');
    await writeFile(file, 'version: 2\nconfig: [config]\nenvironments:\n  prod:\n    url: 42\n    region: sa-east-1\n  "cliente a": { sandbox: true }\n');
    await writeFile(join(directory, 'config.yaml'), 'version: 1\n');
    const expected = await readProjectFile(file).then(() => [] as Diagnostic[], (error: { diagnostics?: Diagnostic[] }) => error.diagnostics ?? []);
    expect(expected.map((diagnostic) => diagnostic.code)).toContain('PROJECT_SCHEMA');
    const result = runCli(['validate', '--json', '--project', file], directory);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { error: { diagnostics: Diagnostic[] } };
    expect(comparable(report.error.diagnostics)).toEqual(comparable(expected));
  });

  it('plans through undici without loading node:http2 nor tls (the bundle takes only the Agent and its request)', async () => {
    await writeFile(join(directory, 'config.yaml'), 'version: 1\ntabulations:\n  - name: Venda realizada\n');
    const listBuiltins = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nbuiltins:"+process.moduleLoadList.filter((entry)=>entry.startsWith("NativeModule ")).map((entry)=>entry.slice(13)).join(",")+"\\n"))';
    const result = runCli(['plan', 'config.yaml'], directory, ['--import', listBuiltins], { CONECTA_URL: '', CONECTA_SANDBOX_DATA: join(directory, 'sandbox.json') });
    expect(result.stderr).toContain('Using the local sandbox');
    expect(result.stdout).toContain('Plan: 1 to create');
    const builtins = /builtins:(.*)/.exec(result.stderr)?.[1]?.split(',') ?? [];
    expect(builtins).toContain('http');
    expect(builtins).not.toContain('http2');
    expect(builtins).not.toContain('tls');
  });
});
