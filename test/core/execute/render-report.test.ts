import { describe, expect, it } from 'vitest';
import { renderApplyReport } from '../../../cli/core/execute/render-report.js';
import type { ApplyResult } from '../../../cli/core/execute/types.js';
import { createStyle } from '../../../cli/core/render/style.js';

const result: ApplyResult = {
  steps: [
    { id: 'tabulation.Venda', address: 'tabulation.Venda', kind: 'tabulation', name: 'Venda', action: 'create', level: 0, status: 'applied', liveId: 'a1', durationMs: 120 },
    { id: 'flow.Main', address: 'flow.Main', kind: 'flow', name: 'Main', action: 'create', phase: 'create-without-deferred-references', level: 0, status: 'applied', liveId: 'f1', durationMs: 1530 },
    { id: 'flow.Main#references', address: 'flow.Main', kind: 'flow', name: 'Main', action: 'update', phase: 'set-deferred-references', level: 1, status: 'applied', liveId: 'f1', durationMs: 80 },
    { id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'update', level: 1, status: 'failed', durationMs: 40, error: { code: 'PROVIDER_HTTP', message: 'PUT /api/v4/departments/d1 failed (HTTP 422): nome inválido' } },
    { id: 'agent.maria@acme.com', address: 'agent.maria@acme.com', kind: 'agent', name: 'maria@acme.com', action: 'create', level: 2, status: 'skipped', skippedBecause: 'team.SAC' },
    { id: 'pause.Almoço', address: 'pause.Almoço', kind: 'pause', name: 'Almoço', action: 'delete', level: 0, status: 'not-started' },
  ],
  counts: { applied: 3, failed: 1, unknown: 0, skipped: 1, notStarted: 1 },
  isInterrupted: true,
  durationMs: 2210,
};

describe('renderApplyReport', () => {
  it('lists applied, failed, skipped and not-started steps and a summary line', async () => {
    await expect(renderApplyReport(result, createStyle(false))).toMatchFileSnapshot('../../golden/apply-report.txt');
  });

  it('says the apply is complete when every step was applied', () => {
    const complete: ApplyResult = { ...result, steps: result.steps.slice(0, 1), counts: { applied: 1, failed: 0, unknown: 0, skipped: 0, notStarted: 0 }, isInterrupted: false, durationMs: 120 };
    expect(renderApplyReport(complete, createStyle(false)).split('\n').at(-2)).toBe('Apply complete: 1 applied, 0 failed, 0 skipped, 0 not started (120 ms).');
  });
});
