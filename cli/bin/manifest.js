#!/usr/bin/env node
// Generates oclif.manifest.json from the compiled commands (what `oclif manifest` does, without
// the release tooling). Checks by default and exits 1 naming the fix; `--write` updates the
// committed file (`npm run manifest:write`). `--help-text` writes dist/help.txt only, oclif's
// top-level help that cli/bin/run.js prints without loading oclif: the build runs it, and the
// build never writes a committed file.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'oclif.manifest.json');

async function renderManifest() {
  const { Plugin } = await import('@oclif/core');
  const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true });
  await plugin.load();
  return `${JSON.stringify(plugin.manifest, null, 2)}\n`;
}

async function writeHelpText() {
  const help = spawnSync(process.execPath, [join(root, 'cli', 'bin', 'run.js'), '--help'], {
    encoding: 'utf8', env: { ...process.env, CONECTA_HELP_FROM_OCLIF: '1', COLUMNS: '100', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (help.status !== 0) throw new Error(`conecta --help failed: ${help.stderr}`);
  await writeFile(join(root, 'dist', 'help.txt'), help.stdout);
}

if (process.argv.includes('--help-text')) {
  await writeHelpText();
} else if (process.argv.includes('--write')) {
  await writeFile(target, await renderManifest());
  await writeHelpText();
} else {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== (await renderManifest())) {
    console.error('oclif.manifest.json is out of date with the commands. Fix: npm run build && npm run manifest:write (then commit oclif.manifest.json).');
    process.exit(1);
  }
}
