/**
 * The settle window after an ambiguous create (a timeout, a reset, a 5xx such as a gateway's 504):
 * the tenant may have stored the object, and may store it seconds after the gateway gave up. So
 * the object is looked up by natural key repeatedly, with growing pauses, until it shows or the
 * window ends. A create is never sent a second time: an object still unseen at the end has an
 * unknown outcome, and the next plan reconciles it.
 */
import type { Clock } from './clock.js';

/** Pauses between look-ups: the first look-up is immediate, then 250 ms, doubling up to 2 s. */
const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 2_000;

/** Default window: covers a backend that commits up to 5 s after the gateway answered 504, with margin. */
export const DEFAULT_SETTLE_WINDOW_MS = 10_000;

export interface SettleOutcome<T> {
  found: T | undefined;
  /** How many look-ups were made. */
  lookUps: number;
  /** The last look-up's failure, when the last one failed. */
  lastError?: unknown;
}

/**
 * Calls `lookUp` until it returns an object or `windowMs` has passed since the call (a last
 * look-up is made at the end of the window). A failing look-up does not end the window.
 */
export async function settle<T>(lookUp: () => Promise<T | undefined>, windowMs: number, clock: Pick<Clock, 'now' | 'sleep'>): Promise<SettleOutcome<T>> {
  const endsAt = clock.now() + windowMs;
  let pause = FIRST_PAUSE_MS;
  for (let lookUps = 1; ; lookUps += 1) {
    let lastError: unknown;
    try {
      const found = await lookUp();
      if (found !== undefined) return { found, lookUps };
    } catch (error) {
      lastError = error;
    }
    const remaining = endsAt - clock.now();
    if (remaining <= 0) return { found: undefined, lookUps, ...(lastError === undefined ? {} : { lastError }) };
    await clock.sleep(Math.min(pause, remaining));
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  }
}
