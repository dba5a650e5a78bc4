import { describe, expect, it } from 'vitest';
import { isEveryFailureTransient } from '../../../cli/core/execute/transient.js';
import type { StepResult } from '../../../cli/core/execute/types.js';

const step = (status: StepResult['status'], code?: string): StepResult => ({ id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'update', level: 0, status, ...(code ? { error: { code, message: 'x' } } : {}) });

describe('isEveryFailureTransient', () => {
  it('says a re-run may converge only when every failure was a timeout, outage or rate limit', () => {
    expect(isEveryFailureTransient([step('failed', 'PROVIDER_TIMEOUT'), step('skipped'), step('failed', 'PROVIDER_UNAVAILABLE')])).toBe(true);
    expect(isEveryFailureTransient([step('failed', 'PROVIDER_TIMEOUT'), step('failed', 'PROVIDER_VALIDATION')])).toBe(false);
    expect(isEveryFailureTransient([step('failed', 'PROVIDER_UNMAPPABLE')])).toBe(false);
  });
});
