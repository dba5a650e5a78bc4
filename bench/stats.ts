/** Median and range of repeated measurements: every benchmark figure is reported this way. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** "1.23 s (1.10–1.40 s)" or "+123 ms (110–140 ms)". */
export function formatSpread(spread: Spread, unit: 'ms' | 's', sign = ''): string {
  const show = (value: number) => (unit === 's' ? (value / 1000).toFixed(2) : value.toFixed(0));
  return `${sign}${show(spread.median)} ${unit} (${show(spread.min)}–${show(spread.max)} ${unit})`;
}
