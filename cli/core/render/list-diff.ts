/**
 * A list change element by element, for people: what was added, removed, changed in place (an
 * item with the same key, such as an interval of the same weekdays or a holiday on the same date)
 * and, in lists whose order counts, what moved. The plan keeps whole lists (`fields[].before`,
 * `after`); this is how the renderers read them.
 */
import type { JsonValue } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';

export type ListEntry =
  | { sign: '+'; item: JsonValue }
  | { sign: '-'; item: JsonValue }
  | { sign: '~'; before: JsonValue; after: JsonValue }
  /** Positions count from 1. */
  | { sign: '↕'; item: JsonValue; from: number; to: number };

export interface ListDiffOptions {
  /** The order counts (a team's `agentOrder`): items kept in a different relative order are moves. */
  isOrdered: boolean;
  /** Identifies an item across a change of its other values; items without a key are only added or removed. */
  keyOf?: (item: JsonValue) => string | undefined;
}

/** Added, changed and moved items in the order of `after`, then removed items in the order of `before`. */
export function diffListItems(before: readonly JsonValue[], after: readonly JsonValue[], options: ListDiffOptions): ListEntry[] {
  const beforeTexts = before.map(canonicalJson);
  const matchOfAfter = new Array<number | undefined>(after.length).fill(undefined);
  const isBeforeMatched = new Array<boolean>(before.length).fill(false);
  after.forEach((item, index) => {
    const text = canonicalJson(item);
    const found = beforeTexts.findIndex((candidate, position) => !isBeforeMatched[position] && candidate === text);
    if (found === -1) return;
    isBeforeMatched[found] = true;
    matchOfAfter[index] = found;
  });
  const changedOfAfter = new Map<number, number>();
  if (options.keyOf) {
    const removedByKey = new Map<string, number[]>();
    before.forEach((item, position) => {
      const key = isBeforeMatched[position] ? undefined : options.keyOf!(item);
      if (key !== undefined) removedByKey.set(key, [...(removedByKey.get(key) ?? []), position]);
    });
    after.forEach((item, index) => {
      if (matchOfAfter[index] !== undefined) return;
      const key = options.keyOf!(item);
      const position = key === undefined ? undefined : removedByKey.get(key)?.shift();
      if (position === undefined) return;
      isBeforeMatched[position] = true;
      changedOfAfter.set(index, position);
    });
  }
  const kept = options.isOrdered ? findKeptInOrder(matchOfAfter) : undefined;
  const entries: ListEntry[] = [];
  after.forEach((item, index) => {
    const match = matchOfAfter[index];
    const changed = changedOfAfter.get(index);
    if (changed !== undefined) entries.push({ sign: '~', before: before[changed]!, after: item });
    else if (match === undefined) entries.push({ sign: '+', item });
    else if (kept && !kept.has(index)) entries.push({ sign: '↕', item, from: match + 1, to: index + 1 });
  });
  before.forEach((item, position) => {
    if (!isBeforeMatched[position]) entries.push({ sign: '-', item });
  });
  return entries;
}

/**
 * The indexes of `after` whose items stay in the same relative order: the longest increasing run
 * of their positions in `before`. The other matched items moved.
 */
function findKeptInOrder(matchOfAfter: readonly (number | undefined)[]): Set<number> {
  const indexes = matchOfAfter.flatMap((match, index) => (match === undefined ? [] : [index]));
  // Patience sorting: tails[length] is the index (into `indexes`) ending the best run of that length.
  const tails: number[] = [];
  const previous = new Array<number>(indexes.length).fill(-1);
  indexes.forEach((afterIndex, at) => {
    const value = matchOfAfter[afterIndex]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (matchOfAfter[indexes[tails[middle]!]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[at] = tails[low - 1]!;
    tails[low] = at;
  });
  const kept = new Set<number>();
  for (let at = tails.at(-1) ?? -1; at !== -1; at = previous[at]!) kept.add(indexes[at]!);
  return kept;
}
