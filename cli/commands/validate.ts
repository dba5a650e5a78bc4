import { Args } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { targetFlags, toTargetOptions } from '../flags.js';

export class ValidateCommand extends BaseCommand {
  static override description = 'Check the config files: YAML syntax, schema, names, references and schedules. Collects every problem with its file, line and column.';

  static override examples = [
    '<%= config.bin %> validate',
    '<%= config.bin %> validate examples/acme-contact-center',
    '<%= config.bin %> validate teams.yaml agents.yaml --json',
  ];

  static override strict = false;

  static override flags = { ...targetFlags };

  static override args = {
    path: Args.string({ description: 'Config directories (every *.yaml/*.yml below them) or files. Default: the current directory.', required: false }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parseBase(ValidateCommand);
    const { runValidate } = await import('../services/validate.js');
    const result = await runValidate({ targetOptions: toTargetOptions(argv, flags), redactor: this.redactor });
    this.present({ command: 'validate', result });
    if (!result.isValid) this.exit(1);
  }
}
