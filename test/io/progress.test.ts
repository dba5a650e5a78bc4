import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatProgressLine } from '../../cli/io/progress.js';
import { createStyle } from '../../cli/core/render/style.js';
import type { StepResult } from '../../cli/core/execute/types.js';

function createSink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream };
}

const step = (status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult =>
  ({ id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'create', level: 1, status, ...extra });

describe('apply progress', () => {
  it('prints one line per finished step when the output is not a terminal', () => {
    const sink = createSink();
    const progress = createProgressReporter({ stream: sink.stream, isLive: false, style: createStyle(false), total: 3 });
    progress.onExecutionEvent({ type: 'step-started', id: 'team.SAC', address: 'team.SAC', action: 'create', level: 1 });
    progress.onExecutionEvent({ type: 'step-finished', step: step('applied', { durationMs: 120 }) });
    progress.onExecutionEvent({ type: 'step-finished', step: step('failed', { address: 'agent.x', action: 'update', error: { code: 'PROVIDER_HTTP', message: 'PUT /api/v4/agents/1 failed (HTTP 422): bad' } }) });
    progress.onExecutionEvent({ type: 'step-finished', step: step('skipped', { address: 'agent.y', skippedBecause: 'team.SAC' }) });
    progress.onProviderEvent({ type: 'retry', method: 'POST', path: '/x', attempt: 1, delayMs: 10, reason: '503' });
    progress.stop();
    expect(sink.chunks.join('')).toBe([
      '✓ created team.SAC (120 ms)',
      '✗ failed to update agent.x: PUT /api/v4/agents/1 failed (HTTP 422): bad [PROVIDER_HTTP]',
      '- skipped create agent.y (team.SAC failed)',
      '',
    ].join('\n'));
  });

  it('shows done and total, the lowest level in flight, retries and the rate-limit wait on the live line', () => {
    const line = formatProgressLine({ total: 40, done: 12, running: new Map([['a', 3], ['b', 2]]), retries: 1, waitUntil: 5_000 }, 2_100);
    expect(line).toBe('Applying: 12/40 done · level 2 · 1 retry · waiting 3s (rate limit)');
  });

  it('redraws the live line in place on a terminal and clears it when stopped', () => {
    const sink = createSink();
    let clock = 0;
    const progress = createProgressReporter({ stream: sink.stream, isLive: true, style: createStyle(false), total: 2, now: () => clock });
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
