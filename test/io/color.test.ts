import { describe, expect, it } from 'vitest';
import { isColorWanted } from '../../cli/io/color.js';

describe('isColorWanted', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '' }, false, false],
  ])('%j on a terminal=%s: colour %s', (env, isTerminal, expected) => {
    expect(isColorWanted(env, isTerminal)).toBe(expected);
  });
});
