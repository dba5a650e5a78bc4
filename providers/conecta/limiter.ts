/**
 * An adaptive concurrency limit shared by every request of one provider (AIMD): it halves on
 * a 429 and grows back by one slot per window of successful requests. Because apply's calls
 * all go through it, it also bounds apply's parallelism.
 */
export class AdaptiveLimiter {
  private limit: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxConcurrency: number, private readonly minConcurrency = 1) {
    this.limit = maxConcurrency;
  }

  get concurrency(): number {
    return Math.floor(this.limit);
  }

  async acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    this.active -= 1;
    this.drain();
  }

  /** Multiplicative decrease. */
  onRateLimited(): void {
    this.limit = Math.max(this.minConcurrency, this.limit / 2);
  }

  /** Additive increase: one slot per `limit` successes. */
  onSuccess(): void {
    this.limit = Math.min(this.maxConcurrency, this.limit + 1 / this.limit);
    this.drain();
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.active < this.concurrency) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}
