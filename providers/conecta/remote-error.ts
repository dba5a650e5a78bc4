/**
 * Turns every failure of an HTTP call into one RemoteError. The vendor answers errors in four
 * envelopes (raykavin/szchat-go errors.go, parseAPIError):
 *   {"error": "Unauthorized"}
 *   {"status": false, "errors": {"field": ["msg", …]}}      validation, HTTP 422
 *   {"status": "fail", "response": "existing name"}          duplicate name
 *   {"success": false, "message": "…"}
 * Paths and messages pass through the run's redactor: a secret echoed by the server never leaks.
 */
import type { ErrorCode } from '../../cli/core/error-codes.js';
import { RemoteError } from '../../cli/core/errors.js';
import type { Redactor } from '../contract.js';

export interface VendorFailure {
  message: string;
  /** The `{"status":"fail","response":"existing name"}` answer. */
  isDuplicateName: boolean;
}

/**
 * Reads a vendor error envelope. Also used on 2xx bodies: whether the API ever answers a
 * failure with HTTP 200 is unknown [INF], so a 2xx body in one of the failure shapes counts as one.
 */
export function readVendorFailure(body: unknown): VendorFailure | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.error === 'string' && record.error !== '') return { message: record.error, isDuplicateName: false };
  if (record.status === false && record.errors !== null && typeof record.errors === 'object') {
    return { message: formatFieldErrors(record.errors as Record<string, unknown>), isDuplicateName: false };
  }
  if (record.status === 'fail') {
    const response = typeof record.response === 'string' ? record.response : 'request failed';
    // "existing name" is the only duplicate answer seen (szchat-go errors.go); other wordings [INF].
    return { message: response, isDuplicateName: /exist|duplica|already/i.test(response) };
  }
  if (record.success === false) {
    return { message: typeof record.message === 'string' ? record.message : 'request failed', isDuplicateName: false };
  }
  return undefined;
}

function formatFieldErrors(errors: Record<string, unknown>): string {
  const parts = Object.entries(errors).map(([field, messages]) => {
    const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    return `${field}: ${list.join(' ')}`;
  });
  return parts.length > 0 ? parts.join('; ') : 'validation failed';
}

const hints: Record<string, string> = {
  PROVIDER_AUTH: 'Check CONECTA_TOKEN, or CONECTA_EMAIL and CONECTA_PASSWORD; the account must be an administrator whose user group may manage these objects.',
  PROVIDER_NOT_FOUND: 'The object is gone from the tenant (deleted by someone else?). Run `conecta plan` again to refresh.',
  PROVIDER_CONFLICT: 'The tenant refused the change because of another object (a duplicate name, or an object still in use). Run `conecta plan` again to see the current state.',
  PROVIDER_VALIDATION: 'The tenant rejected a value; fix the field named above in the config.',
  PROVIDER_RATE_LIMIT: 'The tenant kept answering 429 (too many requests) until the overall deadline. Raise CONECTA_DEADLINE, or apply fewer changes at once.',
  PROVIDER_UNAVAILABLE: 'The tenant is failing or overloaded; try again later. Nothing is left half-done: run `conecta plan` to see what was applied.',
  PROVIDER_TIMEOUT: 'The tenant did not answer in time. Raise CONECTA_TIMEOUT (seconds) or try again later.',
  PROVIDER_UNREACHABLE: 'Check CONECTA_URL and your network connection.',
  PROVIDER_HTTP: 'Run again with --verbose to see each request.',
};

export function codeForStatus(status: number, failure: VendorFailure | undefined): ErrorCode {
  if (failure?.isDuplicateName) return 'PROVIDER_CONFLICT';
  if (status === 401 || status === 403) return 'PROVIDER_AUTH';
  if (status === 404) return 'PROVIDER_NOT_FOUND';
  if (status === 409) return 'PROVIDER_CONFLICT';
  if (status === 400 || status === 422) return 'PROVIDER_VALIDATION';
  if (status === 429) return 'PROVIDER_RATE_LIMIT';
  if (status === 504) return 'PROVIDER_TIMEOUT';
  if (status >= 500) return 'PROVIDER_UNAVAILABLE';
  return failure ? 'PROVIDER_VALIDATION' : 'PROVIDER_HTTP';
}

export function hintFor(code: string): string | undefined {
  return hints[code];
}

/** A failed answer (any status, or a 2xx carrying a failure envelope). */
export function createHttpRemoteError(input: { method: string; path: string; status: number; body: unknown; text: string }, redactor: Redactor): RemoteError {
  const failure = readVendorFailure(input.body);
  const code = codeForStatus(input.status, failure);
  // Masked before it is cut: a cut secret would no longer match.
  const raw = failure?.message ?? (redactor.mask(input.text.trim()).slice(0, 200) || undefined);
  return new RemoteError({
    method: input.method,
    path: redactor.mask(input.path),
    status: input.status,
    vendorMessage: raw === undefined ? undefined : redactor.mask(raw),
    code,
    hint: hintFor(code),
  });
}

/** No answer: connection refused or reset, DNS failure, timeout. */
export function createTransportRemoteError(input: { method: string; path: string; cause: unknown; isTimeout: boolean }, redactor: Redactor): RemoteError {
  const code = input.isTimeout ? 'PROVIDER_TIMEOUT' : 'PROVIDER_UNREACHABLE';
  const detail = input.cause instanceof Error ? describeTransportError(input.cause) : String(input.cause);
  return new RemoteError({ method: input.method, path: redactor.mask(input.path), vendorMessage: redactor.mask(detail), code, hint: hintFor(code), cause: input.cause });
}

function describeTransportError(error: Error): string {
  const code = (error as { code?: string }).code;
  return code ? `${code}: ${error.message}` : error.message;
}
