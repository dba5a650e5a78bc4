/** Canonical forms of single values, shared by the per-kind normalisers. */

const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Line endings `\r\n` → `\n`, trailing whitespace trimmed on every line and at the end. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

/** `90m` → `1h30m`, `0m` → `0s`; a text that is not a duration is returned unchanged. */
export function normalizeDuration(text: string): string {
  const match = DURATION.exec(text);
  if (!match) return text;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  let rest = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
  if (rest === 0) return '0s';
  const units: [string, number][] = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
  let result = '';
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) result += `${count}${unit}`;
  }
  return result;
}
