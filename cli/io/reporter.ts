/**
 * The seam between services and output. Services emit typed events while they run and return
 * data; the command hands that data to a reporter as a `CommandResult`. The terminal reporter
 * (`reporter-terminal.ts`) and the JSON reporter (`reporter-json.ts`) are the only places that
 * write to stdout/stderr, and every byte they write passes through the run's `mask` function.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { ExportSummary } from '../core/export/render-export-summary.js';
import type { ExecutionEvent } from '../core/execute/types.js';
import type { MaskedPlan } from '../core/plan/mask-plan.js';
import type { Style } from '../core/render/style.js';
import type { ProviderEvent } from '../../providers/contract.js';
import type { ApplyOutcome } from '../services/apply.js';
import type { CompletionResult } from '../services/completion.js';
import type { DoctorReport } from '../core/render/doctor-report.js';
import type { GraphResult } from '../services/graph.js';
import type { InitResult } from '../services/init.js';
import type { ValidateResult } from '../services/validate.js';

/** What a service tells the reporter while it runs. */
export type ReporterEvent =
  /** A one-line (or few-line) note for the person running the command: the sandbox in use, a saved plan, an earlier run. */
  | { type: 'notice'; text: string }
  /** Config warnings (errors are thrown as a ConfigError). */
  | { type: 'diagnostics'; diagnostics: readonly Diagnostic[] }
  /** HTTP requests, retries, rate-limit waits and reconciled creates, as the provider reports them. */
  | { type: 'provider'; event: ProviderEvent }
  /** Apply: the plan about to be applied, shown before consent is asked. */
  | { type: 'plan'; plan: MaskedPlan }
  /** Apply: execution begins with this many steps. */
  | { type: 'apply-started'; total: number }
  /** Apply: a step started or finished. */
  | { type: 'step'; event: ExecutionEvent }
  /** Apply: execution ended (normally, by failure or interruption). */
  | { type: 'apply-finished' };

/** What a command hands to the reporter when its service returns. */
export type CommandResult =
  /** `maxLength`: the longest Markdown (`--max-length`). */
  | { command: 'plan'; plan: MaskedPlan; format: 'text' | 'markdown'; maxLength?: number }
  | { command: 'apply'; outcome: ApplyOutcome }
  | { command: 'doctor'; report: DoctorReport }
  | { command: 'export'; summary: ExportSummary }
  | { command: 'validate'; result: ValidateResult }
  | { command: 'graph'; result: GraphResult }
  | { command: 'init'; result: InitResult }
  | { command: 'schema'; schema: unknown }
  /** The local sandbox is listening (`conecta sandbox`): where, with which token, storing where, replaying which capture. */
  | { command: 'sandbox'; url: string; token: string; dataFile: string | undefined; replay?: string }
  | { command: 'version'; version: VersionInfo }
  | { command: 'completion'; result: CompletionResult }
  /** `help --json` only: the terminal help is oclif's own. */
  | { command: 'help'; help: CommandHelp[] };

export interface VersionInfo { name: string; version: string; platform: string; arch: string; node: string }

/** One command as `help --json` describes it. */
export interface CommandHelp {
  id: string;
  description: string;
  args: Record<string, { description: string; required: boolean; options?: readonly string[] }>;
  flags: Record<string, { description: string; type: 'boolean' | 'option'; char?: string; options?: readonly string[]; env?: string }>;
}

export interface Reporter {
  emit(event: ReporterEvent): void;
  /** Presents the command's result (stdout; notes that belong with it on stderr). */
  result(result: CommandResult): void;
  /** Presents an error the command could not handle (the base command's only output path for errors). */
  error(error: Error, options: { isVerbose: boolean }): void;
}

/** Replaces secret values in text that is about to leave the process. */
export type Mask = (text: string) => string;

export interface ReporterStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The one formatter for provider events (`--verbose` request lines, retries, rate-limit waits,
 * reconciled creates). Requests are shown only when verbose; undefined means "nothing to show".
 */
export function formatProviderEvent(event: ProviderEvent, isVerbose: boolean, style: Style): string | undefined {
  switch (event.type) {
    case 'request':
      return isVerbose ? style.dim(`${event.method} ${event.path} → ${event.status ?? 'no answer'} (${Math.round(event.durationMs)} ms)`) : undefined;
    case 'retry':
      return style.dim(`retrying ${event.method} ${event.path} in ${event.delayMs} ms (attempt ${event.attempt}): ${event.reason}`);
    case 'rate-limited':
      return style.dim(`rate limited: waiting ${event.waitMs} ms (concurrency ${event.concurrency})`);
    case 'reconciled':
      return `${style.cyan('↺')} ${event.kind}.${event.name}: ${event.how}`;
  }
}

/** A reporter that only records what it is given: for services run by tests and benchmarks. */
export function createRecordingReporter(): Reporter & { events: ReporterEvent[]; results: CommandResult[]; errors: Error[] } {
  const events: ReporterEvent[] = [];
  const results: CommandResult[] = [];
  const errors: Error[] = [];
  return {
    events,
    results,
    errors,
    emit: (event) => events.push(event),
    result: (result) => results.push(result),
    error: (error) => errors.push(error),
  };
}

/** A reporter that shows nothing: for services run by benchmarks. */
export const silentReporter: Reporter = { emit: () => undefined, result: () => undefined, error: () => undefined };
