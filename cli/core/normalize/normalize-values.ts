/** Canonical forms of single values, shared by the per-kind normalisers. */
import { formatDurationMs, parseDurationMs } from '../model/duration.js';

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
  const ms = parseDurationMs(text);
  return ms === undefined ? text : formatDurationMs(ms, 's');
}
