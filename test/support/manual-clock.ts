/**
 * A clock that moves only when told to, shared by a sandbox (`now`) and a client (`clock`), so
 * that rate limits and Retry-After waits take no real time. `sleep` resolves on a later turn of
 * the event loop, earliest wake-up first, moving the clock to that wake-up; sleeps that overlap
 * end at the same time, as real timers would.
 */
export interface ManualClock {
  /** Milliseconds since the epoch. */
  now(): number;
  date(): Date;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  random(): number;
}

export function createManualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let current = startMs;
  const timers: { at: number; wake: () => void }[] = [];
  const fireEarliest = () => {
    timers.sort((a, b) => a.at - b.at);
    const timer = timers.shift();
    if (!timer) return;
    current = Math.max(current, timer.at);
    timer.wake();
  };
  return {
    now: () => current,
    date: () => new Date(current),
    sleep: (ms) => new Promise<void>((resolve) => {
      timers.push({ at: current + Math.max(0, ms), wake: resolve });
      setImmediate(fireEarliest);
    }),
    advance: (ms) => {
      current += ms;
    },
    random: () => 0.5,
  };
}
