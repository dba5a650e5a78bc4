/**
 * Durations, one grammar for the whole client: whole numbers with units, largest first, each
 * unit at most once — `1d2h30m15s`, `500ms`. Config values (`x-duration`: the schema allows d, h,
 * m and s), the client mappers (seconds or minutes on the wire) and the provider settings
 * (`CONECTA_TIMEOUT=30s`) all read them here. A bare number is not a duration: the one place that
 * takes one, a setting, reads it as seconds before it comes here. The sandbox keeps its own parser.
 */

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const UNITS = Object.keys(UNIT_MS) as Unit[];
const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** The duration in milliseconds, or undefined when `text` is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return UNITS.reduce((total, unit, index) => total + Number(match[index + 1] ?? 0) * UNIT_MS[unit], 0);
}

/**
 * The canonical text of a duration: largest units first, zero parts left out, nothing below
 * `smallest` (cut, not rounded), and `0<smallest>` for zero.
 */
export function formatDurationMs(ms: number, smallest: Unit = 's'): string {
  let rest = Math.max(0, Math.trunc(ms));
  let text = '';
  for (const unit of UNITS.slice(0, UNITS.indexOf(smallest) + 1)) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    rest -= count * UNIT_MS[unit];
    if (count > 0) text += `${count}${unit}`;
  }
  return text === '' ? `0${smallest}` : text;
}
