import { describe, expect, it } from 'vitest';
import { goldenUpdateMode } from './golden-update-mode.js';

describe('golden files update mode', () => {
  it('never writes golden files unless asked, so a missing one fails instead of being created', () => {
    expect(goldenUpdateMode({})).toBe('none');
    expect(goldenUpdateMode({ CI: 'true' })).toBe('none');
    expect(goldenUpdateMode({ UPDATE_GOLDEN: 'yes' })).toBe('none');
  });

  it('writes them with UPDATE_GOLDEN=1 on a workstation', () => {
    expect(goldenUpdateMode({ UPDATE_GOLDEN: '1' })).toBe('all');
    expect(goldenUpdateMode({ UPDATE_GOLDEN: '1', CI: 'false' })).toBe('all');
  });

  it('refuses UPDATE_GOLDEN=1 in CI', () => {
    expect(() => goldenUpdateMode({ UPDATE_GOLDEN: '1', CI: 'true' })).toThrow(/refused when CI is set/);
  });
});
