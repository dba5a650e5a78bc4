#!/usr/bin/env node
// Entry point of the `conecta` binary. No logic here: oclif reads the committed manifest
// (oclif.manifest.json) so that `--help` loads no command module, and `--version` is answered
// before oclif itself is loaded (the same line oclif prints).
import { readFileSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();

if (process.argv.length === 3 && process.argv[2] === '--version') {
  const { name, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
} else {
  const { execute } = await import('@oclif/core/execute');
  await execute({ dir: import.meta.url });
}
