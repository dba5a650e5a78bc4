#!/usr/bin/env node
// Generates oclif.manifest.json from the compiled commands (what `oclif manifest` does,
// without the release tooling). Checks by default; `--write` updates the file.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Plugin } from '@oclif/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'oclif.manifest.json');
const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true });
await plugin.load();
const manifest = `${JSON.stringify(plugin.manifest, null, 2)}\n`;

if (process.argv.includes('--write')) {
  await writeFile(target, manifest);
} else {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== manifest) {
    console.error('oclif.manifest.json is out of date with the commands. Fix: npm run build (then commit oclif.manifest.json).');
    process.exit(1);
  }
}
