import { describe, expect, it } from 'vitest';
import { appendPointer, formatPointer, parsePointer } from '../../cli/core/json-pointer.js';

describe('JSON pointers', () => {
  it('escapes `~` and `/` in a segment and reads them back', () => {
    const pointer = appendPointer(formatPointer(['flows', 0, 'blocks']), 'a/b~c');
    expect(pointer).toBe('/flows/0/blocks/a~1b~0c');
    expect(parsePointer(pointer)).toEqual(['flows', '0', 'blocks', 'a/b~c']);
  });

  it('reads `~01` as `~1`, not as `/`', () => {
    expect(parsePointer('/a~01')).toEqual(['a~1']);
  });

  it('gives the whole document no segment', () => {
    expect(parsePointer('')).toEqual([]);
    expect(formatPointer([])).toBe('');
  });
});
