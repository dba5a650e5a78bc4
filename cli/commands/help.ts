import { Args, loadHelpClass } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { suggestClosest } from '../core/config/suggest.js';
import { ConectaError } from '../core/errors.js';

export class HelpCommand extends BaseCommand {
  static override description = 'Show the help of conecta, or of one command (the same as COMMAND --help).';

  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help plan', '<%= config.bin %> help plan --json'];

  static override strict = false;

  static override args = {
    command: Args.string({ description: 'The command to explain.' }),
  };

  async run(): Promise<void> {
    const { argv } = await this.parseBase(HelpCommand);
    const words = argv.map(String);
    const id = words.join(':');
    const command = id === '' ? undefined : this.config.findCommand(id);
    if (id !== '' && !command) {
      const suggestion = suggestClosest(words[0]!, this.config.commandIDs);
      throw new ConectaError('CLI_UNKNOWN_COMMAND', `${words.join(' ')} is not a ${this.config.bin} command.${suggestion ? ` Did you mean ${suggestion}?` : ''}`, {
        hint: `${this.config.bin} help lists the commands.`,
      });
    }
    if (this.isJson) {
      const commands = command ? [command] : this.config.commands.filter((candidate) => !candidate.hidden);
      this.present({
        command: 'help',
        help: commands.map((entry) => ({
          id: entry.id,
          description: entry.description ?? '',
          args: Object.fromEntries(Object.entries(entry.args).map(([name, arg]) => [name, { description: arg.description ?? '', required: arg.required === true, ...(arg.options ? { options: arg.options } : {}) }])),
          flags: Object.fromEntries(Object.entries(entry.flags).filter(([, flag]) => !flag.hidden).map(([name, flag]) => [name, {
            description: flag.description ?? '',
            type: flag.type,
            ...(flag.char ? { char: flag.char } : {}),
            ...(flag.type === 'option' && flag.options ? { options: flag.options } : {}),
            ...(flag.env ? { env: flag.env } : {}),
          }])),
        })),
      });
      return;
    }
    // oclif's own help, exactly what `COMMAND --help` prints.
    const Help = await loadHelpClass(this.config);
    await new Help(this.config, this.config.pjson.oclif.helpOptions).showHelp(words);
  }
}
