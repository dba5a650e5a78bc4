import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProvider } from '../../cli/services/connect.js';
import { createRecordingReporter } from '../../cli/io/reporter.js';
import { runExport, type ExportOptions } from '../../cli/services/export.js';
import { startSandbox, type RunningSandbox } from '../../providers/sandbox/index.js';
import { createRedactor } from '../../cli/io/redactor.js';

let root: string;
let sandbox: RunningSandbox | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-export-'));
});

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await rm(root, { recursive: true, force: true });
});

async function startSeededSandbox(options: { flowsEnabled?: boolean } = {}): Promise<Record<string, string>> {
  sandbox = await startSandbox({ port: 0, ...options });
  const env = { CONECTA_URL: sandbox.url, CONECTA_TOKEN: sandbox.token };
  const opened = await openProvider({ env, cwd: root, redactor: createRedactor() });
  try {
    await opened.provider.create('tabulation', { name: 'Resolvido' });
    await opened.provider.create('team', { name: 'SAC', closingMessage: 'Obrigado!\nAté logo.' });
  } finally {
    await opened.close();
  }
  return env;
}

function exportOptions(env: Record<string, string>, overrides: Partial<ExportOptions> = {}): ExportOptions {
  return { outDir: 'conecta', isForced: false, targetOptions: { cwd: root, env }, cwd: root, redactor: createRedactor(), now: () => new Date('2025-03-04T10:00:00Z'), reporter: createRecordingReporter(), ...overrides };
}

describe('runExport', () => {
  it('refuses to write into a non-empty directory without force', async () => {
    await mkdir(join(root, 'conecta'));
    await writeFile(join(root, 'conecta', 'notes.txt'), 'keep me');
    await expect(runExport(exportOptions({}))).rejects.toMatchObject({ code: 'EXPORT_DIR_NOT_EMPTY', hint: expect.stringContaining('--force') });
  });

  it('refuses an output path that is a file', async () => {
    await writeFile(join(root, 'conecta'), '');
    await expect(runExport(exportOptions({}))).rejects.toMatchObject({ code: 'EXPORT_OUT_NOT_A_DIRECTORY' });
  });

  it('writes one file per kind with objects, dated by the injected clock, and reports the counts', async () => {
    const env = await startSeededSandbox();
    const summary = await runExport(exportOptions(env));
    expect(summary.files).toEqual([join('conecta', 'tabulations.yaml'), join('conecta', 'userGroups.yaml'), join('conecta', 'teams.yaml')]);
    expect(summary.counts).toMatchObject({ tabulations: 1, teams: 1, agents: 0, flows: 0 });
    expect((await readdir(join(root, 'conecta'))).sort()).toEqual(['tabulations.yaml', 'teams.yaml', 'userGroups.yaml']);
    const teams = await readFile(join(root, 'conecta', 'teams.yaml'), 'utf8');
    expect(teams).toContain(`# Exported from ${env.CONECTA_URL} on 2025-03-04 by \`conecta export\`.`);
    expect(teams).toContain('closingMessage: |-\n      Obrigado!\n      Até logo.\n');
  });

  it('points the modeline where npm install puts the schema, never at an unhosted URL, outside an installed project', async () => {
    const env = await startSeededSandbox();
    await runExport(exportOptions(env));
    const text = await readFile(join(root, 'conecta', 'tabulations.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/conecta-as-code/schema/conecta.schema.json');
  });

  it('points the modeline at the project root\'s node_modules when the project is not installed yet', async () => {
    const env = await startSeededSandbox();
    await writeFile(join(root, 'package.json'), '{ "name": "tenant", "private": true }\n');
    await runExport(exportOptions(env));
    expect((await readFile(join(root, 'conecta', 'tabulations.yaml'), 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/conecta-as-code/schema/conecta.schema.json');
  });

  it('points the modeline at the installed package schema by a relative path', async () => {
    const env = await startSeededSandbox();
    await mkdir(join(root, 'node_modules', 'conecta-as-code', 'schema'), { recursive: true });
    await writeFile(join(root, 'node_modules', 'conecta-as-code', 'schema', 'conecta.schema.json'), '{}');
    await runExport(exportOptions(env, { outDir: join('infra', 'conecta') }));
    const text = await readFile(join(root, 'infra', 'conecta', 'tabulations.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/conecta-as-code/schema/conecta.schema.json');
  });

  it('points the modeline at this repository schema when exporting inside it', async () => {
    const env = await startSeededSandbox();
    const repository = join(root, 'repo');
    await mkdir(join(repository, 'schema'), { recursive: true });
    await writeFile(join(repository, 'package.json'), JSON.stringify({ name: 'conecta-as-code' }));
    await writeFile(join(repository, 'schema', 'conecta.schema.json'), '{}');
    await runExport(exportOptions(env, { outDir: join('repo', 'examples', 'adopted') }));
    const text = await readFile(join(repository, 'examples', 'adopted', 'tabulations.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/conecta.schema.json');
  });

  it('replaces its own files and leaves other files alone with force, leaving no temporary file', async () => {
    const env = await startSeededSandbox();
    await mkdir(join(root, 'conecta'));
    await writeFile(join(root, 'conecta', 'teams.yaml'), 'old');
    await writeFile(join(root, 'conecta', 'README.md'), 'keep me');
    await runExport(exportOptions(env, { isForced: true }));
    expect(await readFile(join(root, 'conecta', 'teams.yaml'), 'utf8')).toContain('name: SAC');
    expect(await readFile(join(root, 'conecta', 'README.md'), 'utf8')).toBe('keep me');
    expect((await readdir(join(root, 'conecta'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exports only the requested kinds', async () => {
    const env = await startSeededSandbox();
    const summary = await runExport(exportOptions(env, { kinds: ['team'] }));
    expect(summary.files).toEqual([join('conecta', 'teams.yaml')]);
    expect(summary.counts).toEqual({ teams: 1 });
  });

  it('reports flows as not exported when the tenant has no flow endpoint', async () => {
    const env = await startSeededSandbox({ flowsEnabled: false });
    const summary = await runExport(exportOptions(env));
    expect(summary.skipped).toEqual([{ kind: 'flow', reason: expect.any(String) }]);
    expect(summary.counts.flows).toBeUndefined();
  });
});
