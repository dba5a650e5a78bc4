#!/usr/bin/env node
// Entry point of the `conecta` binary. No logic here: oclif reads the committed manifest
// (oclif.manifest.json) so that command help loads no command module; `--version` and the
// top-level `--help` (or `-h`) are answered before oclif itself is loaded, from package.json and
// from dist/help.txt (oclif's own help text, written by the build). Everything else runs from
// dist/bundle/conecta.js, oclif and the commands bundled by the build (scripts/bundle.mjs).
import { readFileSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();

const only = process.argv.length === 3 ? process.argv[2] : undefined;
const helpText = (only === '--help' || only === '-h') && !process.env.CONECTA_HELP_FROM_OCLIF ? readOptional(new URL('../../dist/help.txt', import.meta.url)) : undefined;

if (only === '--version') {
  const { name, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
} else if (helpText !== undefined) {
  process.stdout.write(helpText);
} else {
  // undici parses HTTP with a WebAssembly module, and V8's optimising tier compiles all of it
  // at start (about 85 ms and 35 MB for a short command). Its baseline compiler is fast enough
  // for every response the CLI reads (bench/: B0 and B2 measure both).
  (await import('node:v8')).setFlagsFromString('--liftoff-only');
  const { execute } = await import('../../dist/bundle/conecta.js');
  await execute({ dir: import.meta.url });
}

function readOptional(url) {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return undefined;
  }
}
