/**
 * Paces the starts of requests once the tenant has rate-limited the client, so that a rate limit
 * costs a few 429s instead of a storm of them. The concurrency limiter cannot do this: at low
 * latency even one request at a time outruns a limit of a few requests per second.
 *
 * - Until the first 429 it only watches, and requests start as fast as they come.
 * - At the first 429 it paces at the rate the tenant accepted over the last window: requests
 *   that started within `windowMs` before it and were answered without a 429 (answers still on
 *   their way count when they arrive).
 * - Each further 429 multiplies the pace by `decrease`, once per round: a 429 for a request that
 *   started before the last decrease was already accounted for.
 * - Each request answered without a 429 adds `increasePerSuccess` requests per second, so the pace
 *   creeps back up (at a pace of r requests per second it grows by r × increasePerSuccess per
 *   second, the same share of itself whatever the tenant's limit).
 * - A 429's Retry-After pauses every start until it has elapsed.
 *
 * Pure: every method takes the time (Clock.now()) from its caller.
 */
export interface PacingPolicy {
  /** How far back the accepted rate is measured at the first 429. */
  windowMs: number;
  /** The factor applied to the pace on a 429, below 1. */
  decrease: number;
  /** Requests per second added to the pace by each request answered without a 429. */
  increasePerSuccess: number;
  /** The slowest pace, in requests per second. */
  minRatePerSecond: number;
}

export const defaultPacing: PacingPolicy = { windowMs: 1_000, decrease: 0.9, increasePerSuccess: 0.0025, minRatePerSecond: 0.1 };

export class RatePacer {
  /** Requests per second; undefined until the first 429 (no pacing). */
  private rate: number | undefined;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** When the first 429 arrived: the end of the window the first pace was measured over. */
  private seededAt = Number.NEGATIVE_INFINITY;
  /** Start times of the accepted requests within the window, oldest first (only before the first 429). */
  private readonly acceptedStarts: number[] = [];

  constructor(private readonly policy: PacingPolicy = defaultPacing) {}

  /** The current pace in requests per second; undefined while not pacing. */
  get ratePerSecond(): number | undefined {
    return this.rate;
  }

  /** The earliest time the next request may start. */
  readyAt(): number {
    const interval = this.rate === undefined ? 0 : 1000 / this.rate;
    return Math.max(this.pausedUntil, this.lastStartAt + interval);
  }

  /** A request starts at `now` (not before readyAt()). */
  onStart(now: number): void {
    this.lastStartAt = now;
  }

  /** The request that started at `startedAt` was answered, at `now`, with anything but 429. */
  onAccepted(startedAt: number, now: number): void {
    if (this.rate === undefined) {
      this.acceptedStarts.push(startedAt);
      while (this.acceptedStarts.length > 0 && this.acceptedStarts[0]! < now - this.policy.windowMs) this.acceptedStarts.shift();
    } else if (startedAt <= this.seededAt && startedAt >= this.seededAt - this.policy.windowMs) {
      // Started in the window before the first 429 and answered after it: part of the accepted rate.
      this.rate += 1000 / this.policy.windowMs;
    } else {
      this.rate += this.policy.increasePerSuccess;
    }
  }

  /** The request that started at `startedAt` was answered 429 at `now`; nothing starts before `now + waitMs`. */
  onRateLimited(startedAt: number, now: number, waitMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    if (startedAt < this.lastDecreaseAt) return;
    if (this.rate === undefined) {
      this.seededAt = now;
      this.rate = this.acceptedStarts.filter((start) => start >= now - this.policy.windowMs).length * (1000 / this.policy.windowMs);
      this.acceptedStarts.length = 0;
    } else {
      this.rate *= this.policy.decrease;
    }
    this.rate = Math.max(this.policy.minRatePerSecond, this.rate);
    this.lastDecreaseAt = now;
  }
}
