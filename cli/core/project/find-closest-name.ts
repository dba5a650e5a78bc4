import { suggestClosest } from '../config/suggest.js';

/** The candidate closest to `name` by edit distance (ignoring case), if it is close enough to be a likely typo. */
export function findClosestName(name: string, candidates: readonly string[]): string | undefined {
  return suggestClosest(name, candidates);
}
