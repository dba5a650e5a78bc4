/**
 * The reporter for `--json`: stdout carries exactly one JSON document (the result, or the error);
 * notes, warnings and provider lines go to stderr as plain text, so a pipe into `jq` stays clean.
 * The apply's plan and step events are not printed: the result holds every step.
 */
import { ConectaError, ConfigError } from '../core/errors.js';
import { renderDiagnostics } from '../core/render/diagnostics.js';
import { toPlanJson } from '../core/render/plan-json.js';
import { createStyle } from '../core/render/style.js';
import type { ApplyOutcome } from '../services/apply.js';
import type { ValidateResult } from '../services/validate.js';
import { formatProviderEvent, type CommandResult, type Mask, type Reporter, type ReporterStreams } from './reporter.js';
import { neutralizeControlChars } from '../core/render/escape.js';

export interface JsonReporterOptions extends ReporterStreams {
  /** Show one line per HTTP request on stderr. */
  isVerbose: boolean;
  /** The run's secret masking, applied to everything written. */
  mask: Mask;
}

/** What `apply --json` prints. */
export interface ApplyJson {
  status: ApplyOutcome['status'];
  target: ApplyOutcome['plan']['target'];
  counts: { applied: number; failed: number; unknown: number; skipped: number; notStarted: number };
  durationMs: number;
  steps: NonNullable<ApplyOutcome['result']>['steps'];
  journal?: string;
}

export function createJsonReporter(options: JsonReporterOptions): Reporter {
  const plain = createStyle(false);
  const note = (text: string) => options.stderr.write(`${options.mask(neutralizeControlChars(text))}\n`);
  const print = (value: unknown) => options.stdout.write(`${options.mask(JSON.stringify(value, null, 2))}\n`);
  return {
    emit(event) {
      if (event.type === 'notice') note(event.text);
      else if (event.type === 'diagnostics') note(renderDiagnostics(event.diagnostics, plain).trimEnd());
      else if (event.type === 'provider') {
        const line = formatProviderEvent(event.event, options.isVerbose, plain);
        if (line !== undefined) note(line);
      }
    },
    result(result: CommandResult) {
      print(toJson(result));
    },
    error(error) {
      print(error instanceof ConfigError
        ? { error: { code: error.code, message: error.message, diagnostics: error.diagnostics } }
        : { error: { code: error instanceof ConectaError ? error.code : 'INTERNAL', message: error.message, hint: error instanceof ConectaError ? error.hint : undefined } });
    },
  };
}

function toJson(result: CommandResult): unknown {
  switch (result.command) {
    case 'plan':
      return toPlanJson(result.plan);
    case 'apply':
      return toApplyJson(result.outcome);
    case 'doctor':
      return result.report;
    case 'export': {
      const { target, files, counts, skipped, secrets } = result.summary;
      return { target, files, counts, skipped, secrets };
    }
    case 'validate':
      return toValidateJson(result.result);
    case 'graph':
    case 'init':
      return result.result;
    case 'schema':
      return result.schema;
    case 'sandbox':
      return { url: result.url, token: result.token, dataFile: result.dataFile ?? null, ...(result.replay === undefined ? {} : { replay: result.replay }) };
    case 'version':
      return result.version;
    case 'completion':
      return result.result;
    case 'help':
      return { commands: result.help };
  }
}

function toApplyJson(outcome: ApplyOutcome): ApplyJson {
  const { result } = outcome;
  return {
    status: outcome.status,
    target: outcome.plan.target,
    counts: result?.counts ?? { applied: 0, failed: 0, unknown: 0, skipped: 0, notStarted: 0 },
    durationMs: Math.round(result?.durationMs ?? 0),
    steps: result?.steps ?? [],
    ...(outcome.journalFile === undefined ? {} : { journal: outcome.journalFile }),
  };
}

function toValidateJson(result: ValidateResult) {
  const diagnostics = result.diagnostics.map(({ code, severity, message, hint, file, line, column, pointer }) => ({ code, severity, message, hint, file, line, column, pointer }));
  const environments = result.environments.map(({ name, isValid, counts }) => ({ name, valid: isValid, counts: Object.fromEntries(counts.map(({ configKey, count }) => [configKey, count])) }));
  return { valid: result.isValid, diagnostics, environments };
}
