import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../providers/contract.js';
import type { RequestLogEntry } from '../../../providers/sandbox/index.js';
import { createManualClock } from '../../support/manual-clock.js';
import { startHarness, type SandboxHarness } from './sandbox-support.js';

let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * How long after a 429's arrival a request the client had sent before it read that 429 may still
 * arrive: event-loop lag when the test machine is busy.
 */
const IN_FLIGHT_SLACK_MS = 300;

/** Requests that arrived inside some 429's Retry-After window too late to have been on their way already. */
function findEarlyArrivals(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  const notices = log.filter((entry) => entry.status === 429 && entry.retryAfter !== undefined);
  return log.filter((entry) => notices.some((notice) => entry.t > notice.t + IN_FLIGHT_SLACK_MS && entry.t < notice.t + notice.retryAfter! * 1000));
}

interface TimedEvent {
  at: number;
  event: ProviderEvent;
}

/** Requests the client sent while it knew of a Retry-After that had not elapsed (1 ms of rounding allowed). */
function findEarlySends(timeline: readonly TimedEvent[]): TimedEvent[] {
  const pauses = timeline.flatMap(({ at, event }) => (event.type === 'rate-limited' ? [{ from: at, until: at + event.waitMs }] : []));
  return timeline.filter(({ at, event }) => {
    if (event.type !== 'request') return false;
    const sentAt = at - event.durationMs;
    return pauses.some((pause) => sentAt > pause.from + 1 && sentAt < pause.until - 1);
  });
}

describe('ConectaProvider against a rate-limited sandbox', () => {
  it('paces itself after the first 429: every write lands, later 429s are rare, none before Retry-After', async () => {
    const timeline: TimedEvent[] = [];
    // One manual clock for the sandbox's rate limit and the client's pacing and waits: the
    // Retry-After seconds pass without real time. No latency: a real-time delay beside the manual
    // clock made the outcome depend on how busy the machine was (0 to 5 later 429s); without it
    // the run is the same every time (4 later 429s), and a client that stops pacing gets 12.
    const clock = createManualClock();
    harness = await startHarness(
      { rateLimitPerMinute: 300, latencyMs: 0, requestLogSize: 10_000, now: clock.date },
      { clock, onEvent: (event) => timeline.push({ at: clock.now(), event }) },
    );
    const count = 40;
    await Promise.all(Array.from({ length: count }, (_, index) => harness!.provider.create('tabulation', { name: `T${String(index).padStart(3, '0')}` })));

    const audit = harness.sandbox.audit();
    expect(audit.writes).toBe(count);
    expect(audit.duplicates).toEqual({});
    const limited = audit.requestLog.filter((entry) => entry.path.startsWith('/api/v4/'));
    const firstNotice = limited.find((entry) => entry.status === 429);
    expect(firstNotice).toBeDefined();
    // After the first round (the requests in flight when the tenant first said 429) few are refused:
    // the first pace counts the tenant's burst too, so it overshoots a few times before settling.
    const afterFirstPause = limited.filter((entry) => entry.t >= firstNotice!.t + firstNotice!.retryAfter! * 1000);
    expect(afterFirstPause.length).toBeGreaterThanOrEqual(count - 8);
    expect(afterFirstPause.filter((entry) => entry.status === 429).length).toBeLessThanOrEqual(5);
    expect(findEarlyArrivals(audit.requestLog)).toEqual([]);
    expect(findEarlySends(timeline)).toEqual([]);
  }, 20_000);
});
