import { describe, expect, it } from 'vitest';
import { createLiveProgress, formatProgressLine } from '../../cli/io/progress.js';
import type { StepResult } from '../../cli/core/execute/types.js';

function createSink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream };
}

const step = (status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult =>
  ({ id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'create', level: 1, status, ...extra });

describe('live apply progress', () => {
  it('shows done and total, the lowest level in flight, retries and the rate-limit wait on the live line', () => {
    const line = formatProgressLine({ total: 40, done: 12, running: new Map([['a', 3], ['b', 2]]), retries: 1, waitUntil: 5_000 }, 2_100);
    expect(line).toBe('Applying: 12/40 done · level 2 · 1 retry · waiting 3s (rate limit)');
  });

  it('redraws the live line in place on a terminal and clears it when stopped', () => {
    const sink = createSink();
    let clock = 0;
    const progress = createLiveProgress({ stream: sink.stream, total: 2, now: () => clock });
    progress.onExecutionEvent({ type: 'step-started', id: 'team.SAC', address: 'team.SAC', action: 'create', level: 0 });
    progress.onProviderEvent({ type: 'rate-limited', waitMs: 2000, concurrency: 1 });
    clock = 500;
    progress.onExecutionEvent({ type: 'step-finished', step: step('applied', { durationMs: 1 }) });
    progress.stop();
    expect(sink.chunks).toEqual([
      '\r\u001b[2KApplying: 0/2 done',
      '\r\u001b[2KApplying: 0/2 done · level 0',
      '\r\u001b[2KApplying: 0/2 done · level 0 · waiting 2s (rate limit)',
      '\r\u001b[2KApplying: 1/2 done · waiting 2s (rate limit)',
      '\r\u001b[2K',
    ]);
  });
});
