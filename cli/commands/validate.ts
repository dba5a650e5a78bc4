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
    const { runValidate, formatCounts } = await import('../services/validate.js');
    const result = await runValidate({ targetOptions: toTargetOptions(argv, flags) });
    if (this.isJson) {
      const diagnostics = result.diagnostics.map(({ code, severity, message, hint, file, line, column, pointer }) => ({ code, severity, message, hint, file, line, column, pointer }));
      const environments = result.environments.map(({ name, isValid, counts }) => ({ name, valid: isValid, counts: Object.fromEntries(counts.map(({ configKey, count }) => [configKey, count])) }));
      this.print(JSON.stringify({ valid: result.isValid, diagnostics, environments }, null, 2));
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
    const isSingle = result.environments.length === 1 && result.environments[0]?.name === 'default';
    for (const environment of result.environments) this.print(isSingle ? formatCounts(environment.counts) : `${environment.description}: ${formatCounts(environment.counts)}`);
    this.print(this.style.green('Configuration is valid.'));
  }
}
