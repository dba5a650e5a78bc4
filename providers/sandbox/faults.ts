// Fault injection: decides, per /api/v4 request, the delay and whether the request is reset,
// hung, failed, ghost-written, committed late or (a list page) broken. Every decision draws the
// same six numbers from the seeded PRNG, so the sequence of decisions depends only on the seed
// and the request order.

import type { FaultOptions } from './options.js';
import { createRandom, type RandomSource } from './random.js';

export type FaultAction =
  /**
   * `ghost`: applied and saved, then answered 504. `late`: answered 504 at once, applied
   * `lateCommitMs` later (a gateway that gave up on a backend that is still working).
   */
  | { kind: 'proceed'; ghost: boolean; late: boolean; brokenPage?: 'truncated' | 'garbled' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'fail'; status: number };

export interface FaultDecision {
  delayMs: number;
  action: FaultAction;
}

export class FaultInjector {
  private options: FaultOptions;
  private random: RandomSource;

  constructor(options: FaultOptions) {
    this.options = options;
    this.random = createRandom(options.seed);
  }

  get current(): FaultOptions {
    return { ...this.options, failStatuses: [...this.options.failStatuses] };
  }

  /** Replaces the options; a changed seed restarts the PRNG stream. */
  update(options: FaultOptions): void {
    const reseed = options.seed !== this.options.seed;
    this.options = options;
    if (reseed) this.random = createRandom(options.seed);
  }

  decide(isWrite: boolean): FaultDecision {
    const o = this.options;
    const jitter = this.random();
    const reset = this.random();
    const hang = this.random();
    const fail = this.random();
    const failPick = this.random();
    const ghost = this.random();
    const delayMs = o.latencyMs + Math.floor(jitter * o.jitterMs);
    if (reset < o.resetRate) return { delayMs, action: { kind: 'reset' } };
    if (hang < o.hangRate) return { delayMs, action: { kind: 'hang' } };
    if (fail < o.failRate) {
      const status = o.failStatuses[Math.floor(failPick * o.failStatuses.length)] ?? 503;
      return { delayMs, action: { kind: 'fail', status } };
    }
    // One draw decides both write faults, so a zero late-commit rate leaves every other draw as it was.
    const isGhost = isWrite && ghost < o.ghostWriteRate;
    const isLate = isWrite && !isGhost && ghost < o.ghostWriteRate + o.lateCommitRate;
    // A read reuses the write-fault draw (and the unused failure pick) for a broken page: the
    // sequence of draws, and so every other fault of a seed, stays as it was.
    if (!isWrite && ghost < o.brokenPageRate) {
      return { delayMs, action: { kind: 'proceed', ghost: false, late: false, brokenPage: failPick < 0.5 ? 'truncated' : 'garbled' } };
    }
    return { delayMs, action: { kind: 'proceed', ghost: isGhost, late: isLate } };
  }
}
