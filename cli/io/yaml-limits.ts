/**
 * What both YAML paths (the line scanner, yaml-fast.ts, and `yaml`'s composer, yaml-compose.ts)
 * share: the limits they enforce and which node positions they record. The scanner declines a
 * file that breaks a limit; the composer then reports it, so each problem has one diagnostic.
 */

/** Nesting deeper than this is refused (CONFIG_YAML_TOO_DEEP). */
export const MAX_DEPTH = 64;

/** Keys refused before any object is built (CONFIG_FORBIDDEN_KEY). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The nodes whose line and column are recorded while composing: the top-level keys, their values'
 * items (`/teams/0`, `/wordFilters/noFlowStart`) and the items of lists one level further
 * (`/wordFilters/noFlowStart/1`). Any other position is found later, only for the diagnostics
 * reported (config-locate.ts).
 */
export function isRecordedPosition(pointer: string, depth: number): boolean {
  return depth <= 2 || (depth === 3 && /\/\d+$/.test(pointer));
}
