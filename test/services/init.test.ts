import { preparePlan } from '../../cli/services/prepare-plan.js';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConectaError } from '../../cli/core/errors.js';
import { resolveSource, runInit } from '../../cli/services/init.js';
import { loadLayeredConfig, resolveTarget } from '../../cli/services/project.js';
import { createRedactor } from '../../cli/io/redactor.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-init-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort();
}

describe('runInit', () => {
  it('scaffolds the project file, the example, the CI files and a package.json pinning the CLI', async () => {
    const result = await runInit({ cwd: root, dir: 'acme-conecta', isForced: false, ci: 'both' });
    expect(result.dir).toBe(join(root, 'acme-conecta'));
    expect(await listTree(result.dir)).toEqual([
      '.github/workflows/conecta-drift.yml', '.github/workflows/conecta.yml', '.gitignore', '.gitlab-ci.yml', '.gitlab/conecta-mr-comment.mjs', '.vscode/extensions.json', '.vscode/settings.json', 'README.md',
      'conecta.yaml', 'config/base/agents.yaml', 'config/base/pauses.yaml', 'config/base/schedule-groups.yaml',
      'config/base/tabulations.yaml', 'config/base/teams.yaml', 'package.json',
    ]);
    expect(result.overwritten).toEqual([]);
    expect(result.nextSteps[0]).toBe('cd acme-conecta');
    const manifest = JSON.parse(await readFile(join(result.dir, 'package.json'), 'utf8')) as { name: string; private: boolean; devDependencies: Record<string, string> };
    const own = JSON.parse(await readFile(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(manifest).toMatchObject({ name: 'acme-conecta', private: true, devDependencies: { 'conecta-as-code': `^${own.version}` } });
    expect(await readFile(join(result.dir, '.gitignore'), 'utf8')).toContain('.conecta/\n');
  });

  it('starts every config file with the schema line and version 1', async () => {
    const { dir } = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'none' });
    for (const file of (await listTree(join(dir, 'config'))).map((name) => join(dir, 'config', name))) {
      const text = await readFile(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/conecta-as-code/schema/conecta.schema.json');
      expect((parse(text) as { version: number }).version).toBe(1);
    }
  });

  it('writes a config that loads without problems in every environment', async () => {
    const { dir } = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'none' });
    const local = await resolveTarget({ cwd: dir, env: {} });
    expect(local.description).toBe('environment local (embedded sandbox)');
    const loaded = await loadLayeredConfig(local);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.state.resources.map((r) => r.kind).sort()).toEqual(['agent', 'agent', 'pause', 'pause', 'schedule-group', 'tabulation', 'tabulation', 'tabulation', 'team']);
    const prod = await resolveTarget({ cwd: dir, env: { CONECTA_TOKEN_PROD: 'tok-init-prod' }, envName: 'prod' });
    expect(prod.env).toMatchObject({ CONECTA_URL: 'https://your-tenant.conecta.example', CONECTA_TOKEN: 'tok-init-prod' });
    expect((await loadLayeredConfig(prod)).diagnostics).toEqual([]);
  });

  it('writes a config that plans against the embedded sandbox', async () => {
    const { dir } = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'none' });
    const target = await resolveTarget({ cwd: dir, env: {} });
    const prepared = await preparePlan({ target, cwd: dir, redactor: createRedactor() });
    try {
      expect(prepared.plan.summary.create).toBe(9);
    } finally {
      await prepared.opened.close();
    }
  });

  it('refuses to overwrite existing files, names them, and writes nothing', async () => {
    await writeFile(join(root, 'README.md'), 'mine\n');
    await mkdir(join(root, 'config/base'), { recursive: true });
    await writeFile(join(root, 'config/base/teams.yaml'), 'version: 1\n');
    const error = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'both' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConectaError);
    expect(error).toMatchObject({ code: 'INIT_FILES_EXIST', hint: expect.stringContaining('--force') });
    expect((error as Error).message).toContain('README.md, config/base/teams.yaml');
    expect(await listTree(root)).toEqual(['README.md', 'config/base/teams.yaml']);
    expect(await readFile(join(root, 'README.md'), 'utf8')).toBe('mine\n');
  });

  it('overwrites existing files with --force and says which', async () => {
    await writeFile(join(root, 'README.md'), 'mine\n');
    const result = await runInit({ cwd: root, dir: '.', isForced: true, ci: 'none' });
    expect(result.overwritten).toEqual(['README.md']);
    expect(await readFile(join(root, 'README.md'), 'utf8')).toContain('# Contact-center configuration');
  });

  it('accepts a folder holding only unrelated files, such as a fresh git repository', async () => {
    await mkdir(join(root, '.git'));
    await writeFile(join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
    const result = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'github' });
    expect(result.created).toContain('.github/workflows/conecta.yml');
    expect(result.created).not.toContain('.gitlab-ci.yml');
    expect(result.nextSteps[0]).toMatch(/^npm install/);
  });
});

describe('init --source', () => {
  it.each([
    [undefined, { spec: '^1.2.3', kind: 'registry' }],
    ['latest', { spec: 'latest', kind: 'registry' }],
    ['~1.2.0', { spec: '~1.2.0', kind: 'registry' }],
    ['git+https://github.com/acme/conecta-as-code.git#v1.2.3', { spec: 'git+https://github.com/acme/conecta-as-code.git#v1.2.3', kind: 'git' }],
    ['github:acme/conecta-as-code#main', { spec: 'github:acme/conecta-as-code#main', kind: 'git' }],
    ['acme/conecta-as-code#v1', { spec: 'acme/conecta-as-code#v1', kind: 'git' }],
    ['git@github.com:acme/conecta-as-code.git', { spec: 'git@github.com:acme/conecta-as-code.git', kind: 'git' }],
    ['https://example.com/conecta-as-code-1.2.3.tgz', { spec: 'https://example.com/conecta-as-code-1.2.3.tgz', kind: 'url' }],
  ])('writes %s as the dependency %o', async (given, expected) => {
    expect(await resolveSource(given, '1.2.3', root, join(root, 'repo'))).toEqual({ ...expected, isOutside: false });
  });

  it('writes a tarball path relative to the scaffold, with or without file:, and says when CI cannot reach it', async () => {
    await mkdir(join(root, 'repo/vendor'), { recursive: true });
    await writeFile(join(root, 'repo/vendor/conecta-as-code-1.2.3.tgz'), '');
    await writeFile(join(root, 'conecta-as-code-1.2.3.tgz'), '');
    expect(await resolveSource('repo/vendor/conecta-as-code-1.2.3.tgz', '1.2.3', root, join(root, 'repo')))
      .toEqual({ spec: 'file:vendor/conecta-as-code-1.2.3.tgz', kind: 'path', isOutside: false });
    expect(await resolveSource('file:./conecta-as-code-1.2.3.tgz', '1.2.3', root, join(root, 'repo')))
      .toEqual({ spec: 'file:../conecta-as-code-1.2.3.tgz', kind: 'path', isOutside: true });
  });

  it('refuses a path that does not exist, with a hint', async () => {
    const error = await resolveSource('./missing.tgz', '1.2.3', root, join(root, 'repo')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INIT_SOURCE_NOT_FOUND', hint: expect.stringContaining('npm pack') });
  });

  it('puts the source in the scaffold package.json and warns when the tarball is outside it', async () => {
    await writeFile(join(root, 'conecta-as-code-1.2.3.tgz'), '');
    const result = await runInit({ cwd: root, dir: 'repo', isForced: false, ci: 'none', source: './conecta-as-code-1.2.3.tgz' });
    const manifest = JSON.parse(await readFile(join(result.dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies).toEqual({ 'conecta-as-code': 'file:../conecta-as-code-1.2.3.tgz' });
    expect(result.nextSteps.join('\n')).toContain('CI cannot reach file:../conecta-as-code-1.2.3.tgz');
  });
});

describe('editor settings', () => {
  it('point VS Code at the schemas npm install puts in node_modules, for every config file and conecta.yaml, the files the modelines name', async () => {
    const { dir } = await runInit({ cwd: root, dir: '.', isForced: false, ci: 'none' });
    const settings = JSON.parse(await readFile(join(dir, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({
      './node_modules/conecta-as-code/schema/conecta.schema.json': ['config/**/*.yaml', 'config/**/*.yml'],
      './node_modules/conecta-as-code/schema/project.schema.json': ['conecta.yaml'],
    });
    const { join: joinPath, posix } = await import('node:path');
    for (const file of (await listTree(joinPath(dir, 'config')))) {
      const modeline = (await readFile(joinPath(dir, 'config', file), 'utf8')).split('\n')[0]!;
      const target = posix.normalize(posix.join('config', posix.dirname(file), modeline.replace('# yaml-language-server: $schema=', '')));
      expect(`./${target}`, file).toBe('./node_modules/conecta-as-code/schema/conecta.schema.json');
    }
    expect((await readFile(joinPath(dir, 'conecta.yaml'), 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/conecta-as-code/schema/project.schema.json');
    expect(JSON.parse(await readFile(joinPath(dir, '.vscode/extensions.json'), 'utf8'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });
});

describe('init --github-action', () => {
  it('writes GitHub workflows that use the action, and installs the CLI from the same repository and ref by default', async () => {
    const result = await runInit({ cwd: root, dir: 'tenant', isForced: false, ci: 'both', githubAction: 'acme/conecta-as-code@v1.2.0' });
    expect(result.githubAction).toBe('acme/conecta-as-code@v1.2.0');
    expect(result.source).toEqual({ spec: 'github:acme/conecta-as-code#v1.2.0', kind: 'git', isOutside: false });
    const workflow = await readFile(join(result.dir, '.github/workflows/conecta.yml'), 'utf8');
    expect(workflow.match(/uses: acme\/conecta-as-code@v1\.2\.0/g)).toHaveLength(3);
    expect(await readFile(join(result.dir, '.github/workflows/conecta-drift.yml'), 'utf8')).toContain('uses: acme/conecta-as-code@v1.2.0');
    expect(await readFile(join(result.dir, '.gitlab-ci.yml'), 'utf8')).toContain('npm exec --no -- conecta validate');
  });

  it('keeps an explicit --source', async () => {
    const result = await runInit({ cwd: root, dir: 'tenant', isForced: false, ci: 'github', githubAction: 'acme/conecta@main', source: '^0.1.0' });
    expect(result.source.spec).toBe('^0.1.0');
  });

  it.each([['acme/conecta-as-code'], ['acme@v1'], ['acme/conecta-as-code@v1 && curl x'], ['acme/../x@v1'], ['acme/x@../v1']])('refuses %s, which is not OWNER/REPO@REF, and writes nothing', async (given) => {
    const error = await runInit({ cwd: root, dir: 'tenant', isForced: false, ci: 'both', githubAction: given }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConectaError);
    expect(error).toMatchObject({ code: 'INIT_ACTION_INVALID' });
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses --github-action when --ci writes no GitHub workflows', async () => {
    await expect(runInit({ cwd: root, dir: 'tenant', isForced: false, ci: 'gitlab', githubAction: 'acme/conecta@v1' })).rejects.toMatchObject({ code: 'INIT_ACTION_INVALID', hint: expect.stringContaining('--ci github') });
  });
});
