/**
 * Shared flags, and the only place errors are rendered and mapped to exit codes:
 * 0 success, 1 error, 2 changes present (plan --detailed-exitcode), 130 interrupted.
 */
import { Command, Flags } from '@oclif/core';
import { ConectaError, ConfigError } from './core/errors.js';
import { renderDiagnostics } from './core/render/diagnostics.js';
import { createStyle, type Style } from './core/render/style.js';
import { maskSecrets } from './io/secrets.js';

export abstract class BaseCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'Print machine-readable JSON on stdout.', default: false }),
    color: Flags.boolean({ description: 'Colour the output (default: only on a terminal). Use --no-color to turn it off.', allowNo: true, env: 'CONECTA_COLOR' }),
    verbose: Flags.boolean({ description: 'Log each HTTP request and show stack traces of unexpected errors.', default: false, env: 'CONECTA_VERBOSE' }),
  };

  protected isJson = false;
  protected isVerbose = false;
  protected style: Style = createStyle(false);

  protected async parseBase<T extends Parameters<Command['parse']>[0]>(options: T) {
    const parsed = await this.parse(options);
    const flags = parsed.flags as { json?: boolean; color?: boolean; verbose?: boolean };
    this.isJson = flags.json === true;
    this.isVerbose = flags.verbose === true;
    const isColor = flags.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
    this.style = createStyle(isColor && !this.isJson);
    return parsed;
  }

  /** Writes to stdout exactly what is given. */
  protected print(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Writes a note to stderr (kept off stdout so --json and --markdown stay clean). */
  protected note(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<never> {
    if (error.oclif?.exit !== undefined && !(error instanceof ConectaError)) throw error;
    const exitCode = error instanceof ConectaError ? error.exitCode : 1;
    if (this.isJson) {
      const payload = error instanceof ConfigError
        ? { error: { code: error.code, message: error.message, diagnostics: error.diagnostics } }
        : { error: { code: error instanceof ConectaError ? error.code : 'INTERNAL', message: maskSecrets(error.message), hint: error instanceof ConectaError ? error.hint : undefined } };
      process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    } else if (error instanceof ConfigError) {
      process.stderr.write(renderDiagnostics(error.diagnostics, this.style));
    } else if (error instanceof ConectaError) {
      process.stderr.write(`${this.style.red('Error')} ${this.style.dim(`[${error.code}]`)} ${maskSecrets(error.message)}\n`);
      if (error.hint) process.stderr.write(`${this.style.cyan('hint:')} ${maskSecrets(error.hint)}\n`);
    } else {
      process.stderr.write(`${this.style.red('Unexpected error:')} ${maskSecrets(error.message)}\n`);
      process.stderr.write(this.isVerbose ? `${maskSecrets(error.stack ?? '')}\n` : `${this.style.cyan('hint:')} run again with --verbose for details, and report it with the output.\n`);
    }
    if (this.isVerbose && error instanceof ConectaError && error.stack) process.stderr.write(`${maskSecrets(error.stack)}\n`);
    return this.exit(exitCode);
  }
}
