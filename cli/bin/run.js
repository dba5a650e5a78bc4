#!/usr/bin/env node
// Entry point of the `conecta` binary. No logic here: oclif reads the committed manifest
// (oclif.manifest.json) so that `--version` and `--help` load no command module.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
