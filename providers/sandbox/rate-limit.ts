// A token bucket for the sandbox's rate limit.
//
// Capacity (the burst) is one second's worth of requests, at least 1:
// max(1, ceil(perMinute / 60)). Tokens refill continuously at perMinute / 60 per second.
// When the bucket is empty the request is refused with the whole seconds until one token
// is back (at least 1), which the server sends as `Retry-After`.

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenBucket {
  readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private lastMs: number;

  constructor(perMinute: number, nowMs: number) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 60));
    this.perMs = perMinute / 60_000;
    this.tokens = this.capacity;
    this.lastMs = nowMs;
  }

  take(nowMs: number): TakeResult {
    const elapsed = Math.max(0, nowMs - this.lastMs);
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perMs);
    this.lastMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - this.tokens) / this.perMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
