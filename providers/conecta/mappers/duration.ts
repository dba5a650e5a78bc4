/** Durations in the model (`1h30m`, `x-duration`) ⇄ seconds on the wire. */
import { ConectaError } from '../../../cli/core/errors.js';

const UNITS: [suffix: string, seconds: number][] = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];

export function parseDurationSeconds(text: string): number {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || text === '') throw new ConectaError('PROVIDER_UNMAPPABLE', `"${text}" is not a duration`, { hint: 'Write durations like 30m, 1h30m or 45s.' });
  return UNITS.reduce((total, [, seconds], index) => total + Number(match[index + 1] ?? 0) * seconds, 0);
}

/**
 * The canonical text of a duration: largest units first, zero parts left out, `0<smallest>`
 * for zero (`smallest` is `m` where the wire counts minutes, `s` where it counts seconds).
 */
export function formatDuration(totalSeconds: number, smallest: 'm' | 's'): string {
  let rest = Math.max(0, Math.trunc(totalSeconds));
  let text = '';
  for (const [suffix, seconds] of UNITS) {
    if (smallest === 'm' && suffix === 's') break;
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    if (count > 0) text += `${count}${suffix}`;
  }
  return text === '' ? `0${smallest}` : text;
}
