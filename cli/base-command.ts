/**
 * Shared flags, the choice of reporter, and the only place errors are handed to it and mapped to
 * exit codes: 0 success, 1 error, 2 changes present (plan --detailed-exitcode), 130 interrupted
 * (143 and 129 when apply is stopped by SIGTERM or SIGHUP).
 */
import { Command, Flags } from '@oclif/core';
import { suggestClosest } from './core/config/suggest.js';
import { ConectaError } from './core/errors.js';
import { createStyle, type Style } from './core/render/style.js';
import type { CommandResult, Mask, Reporter } from './io/reporter.js';
import { addCredentialVariables, createRedactor, type Redactor } from './io/redactor.js';
import { isColorWanted } from './io/color.js';

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
    // Before parsing, so that a mistyped flag is reported as JSON when --json was asked for.
    this.isJson = this.argv.includes('--json');
    const parsed = await this.parse(options).catch((error: unknown) => {
      throw toUnknownFlagError(error, this.id ?? '', { ...(options as { flags?: FlagDefinitions }).flags, ...BaseCommand.baseFlags }, this.config.bin) ?? error;
    });
    const flags = parsed.flags as { json?: boolean; color?: boolean; verbose?: boolean };
    this.isJson = flags.json === true;
    this.isVerbose = flags.verbose === true;
    const isColor = flags.color ?? isColorWanted(process.env, process.stdout.isTTY === true);
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
    const reporter = await this.createFormatReporter();
    const { detectCiAnnotations, toRepositoryPath, withGithubAnnotations } = await import('./io/ci-annotations.js');
    if (detectCiAnnotations(process.env) !== 'github') return reporter;
    const cwd = process.cwd();
    return withGithubAnnotations(reporter, { stderr: process.stderr, mask: this.mask, toPath: (file) => toRepositoryPath(file, cwd, process.env.GITHUB_WORKSPACE) });
  }

  private async createFormatReporter(): Promise<Reporter> {
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

type FlagDefinitions = Record<string, { char?: string; allowNo?: boolean; hidden?: boolean }>;

/**
 * oclif's "Nonexistent flag" as a located usage error: which flag, the closest one the command
 * takes ("Did you mean --json?"), and where the list is. Undefined for any other error.
 */
export function toUnknownFlagError(error: unknown, commandId: string, flags: FlagDefinitions, bin: string): ConectaError | undefined {
  const unknown = (error as { flags?: unknown }).flags;
  if (!(error instanceof Error) || !/^Nonexistent flags?:/.test(error.message) || !Array.isArray(unknown)) return undefined;
  const names = Object.entries(flags).filter(([, flag]) => !flag.hidden).flatMap(([name, flag]) => [`--${name}`, ...(flag.allowNo ? [`--no-${name}`] : []), ...(flag.char ? [`-${flag.char}`] : [])]);
  const command = `${bin} ${commandId.replace(/:/g, ' ')}`.trim();
  const described = unknown.map((given) => {
    const flag = String(given).split('=')[0]!;
    const suggestion = suggestClosest(flag, names);
    return `${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
  });
  return new ConectaError('CLI_UNKNOWN_FLAG', `${command} has no flag ${described.join(', no flag ')}.`, { hint: `${command} --help lists its flags.` });
}
