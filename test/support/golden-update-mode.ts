/**
 * How golden files (`toMatchFileSnapshot`) may be written: never, unless `UPDATE_GOLDEN=1` asks
 * for it outside CI. A missing or different golden file fails the test; vitest's default would
 * write a missing one silently, and `UPDATE_GOLDEN=1` under `CI=true` is refused.
 */
export function goldenUpdateMode(env: Record<string, string | undefined>): 'all' | 'none' {
  if (env.UPDATE_GOLDEN !== '1') return 'none';
  if (env.CI && env.CI !== 'false' && env.CI !== '0') throw new Error('UPDATE_GOLDEN=1 is refused when CI is set: golden files are updated on a workstation and reviewed in the diff.');
  return 'all';
}
