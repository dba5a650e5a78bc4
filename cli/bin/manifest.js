#!/usr/bin/env node
// Generates oclif.manifest.json from the compiled commands (what `oclif manifest` does,
// without the release tooling). Checks by default; `--write` updates the file and also writes
// dist/help.txt, oclif's top-level help, which cli/bin/run.js prints without loading oclif.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Plugin } from '@oclif/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'oclif.manifest.json');
const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true });
await plugin.load();
const manifest = `${JSON.stringify(plugin.manifest, null, 2)}\n`;

if (process.argv.includes('--write')) {
  await writeFile(target, manifest);
  const help = spawnSync(process.execPath, [join(root, 'cli', 'bin', 'run.js'), '--help'], {
    encoding: 'utf8', env: { ...process.env, CONECTA_HELP_FROM_OCLIF: '1', COLUMNS: '100', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (help.status !== 0) throw new Error(`conecta --help failed: ${help.stderr}`);
  await writeFile(join(root, 'dist', 'help.txt'), help.stdout);
} else {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== manifest) {
    console.error('oclif.manifest.json is out of date with the commands. Fix: npm run build (then commit oclif.manifest.json).');
    process.exit(1);
  }
}
