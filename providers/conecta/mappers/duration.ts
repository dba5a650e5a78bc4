/** Durations in the model (`1h30m`, `x-duration`) ⇄ seconds on the wire, read with the client's one duration grammar. */
import { ConectaError } from '../../../cli/core/errors.js';
import { formatDurationMs, parseDurationMs } from '../../../cli/core/model/duration.js';

export function parseDurationSeconds(text: string): number {
  const ms = parseDurationMs(text);
  if (ms === undefined || ms % 1000 !== 0) throw new ConectaError('PROVIDER_UNMAPPABLE', `"${text}" is not a duration`, { hint: 'Write durations like 30m, 1h30m or 45s.' });
  return ms / 1000;
}

/**
 * The canonical text of a duration: largest units first, zero parts left out, `0<smallest>`
 * for zero (`smallest` is `m` where the wire counts minutes, `s` where it counts seconds).
 */
export function formatDuration(totalSeconds: number, smallest: 'm' | 's'): string {
  return formatDurationMs(Math.trunc(totalSeconds) * 1000, smallest);
}
