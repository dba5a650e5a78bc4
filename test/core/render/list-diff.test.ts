import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffListItems } from '../../../cli/core/render/list-diff.js';

describe('diffListItems', () => {
  test('names what a set gains and loses, added first', () => {
    expect(diffListItems(['SAC', 'Suporte'], ['Suporte', 'Vendas'], { isOrdered: false })).toEqual([{ sign: '+', item: 'Vendas' }, { sign: '-', item: 'SAC' }]);
  });

  test('reports no move in a set whose order changed', () => {
    expect(diffListItems(['a', 'b', 'c'], ['c', 'a', 'b'], { isOrdered: false })).toEqual([]);
  });

  test('reports the item that moved in an ordered list, with its old and new positions', () => {
    expect(diffListItems(['ana', 'bia', 'caio'], ['caio', 'ana', 'bia'], { isOrdered: true })).toEqual([{ sign: '↕', item: 'caio', from: 3, to: 1 }]);
  });

  test('does not call items moved when an insertion only shifted them', () => {
    expect(diffListItems(['a', 'b', 'c'], ['x', 'a', 'b', 'c'], { isOrdered: true })).toEqual([{ sign: '+', item: 'x' }]);
  });

  test('pairs a removed and an added item with the same key as one change', () => {
    const keyOf = (item: unknown) => (item as { date: string }).date;
    const before = [{ date: '12-24', to: '12:00' }, { date: '11-20', to: '18:00' }];
    const after = [{ date: '12-24', to: '13:00' }, { date: '01-01', to: '18:00' }];
    expect(diffListItems(before, after, { isOrdered: false, keyOf })).toEqual([
      { sign: '~', before: before[0], after: after[0] },
      { sign: '+', item: after[1] },
      { sign: '-', item: before[1] },
    ]);
  });

  test('counts repeated items one by one', () => {
    expect(diffListItems(['a', 'a'], ['a'], { isOrdered: false })).toEqual([{ sign: '-', item: 'a' }]);
  });

  test('describes any change of unique items: added and removed are the set differences, and a permutation is only moves', () => {
    const lists = fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }));
    fc.assert(fc.property(lists, ([before, after]) => {
      const entries = diffListItems(before, after, { isOrdered: true });
      expect(entries.filter((entry) => entry.sign === '+').map((entry) => 'item' in entry && entry.item).sort()).toEqual(after.filter((item) => !before.includes(item)).sort());
      expect(entries.filter((entry) => entry.sign === '-').map((entry) => 'item' in entry && entry.item).sort()).toEqual(before.filter((item) => !after.includes(item)).sort());
      const kept = after.filter((item) => before.includes(item));
      const moved = entries.filter((entry) => entry.sign === '↕').map((entry) => 'item' in entry && entry.item);
      // What did not move keeps its relative order.
      const stayed = kept.filter((item) => !moved.includes(item));
      expect(stayed).toEqual(before.filter((item) => stayed.includes(item)));
      // Nothing moves when the order was kept.
      if (kept.join() === before.filter((item) => after.includes(item)).join()) expect(moved).toEqual([]);
    }), { numRuns: 200 });
  });
});
