/**
 * Shared flags, the choice of reporter, and the only place errors are handed to it and mapped to
 * exit codes: 0 success, 1 error, 2 changes present (plan --detailed-exitcode), 130 interrupted
 * (143 and 129 when apply is stopped by SIGTERM or SIGHUP).
 */
import { Command, Flags } from '@oclif/core';
import { ConectaError } from './core/errors.js';
import { createStyle, type Style } from './core/render/style.js';
import type { CommandResult, Mask, Reporter } from './io/reporter.js';
import { addCredentialVariables, createRedactor, type Redactor } from './io/redactor.js';

export abstract class BaseCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'Print machine-readable JSON on stdout.', default: false }),
    color: Flags.boolean({ description: 'Colour the output (default: only on a terminal). Use --no-color to turn it off.', allowNo: true, env: 'CONECTA_COLOR' }),
    verbose: Flags.boolean({ description: 'Log each HTTP request and show stack traces of unexpected errors.', default: false, env: 'CONECTA_VERBOSE' }),
  };

  protected isJson = false;
  protected isVerbose = false;
  protected style: Style = createStyle(false);
  /**
   * This run's secrets: the credential variables from the start; the services add the config's
   * sensitive values and the tokens the tenant hands out. Created per run, passed down.
   */
  protected readonly redactor: Redactor = createRedactor();
  /** Masks the run's secrets in everything the reporter writes. */
  protected readonly mask: Mask = (text) => this.redactor.mask(text);
  /** Set by `parseBase`: the JSON reporter with --json, the terminal reporter otherwise. */
  private chosenReporter: Reporter | undefined;

  protected async parseBase<T extends Parameters<Command['parse']>[0]>(options: T) {
    addCredentialVariables(this.redactor, process.env);
    const parsed = await this.parse(options);
    const flags = parsed.flags as { json?: boolean; color?: boolean; verbose?: boolean };
    this.isJson = flags.json === true;
    this.isVerbose = flags.verbose === true;
    const isColor = flags.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
    this.style = createStyle(isColor && !this.isJson);
    this.chosenReporter = await this.createReporter();
    return parsed;
  }

  /** The reporter services emit to and results are presented by. */
  protected get reporter(): Reporter {
    if (!this.chosenReporter) throw new Error('parseBase must run before the reporter is used.');
    return this.chosenReporter;
  }

  /** Presents the command's result through the chosen reporter. */
  protected present(result: CommandResult): void {
    this.reporter.result(result);
  }

  private async createReporter(): Promise<Reporter> {
    const streams = { stdout: process.stdout, stderr: process.stderr, mask: this.mask, isVerbose: this.isVerbose };
    if (this.isJson) {
      const { createJsonReporter } = await import('./io/reporter-json.js');
      return createJsonReporter(streams);
    }
    const { createTerminalReporter } = await import('./io/reporter-terminal.js');
    return createTerminalReporter({ ...streams, style: this.style, isLiveProgress: process.stderr.isTTY === true });
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<never> {
    if (error.oclif?.exit !== undefined && !(error instanceof ConectaError)) throw error;
    const reporter = this.chosenReporter ?? (await this.createReporter());
    reporter.error(error, { isVerbose: this.isVerbose });
    return this.exit(error instanceof ConectaError ? error.exitCode : 1);
  }
}
