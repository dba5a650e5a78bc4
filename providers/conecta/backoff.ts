/** Retry delays: exponential backoff with full jitter, and the `Retry-After` header. */

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Kept for callers' policies; a `Retry-After` is always honoured in full (waited for when the deadline allows, else the call fails). */
  maxRetryAfterMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 250, maxMs: 8_000, maxRetryAfterMs: 60_000 };

/** Full jitter: a uniform delay in [0, min(max, base·2^attempt)). `attempt` starts at 0. */
export function computeBackoffDelay(policy: BackoffPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.floor(ceiling * random);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `nowEpochMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowEpochMs: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}
