/**
 * Which step failures may succeed when apply runs again (the tenant was slow, unreachable, busy or
 * rate-limited) and which fail the same way every time (a value the API refuses, a missing
 * reference, no permission). Only the first kind earns the "re-run to converge" hint.
 */
import type { StepResult } from './types.js';

const TRANSIENT_CODES: ReadonlySet<string> = new Set(['PROVIDER_TIMEOUT', 'PROVIDER_UNREACHABLE', 'PROVIDER_UNAVAILABLE', 'PROVIDER_RATE_LIMIT', 'PROVIDER_INCOMPLETE_READ']);

export function isTransientFailure(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}

/** True when every failed step failed for a reason that may pass on a later run. */
export function isEveryFailureTransient(steps: readonly StepResult[]): boolean {
  return steps.every((step) => step.status !== 'failed' || (step.error !== undefined && isTransientFailure(step.error.code)));
}
