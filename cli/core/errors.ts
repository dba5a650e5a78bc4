/**
 * The one error hierarchy. Every error carries a stable code (`CONFIG_…`, `SCHEMA_…`, `PLAN_…`,
 * `APPLY_…`, `PROVIDER_…`) and a hint that says what to do. Only the base command renders them.
 */
import type { Diagnostic } from './diagnostics.js';
import type { ErrorCode } from './error-codes.js';

export class ConectaError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** The process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** The config has problems; each is a located diagnostic. */
export class ConfigError extends ConectaError {
  readonly diagnostics: Diagnostic[];

  /** The code is the first error's: a warning listed before it never names the failure. */
  constructor(diagnostics: Diagnostic[], message = 'The configuration is not valid.') {
    super(diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.code ?? 'CONFIG_INVALID', message, { hint: 'Fix the problems listed above, then run the command again.' });
    this.diagnostics = diagnostics;
  }
}

export class PlanError extends ConectaError {}

export class ApplyError extends ConectaError {}

/** An HTTP call to the tenant failed. Secrets are masked before this is built. */
export class RemoteError extends ConectaError {
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly vendorMessage: string | undefined;

  constructor(input: { method: string; path: string; status?: number; vendorMessage?: string; code?: ErrorCode; hint?: string; cause?: unknown }) {
    const status = input.status === undefined ? 'no answer' : `HTTP ${input.status}`;
    const detail = input.vendorMessage ? `: ${input.vendorMessage}` : '';
    super(input.code ?? 'PROVIDER_HTTP', `${input.method} ${input.path} failed (${status})${detail}`, { hint: input.hint, cause: input.cause });
    this.method = input.method;
    this.path = input.path;
    this.status = input.status;
    this.vendorMessage = input.vendorMessage;
  }
}

/**
 * A list read from the tenant could not be proved complete and consistent (a garbled or truncated
 * page, items missing or repeated, a server that ignores `page`). Nothing is planned or written
 * from it: a missing page would plan creates of objects that exist.
 */
export class IncompleteReadError extends ConectaError {
  readonly what: string;
  readonly path: string;
  /** The page at fault; undefined when the problem is in an item, not in a page. */
  readonly page: number | undefined;
  readonly problem: string;

  constructor(input: { what: string; path: string; page?: number; problem: string }) {
    const where = input.page === undefined ? '' : ` at page ${input.page}`;
    super('PROVIDER_INCOMPLETE_READ', `Reading ${input.what} (GET ${input.path}) failed${where}: ${input.problem}. Nothing was planned or written.`, {
      hint: 'The tenant (or a gateway before it) answered a list that is not whole. Run the command again; if it persists, run with --verbose to see each request and check the tenant or its proxy.',
    });
    this.what = input.what;
    this.path = input.path;
    this.page = input.page;
    this.problem = input.problem;
  }
}

/**
 * A create failed ambiguously (timeout, reset, 5xx) and the object did not appear within the
 * settle window: it may exist or not. It is never sent again; the next plan reconciles it.
 */
export const OUTCOME_UNKNOWN = 'PROVIDER_OUTCOME_UNKNOWN' satisfies ErrorCode;

export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof ConectaError && error.code === OUTCOME_UNKNOWN;
}

/** The run was interrupted: 130 for Ctrl-C (SIGINT), 143 for SIGTERM, 129 for SIGHUP (128 + the signal's number). */
export class InterruptedError extends ConectaError {
  constructor(message = 'Interrupted.', exitCode = 130) {
    super('INTERRUPTED', message, { exitCode });
  }
}
