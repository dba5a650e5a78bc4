/**
 * oclif's `command_not_found` hook: `conecta valdate` names the closest command instead of
 * oclif's bare "command valdate not found". Registered in package.json (oclif.hooks) and
 * exported from the bundle (scripts/bundle.mjs).
 */
import type { Hook } from '@oclif/core';
import { suggestClosest } from '../core/config/suggest.js';

export const commandNotFound: Hook<'command_not_found'> = async function (options) {
  const given = options.id.split(':')[0] ?? options.id;
  const commands = options.config.commandIDs.filter((id) => !id.includes(':'));
  const suggestion = suggestClosest(given, commands);
  const bin = options.config.bin;
  // The layout of the CLI's other errors (the terminal reporter's), without colour: no command ran to choose one.
  process.stderr.write(`Error [CLI_UNKNOWN_COMMAND] ${JSON.stringify(given).slice(1, -1)} is not a ${bin} command.${suggestion ? ` Did you mean ${suggestion}?` : ''}\nhint: ${bin} --help lists the commands.\n`);
  this.exit(1);
};
