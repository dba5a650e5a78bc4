import { Args } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

export class ValidateCommand extends BaseCommand {
  static override description = 'Check the config files: YAML syntax, schema, names, references and schedules. Collects every problem with its file, line and column.';

  static override examples = [
    '<%= config.bin %> validate',
    '<%= config.bin %> validate examples/acme-contact-center',
    '<%= config.bin %> validate teams.yaml agents.yaml --json',
  ];

  static override strict = false;

  static override args = {
    path: Args.string({ description: 'Config directories (every *.yaml/*.yml below them) or files. Default: the current directory.', required: false }),
  };

  async run(): Promise<void> {
    const { argv } = await this.parseBase(ValidateCommand);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const { runValidate, formatCounts } = await import('../services/validate.js');
    const result = await runValidate({ paths, env: process.env });
    if (this.isJson) {
      const diagnostics = result.diagnostics.map(({ code, severity, message, hint, file, line, column, pointer }) => ({ code, severity, message, hint, file, line, column, pointer }));
      this.print(JSON.stringify({ valid: result.isValid, diagnostics }, null, 2));
      if (!result.isValid) this.exit(1);
      return;
    }
    if (!result.isValid) {
      const { ConfigError } = await import('../core/errors.js');
      throw new ConfigError(result.diagnostics);
    }
    if (result.diagnostics.length > 0) {
      const { renderDiagnostics } = await import('../core/render/diagnostics.js');
      this.note(renderDiagnostics(result.diagnostics, this.style).trimEnd());
    }
    this.print(formatCounts(result.counts));
    this.print(this.style.green('Configuration is valid.'));
  }
}
