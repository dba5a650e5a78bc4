import { describe, expect, it } from 'vitest';
import { RatePacer, type PacingPolicy } from '../../../providers/conecta/pacer.js';

const policy: PacingPolicy = { windowMs: 1_000, decrease: 0.5, increasePerSuccess: 0.1, minRatePerSecond: 0.5 };

/** A pacer that saw `count` requests start at `at` and be accepted, then a 429 at `rateLimitedAt` with the given wait. */
function createPacedPacer(count: number, options: { at?: number; rateLimitedAt?: number; waitMs?: number } = {}): RatePacer {
  const pacer = new RatePacer(policy);
  const at = options.at ?? 0;
  const rateLimitedAt = options.rateLimitedAt ?? at + 20;
  for (let index = 0; index < count; index += 1) {
    pacer.onStart(at);
    pacer.onAccepted(at, at + 10);
  }
  pacer.onStart(at);
  pacer.onRateLimited(at, rateLimitedAt, options.waitMs ?? 0);
  return pacer;
}

describe('RatePacer', () => {
  it('lets every request start at once until the tenant first answers 429', () => {
    const pacer = new RatePacer(policy);
    for (let index = 0; index < 1_000; index += 1) {
      expect(pacer.readyAt()).toBeLessThanOrEqual(5);
      pacer.onStart(5);
      pacer.onAccepted(5, 6);
    }
    expect(pacer.ratePerSecond).toBeUndefined();
  });

  it('paces at the rate the tenant accepted over the last second once it answers 429', () => {
    const pacer = createPacedPacer(5, { at: 10_000, rateLimitedAt: 10_020 });
    expect(pacer.ratePerSecond).toBe(5);
    pacer.onStart(10_020);
    expect(pacer.readyAt()).toBe(10_220);
  });

  it('leaves requests accepted more than a second before the 429 out of the first pace', () => {
    const pacer = new RatePacer(policy);
    for (let index = 0; index < 8; index += 1) {
      pacer.onStart(0);
      pacer.onAccepted(0, 20);
    }
    for (let index = 0; index < 4; index += 1) {
      pacer.onStart(1_500);
      pacer.onAccepted(1_500, 1_520);
    }
    pacer.onStart(1_600);
    pacer.onRateLimited(1_600, 1_620, 0);
    expect(pacer.ratePerSecond).toBe(4);

    const idle = new RatePacer(policy);
    for (let index = 0; index < 8; index += 1) {
      idle.onStart(0);
      idle.onAccepted(0, 20);
    }
    idle.onStart(5_000);
    idle.onRateLimited(5_000, 5_020, 0);
    expect(idle.ratePerSecond).toBe(policy.minRatePerSecond);
  });

  it('counts answers still on their way at the first 429 towards the first pace', () => {
    const pacer = createPacedPacer(3);
    pacer.onAccepted(0, 25);
    pacer.onAccepted(0, 30);
    expect(pacer.ratePerSecond).toBe(5);
  });

  it('starts nothing before the Retry-After of a 429 has elapsed', () => {
    const pacer = createPacedPacer(50, { rateLimitedAt: 20, waitMs: 3_000 });
    expect(pacer.readyAt()).toBe(3_020);
    pacer.onStart(3_020);
    pacer.onRateLimited(3_020, 3_040, 1_000);
    expect(pacer.readyAt()).toBe(4_040);
  });

  it('keeps an earlier, longer Retry-After when a shorter one arrives', () => {
    const pacer = createPacedPacer(50, { rateLimitedAt: 20, waitMs: 5_000 });
    pacer.onRateLimited(10, 30, 1_000);
    expect(pacer.readyAt()).toBe(5_020);
  });

  it('slows down on each further 429, once for all the requests that started before it', () => {
    const pacer = createPacedPacer(8);
    pacer.onStart(1_000);
    pacer.onStart(1_010);
    pacer.onRateLimited(1_000, 1_020, 1_000);
    expect(pacer.ratePerSecond).toBe(4);
    pacer.onRateLimited(1_010, 1_030, 1_000);
    expect(pacer.ratePerSecond).toBe(4);
    pacer.onStart(2_020);
    pacer.onRateLimited(2_020, 2_040, 1_000);
    expect(pacer.ratePerSecond).toBe(2);
  });

  it('speeds up a little with each request accepted while pacing', () => {
    const pacer = createPacedPacer(4, { rateLimitedAt: 20 });
    for (let index = 0; index < 10; index += 1) {
      const at = 2_000 + index * 250;
      pacer.onStart(at);
      pacer.onAccepted(at, at + 20);
    }
    expect(pacer.ratePerSecond).toBeCloseTo(5);
  });

  it('never paces slower than its minimum rate', () => {
    const pacer = createPacedPacer(0);
    expect(pacer.ratePerSecond).toBe(0.5);
    pacer.onStart(100);
    expect(pacer.readyAt()).toBe(2_100);
  });
});
