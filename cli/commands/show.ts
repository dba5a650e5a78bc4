import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { maxLengthFlag } from '../flags.js';

export class ShowCommand extends BaseCommand {
  static override description = [
    'Print a plan saved by `conecta plan --out` as text, JSON or Markdown, without reading the config or the tenant.',
    'CI plans once and prints the same plan twice: cut for the pull-request comment, whole for the job summary.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> show plan.json',
    '<%= config.bin %> show plan.json --markdown --max-length 1000000 >> "$GITHUB_STEP_SUMMARY"',
  ];

  static override args = {
    file: Args.string({ description: 'The plan file written by `conecta plan --out`.', required: true }),
  };

  static override flags = {
    markdown: Flags.boolean({ description: 'Print the plan as Markdown, cut to --max-length (details left out, every changed address kept).', default: false, exclusive: ['json'] }),
    'max-length': maxLengthFlag,
    'detailed-exitcode': Flags.boolean({ description: 'Exit 0 when the plan has no changes, 2 when it has, 1 on error.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseBase(ShowCommand);
    const { runShow } = await import('../services/show.js');
    const outcome = await runShow({ file: args.file, redactor: this.redactor });
    this.present({ command: 'plan', plan: outcome.plan, format: flags.markdown ? 'markdown' : 'text', maxLength: flags['max-length'] });
    if (flags['detailed-exitcode'] && outcome.hasChanges) this.exit(2);
  }
}
