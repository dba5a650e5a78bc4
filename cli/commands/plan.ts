import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { maxLengthFlag, tenantFlags, toTargetOptions } from '../flags.js';

export class PlanCommand extends BaseCommand {
  static override description = [
    'Show what apply would change: read the tenant (one list per kind), compare it with the configuration and print the changes in apply order.',
    'Live objects missing from the config are kept and listed as not managed, unless the config says `prune:` or --prune is given.',
    'The target tenant (CONECTA_URL, or the local sandbox when unset) is named at the top of every output.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> plan examples/acme-contact-center',
    '<%= config.bin %> plan --out plan.json && <%= config.bin %> apply --plan plan.json',
    '<%= config.bin %> plan --markdown > plan-comment.md',
    '<%= config.bin %> plan --markdown --max-length 1000000 --out plan.json > plan.md   # a GitLab note; one read of the tenant',
    '<%= config.bin %> plan --json --detailed-exitcode',
  ];

  static override strict = false;

  static override args = {
    paths: Args.string({ description: 'Config directories (every *.yaml/*.yml below them) or files. Default: the current directory.', required: false }),
  };

  static override flags = {
    ...tenantFlags,
    markdown: Flags.boolean({ description: 'Print the plan as Markdown for a pull-request comment, cut to --max-length (details left out, every changed address kept).', default: false, exclusive: ['json'] }),
    'max-length': maxLengthFlag,
    out: Flags.string({ description: 'Save the plan (masked) to this file, for `conecta apply --plan`.', env: 'CONECTA_PLAN_OUT' }),
    'detailed-exitcode': Flags.boolean({ description: 'Exit 0 when there are no changes, 2 when there are, 1 on error.', default: false }),
    prune: Flags.boolean({ description: 'Plan deletes for live objects missing from the config, in every kind (as if the config said `prune: true`).', default: false }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parseBase(PlanCommand);
    const { runPlan } = await import('../services/plan.js');
    const outcome = await runPlan({
      targetOptions: toTargetOptions(argv, flags),
      cwd: process.cwd(),
      prune: flags.prune,
      ...(flags.out === undefined ? {} : { out: flags.out }),
      reporter: this.reporter,
      redactor: this.redactor,
    });
    this.present({ command: 'plan', plan: outcome.plan, format: flags.markdown ? 'markdown' : 'text', maxLength: flags['max-length'] });
    if (flags['detailed-exitcode'] && outcome.hasChanges) this.exit(2);
  }
}
