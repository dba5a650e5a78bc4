import { describe, expect, it } from 'vitest';
import type { ApplyResult, StepResult } from '../../cli/core/execute/types.js';
import { ConectaError } from '../../cli/core/errors.js';
import { createStyle } from '../../cli/core/render/style.js';
import { formatProviderEvent } from '../../cli/io/reporter.js';
import { createJsonReporter } from '../../cli/io/reporter-json.js';
import { createTerminalReporter } from '../../cli/io/reporter-terminal.js';
import { maskPlan } from '../../cli/core/plan/mask-plan.js';
import { createRedactor } from '../../cli/io/redactor.js';
import { buildRepresentativePlan } from '../helpers/representative-plan.js';

const aPlan = () => maskPlan(buildRepresentativePlan(), createRedactor());

function createSink() {
  const chunks: string[] = [];
  return { chunks, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

const step = (status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult =>
  ({ id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'create', level: 1, status, ...extra });

const plain = createStyle(false);
const noMask = (text: string) => text;

function runApplyEvents(isLiveProgress: boolean) {
  const stdout = createSink();
  const stderr = createSink();
  const reporter = createTerminalReporter({ stdout, stderr, style: plain, isVerbose: false, isLiveProgress, mask: noMask, now: () => 0 });
  const steps = [
    step('applied', { durationMs: 120 }),
    step('failed', { id: 'agent.x', address: 'agent.x', action: 'update', error: { code: 'PROVIDER_HTTP', message: 'PUT /api/v4/agents/1 failed (HTTP 422): bad' } }),
    step('skipped', { id: 'agent.y', address: 'agent.y', skippedBecause: 'agent.x' }),
    step('not-started', { id: 'agent.z', address: 'agent.z' }),
  ];
  reporter.emit({ type: 'apply-started', total: steps.length });
  for (const finished of steps) {
    reporter.emit({ type: 'step', event: { type: 'step-started', id: finished.id, address: finished.address, action: finished.action, level: 1 } });
    reporter.emit({ type: 'step', event: { type: 'step-finished', step: finished } });
  }
  reporter.emit({ type: 'provider', event: { type: 'retry', method: 'POST', path: '/x', attempt: 1, delayMs: 10, reason: '503' } });
  reporter.emit({ type: 'apply-finished' });
  const result: ApplyResult = { steps, counts: { applied: 1, failed: 1, unknown: 0, skipped: 1, notStarted: 1 }, isInterrupted: false, durationMs: 1500 };
  reporter.result({ command: 'apply', outcome: { status: 'incomplete', notApplied: 3, plan: aPlan(), result } });
  return { stdout: stdout.text(), stderr: stderr.text() };
}

describe('terminal reporter', () => {
  it('writes each apply step once when not on a terminal: as it finishes, then only the steps that never started and the summary', () => {
    const { stdout, stderr } = runApplyEvents(false);
    expect(stdout).toBe([
      '',
      '✓ created team.SAC (120 ms)',
      '✗ failed to update agent.x: PUT /api/v4/agents/1 failed (HTTP 422): bad [PROVIDER_HTTP]',
      '- skipped create agent.y (agent.x failed)',
      '',
      'Not started (1):',
      '  · not started: create agent.z',
      '',
      'Apply incomplete: 1 applied, 1 failed, 1 skipped, 1 not started (1.5 s).',
      '',
    ].join('\n'));
    expect(stderr).toBe('retrying POST /x in 10 ms (attempt 1): 503\n');
  });

  it('on a terminal keeps steps on the live line and writes the full report once', () => {
    const { stdout, stderr } = runApplyEvents(true);
    expect(stdout.match(/created team\.SAC/g)).toHaveLength(1);
    expect(stdout).toContain('Applied (1):\n  ✓ created team.SAC (120 ms)');
    expect(stdout).toContain('Failed (1):');
    expect(stderr).not.toContain('created team.SAC');
    expect(stderr).toContain('Applying: 4/4 done · 1 retry');
  });

  it('passes everything it writes through the run\'s mask', () => {
    const stdout = createSink();
    const stderr = createSink();
    const reporter = createTerminalReporter({ stdout, stderr, style: plain, isVerbose: false, isLiveProgress: false, mask: (text) => text.replaceAll('s3cr3t', '****') });
    reporter.emit({ type: 'notice', text: 'token s3cr3t' });
    reporter.error(new ConectaError('PROVIDER_AUTH', 'rejected s3cr3t', { hint: 'check s3cr3t' }), { isVerbose: false });
    expect(`${stdout.text()}${stderr.text()}`).not.toContain('s3cr3t');
    expect(stderr.text()).toContain('Error [PROVIDER_AUTH] rejected ****');
  });
});

describe('JSON reporter', () => {
  it('prints one JSON document on stdout and notes on stderr, masked', () => {
    const stdout = createSink();
    const stderr = createSink();
    const reporter = createJsonReporter({ stdout, stderr, isVerbose: false, mask: (text) => text.replaceAll('s3cr3t', '****') });
    reporter.emit({ type: 'notice', text: 'Using the local sandbox' });
    reporter.emit({ type: 'step', event: { type: 'step-finished', step: step('applied') } });
    reporter.result({ command: 'apply', outcome: { status: 'applied', notApplied: 0, plan: aPlan(), result: { steps: [step('failed', { error: { code: 'X', message: 's3cr3t' } })], counts: { applied: 0, failed: 1, unknown: 0, skipped: 0, notStarted: 0 }, isInterrupted: false, durationMs: 3 } } });
    expect(JSON.parse(stdout.text())).toMatchObject({ status: 'applied', steps: [{ error: { message: '****' } }] });
    expect(stderr.text()).toBe('Using the local sandbox\n');
  });
});

describe('provider event lines', () => {
  it('are formatted in one place: requests only when verbose, retries and waits always', () => {
    const request = { type: 'request', method: 'GET', path: '/api/v4/teams', status: 200, durationMs: 12.4 } as const;
    expect(formatProviderEvent(request, false, plain)).toBeUndefined();
    expect(formatProviderEvent(request, true, plain)).toBe('GET /api/v4/teams → 200 (12 ms)');
    expect(formatProviderEvent({ type: 'rate-limited', waitMs: 2000, concurrency: 2 }, false, plain)).toBe('rate limited: waiting 2000 ms (concurrency 2)');
  });
});
