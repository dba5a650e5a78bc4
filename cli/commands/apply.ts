import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { tenantFlags, toTargetOptions } from '../flags.js';
import type { DuplicateCheck } from '../services/apply.js';

/** The signals that stop an apply gracefully (CI cancels with SIGTERM; a closed terminal sends SIGHUP), and the exit code of each (128 + its number). */
const STOP_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof STOP_EXIT_CODES;
const STOP_SIGNALS = Object.keys(STOP_EXIT_CODES) as StopSignal[];

export class ApplyCommand extends BaseCommand {
  static override description = [
    'Reconcile the tenant with the configuration: make a fresh plan, show it, ask for confirmation, then apply it in dependency order.',
    'With --plan, apply exactly a plan saved by `conecta plan --out` after checking that nothing it was made from changed.',
    'A failed change skips its dependents only; re-running apply converges. Ctrl-C (or SIGTERM, SIGHUP, as CI sends on cancel) stops starting new changes and lets those in flight finish, then exits 130 (143, 129); a second one exits at once.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> apply',
    '<%= config.bin %> apply conecta/ --auto-approve',
    '<%= config.bin %> plan --out plan.json && <%= config.bin %> apply --plan plan.json',
    'CONECTA_PARALLELISM=4 <%= config.bin %> apply --auto-approve --json',
  ];

  static override strict = false;

  static override args = {
    paths: Args.string({ description: 'Config files or directories (default: the current directory).' }),
  };

  static override flags = {
    ...tenantFlags,
    plan: Flags.string({ description: 'Apply exactly this saved plan (from `conecta plan --out`).' }),
    'auto-approve': Flags.boolean({ description: 'Apply without asking for confirmation.', default: false }),
    force: Flags.boolean({ description: 'Apply a plan flagged unsafe (too many deletes or updates, protected objects).', default: false }),
    prune: Flags.boolean({ description: 'Delete live objects missing from the config, in every kind (as if the config said `prune: true`).', default: false }),
    parallelism: Flags.integer({ description: 'How many changes run at once.', default: 8, min: 1, max: 64, env: 'CONECTA_PARALLELISM' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parseBase(ApplyCommand);
    if (flags.plan !== undefined && argv.length > 0) {
      const { ApplyError } = await import('../core/errors.js');
      throw new ApplyError('APPLY_PLAN_AND_PATHS', 'Give either config paths or --plan, not both.', { hint: 'A saved plan records the config paths it was made from.' });
    }
    const { runApply } = await import('../services/apply.js');
    const { createRefusingPrompter, createTerminalPrompter } = await import('../io/prompter.js');

    // First signal: stop starting changes and let those in flight finish. Second: exit at once.
    const controller = new AbortController();
    let stoppedBy: StopSignal | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) process.exit(STOP_EXIT_CODES[signal as StopSignal]);
      stoppedBy = signal as StopSignal;
      controller.abort();
      const again = signal === 'SIGINT' ? 'Press Ctrl-C again' : `Send ${signal} again`;
      this.reporter.emit({ type: 'notice', text: `\nStopping (${signal}): no new changes start; waiting for those in flight. ${again} to exit at once.` });
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    const interruptedExitCode = () => STOP_EXIT_CODES[stoppedBy ?? 'SIGINT'];
    let outcome;
    try {
      outcome = await runApply({
        targetOptions: toTargetOptions(argv, flags),
        planFile: flags.plan,
        cwd: process.cwd(),
        prune: flags.prune,
        isAutoApproved: flags['auto-approve'],
        isForced: flags.force,
        parallelism: flags.parallelism,
        signal: controller.signal,
        prompter: this.isJson ? createRefusingPrompter('apply --json cannot ask for approval.') : createTerminalPrompter(),
        reporter: this.reporter,
        redactor: this.redactor,
      });
    } catch (error) {
      const { InterruptedError } = await import('../core/errors.js');
      if (error instanceof InterruptedError) throw new InterruptedError(error.message, interruptedExitCode());
      throw error;
    } finally {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    }
    this.present({ command: 'apply', outcome });
    if (outcome.duplicateCheck) await this.failOnDuplicates(outcome.duplicateCheck);
    if (outcome.status === 'no-changes' || outcome.status === 'applied') return;
    if (this.isJson) this.exit(outcome.status === 'interrupted' ? interruptedExitCode() : 1);
    const { ApplyError, InterruptedError } = await import('../core/errors.js');
    const count = `${outcome.notApplied} ${outcome.notApplied === 1 ? 'change' : 'changes'} not applied`;
    if (outcome.status === 'interrupted') throw new InterruptedError(`Interrupted${stoppedBy === undefined || stoppedBy === 'SIGINT' ? '' : ` by ${stoppedBy}`}: ${count}; re-run \`conecta apply\` to converge.`, interruptedExitCode());
    const { isEveryFailureTransient } = await import('../core/execute/transient.js');
    const journal = `run journal: ${outcome.journalFile ?? 'none'}`;
    const hint = isEveryFailureTransient(outcome.result?.steps ?? [])
      ? `re-run \`conecta apply\` to converge (${journal}).`
      : `fix the failures listed above first: they fail the same way on every run; then run \`conecta apply\` again (${journal}).`;
    throw new ApplyError('APPLY_INCOMPLETE', `${count}.`, { hint });
  }

  /** After the report: a natural key stored twice, or a re-read that failed, fails the run. */
  private async failOnDuplicates(check: DuplicateCheck): Promise<void> {
    const { ApplyError } = await import('../core/errors.js');
    const { describeDuplicateKey } = await import('../core/plan/find-duplicate-keys.js');
    if (check.duplicates.length > 0) {
      throw new ApplyError('APPLY_DUPLICATES_FOUND', `After the apply, the tenant holds more than one object with the same natural key:\n${check.duplicates.map((entry) => `  - ${describeDuplicateKey(entry)}`).join('\n')}`, {
        hint: 'Delete the extra objects in the admin screen (keep the one that others refer to), then run `conecta plan`; if this apply created them, report it with the run journal in .conecta/runs/.',
      });
    }
    if (check.failure !== undefined) {
      throw new ApplyError('APPLY_UNVERIFIED', `The apply finished, but the kinds it created into could not be read again to check for duplicates: ${check.failure}`, {
        hint: 'Run `conecta doctor`: it lists any natural key held by more than one object.',
      });
    }
  }
}
