/**
 * Config files come from the config tree only (issue 13.4): symlinks out of the tree, FIFOs and
 * devices, files whose real size differs from what stat says, and files that are not UTF-8.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../cli/core/diagnostics.js';
import { readConfigSources } from '../../cli/io/config-files.js';
import { loadConfig } from '../../cli/io/read-config.js';

let root: string;
let config: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'conecta-tree-'));
  config = join(root, 'config');
  await mkdir(config);
  await writeFile(join(config, 'teams.yaml'), 'version: 1\nteams:\n  - name: SAC\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const codes = (diagnostics: { code: string }[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('config files come from the config tree only', () => {
  it('refuses a symlink to a file outside the folder given, without reading it', async () => {
    await writeFile(join(root, 'outside.yaml'), 'version: 1\nteams:\n  - name: SECRET-OUTSIDE\n');
    await symlink(join(root, 'outside.yaml'), join(config, 'x.yaml'));
    const { diagnostics, state } = await loadConfig([config], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_FILE_OUTSIDE_TREE', severity: 'error', file: join(config, 'x.yaml') }]);
    expect(JSON.stringify({ diagnostics, state })).not.toContain('SECRET-OUTSIDE');
  });

  it('refuses /proc/self/environ and ../.git/config linked into the tree', async () => {
    await mkdir(join(root, '.git'));
    await writeFile(join(root, '.git', 'config'), '[remote "origin"]\n  url = https://x-access-token:ghs_LEAKED@github.com/acme/repo\n');
    await symlink('/proc/self/environ', join(config, 'env.yaml'));
    await symlink('../.git/config', join(config, 'git.yaml'));
    const { diagnostics } = await loadConfig([config], { env: {} });
    expect(codes(diagnostics)).toEqual(['CONFIG_FILE_OUTSIDE_TREE', 'CONFIG_FILE_OUTSIDE_TREE']);
    expect(JSON.stringify(diagnostics)).not.toContain('ghs_LEAKED');
  });

  it('refuses a symlinked folder that leads out of the tree, and survives a symlink loop', async () => {
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'elsewhere', 'a.yaml'), 'version: 1\nteams:\n  - name: Elsewhere\n');
    await symlink(join(root, 'elsewhere'), join(config, 'linked'));
    await symlink(config, join(config, 'loop'));
    const { diagnostics, state } = await loadConfig([config], { env: {} });
    expect(codes(diagnostics)).toEqual(['CONFIG_FILE_OUTSIDE_TREE']);
    expect(state.resources.map((resource) => resource.name)).toEqual(['SAC']);
  });

  it('accepts a symlink that stays inside the tree', async () => {
    await mkdir(join(config, 'shared'));
    await writeFile(join(config, 'shared', 'tabs.yml'), 'version: 1\ntabulations:\n  - name: Venda\n');
    await symlink(join(config, 'shared', 'tabs.yml'), join(config, 'tabs.yaml'));
    const { diagnostics } = await loadConfig([join(config, 'teams.yaml'), join(config, 'tabs.yaml')], { env: {} });
    expect(diagnostics).toEqual([]);
  });

  it('refuses a FIFO without blocking on it', async () => {
    execFileSync('mkfifo', [join(config, 'pipe.yaml')]);
    const started = performance.now();
    const { diagnostics } = await loadConfig([config], { env: {} });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_FILE_NOT_REGULAR', file: join(config, 'pipe.yaml') }]);
  }, 10_000);

  it('refuses a device given as a config file', async () => {
    const { diagnostics } = await loadConfig(['/dev/zero'], { env: {} });
    expect(codes(diagnostics)).toEqual(['CONFIG_FILE_NOT_REGULAR']);
  });

  it('applies the size limit to the bytes actually read, not to the size stat reports', async () => {
    // /proc/self/environ says 0 bytes in stat; given explicitly, it is read, but only up to the limit.
    const diagnostics: Diagnostic[] = [];
    const sources = await readConfigSources(['/proc/self/environ'], diagnostics, 16);
    expect(sources).toEqual([]);
    expect(codes(diagnostics)).toEqual(['CONFIG_FILE_TOO_LARGE']);
  });

  it('refuses a file that is not UTF-8, with the line of the first bad byte and a hint', async () => {
    await writeFile(join(config, 'teams.yaml'), Buffer.concat([Buffer.from('version: 1\nteams:\n  - name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const { diagnostics, state } = await loadConfig([config], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_FILE_ENCODING', line: 3, column: 14 }]);
    expect(diagnostics[0]?.hint).toMatch(/UTF-8/);
    expect(state.resources).toEqual([]);
  });
});

describe('the project file is read the same way', () => {
  it('refuses a project file that is not UTF-8, with its line', async () => {
    const { readProjectFile } = await import('../../cli/io/project-file.js');
    const file = join(root, 'conecta.yaml');
    await writeFile(file, Buffer.concat([Buffer.from('version: 1\nvariables:\n  CITY: S'), Buffer.from([0xe3]), Buffer.from('o Paulo\n')]));
    const error = await readProjectFile(file).catch((caught: unknown) => caught) as { diagnostics?: { code: string; line?: number }[] };
    expect(error.diagnostics).toMatchObject([{ code: 'CONFIG_FILE_ENCODING', line: 3 }]);
  });

  it('refuses a project file that is a link out of its folder', async () => {
    const { readProjectFile } = await import('../../cli/io/project-file.js');
    await mkdir(join(root, 'repo'));
    await writeFile(join(root, 'elsewhere.yaml'), 'version: 1\n');
    await symlink(join(root, 'elsewhere.yaml'), join(root, 'repo', 'conecta.yaml'));
    const error = await readProjectFile(join(root, 'repo', 'conecta.yaml')).catch((caught: unknown) => caught) as { diagnostics?: { code: string }[] };
    expect(error.diagnostics).toMatchObject([{ code: 'CONFIG_FILE_OUTSIDE_TREE' }]);
  });
});
