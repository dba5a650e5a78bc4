/**
 * One row of `npm run bench`'s table: a scenario, its target, what was measured (median and range
 * of several runs, with the load average around them), the ratio to the target's bound, and pass
 * or fail. Every benchmark script prints its rows as one JSON line (`{"rows":[…]}`); run-all.ts
 * collects them into bench/results.json, and `--write-markdown` writes BENCHMARKS.md's table from it.
 */
import { loadavg } from 'node:os';

export interface BenchRow {
  /** B0…B6, ref. */
  id: string;
  scenario: string;
  target: string;
  measured: string;
  /** Measured ÷ bound (or ÷ target), when the target is a bound. */
  ratio?: string;
  isMet: boolean;
}

/** The 1-minute load average now, for the record beside each measurement (2 decimals). */
export function loadNow(): number {
  return Number(loadavg()[0]!.toFixed(2));
}

/** "load 1.2–3.4" over the loads recorded during a series of runs. */
export function formatLoad(loads: readonly number[]): string {
  return `load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) console.log(`  ${row.isMet ? 'ok  ' : 'MISS'} ${row.id} ${row.scenario}: ${row.target} → ${row.measured}${row.ratio ? ` (${row.ratio})` : ''}`);
  console.log(JSON.stringify({ rows }));
}
