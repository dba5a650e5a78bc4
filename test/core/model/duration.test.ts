/**
 * The client's one duration grammar (issue 15.4): config values, the mappers and the provider
 * settings read durations alike, and a bare number is never a duration here.
 */
import { describe, expect, it, test } from 'vitest';
import { formatDurationMs, parseDurationMs } from '../../../cli/core/model/duration.js';
import { normalizeDuration } from '../../../cli/core/normalize/normalize-values.js';
import { formatDuration, parseDurationSeconds } from '../../../providers/conecta/mappers/duration.js';
import { readTransportSettings } from '../../../providers/conecta/settings.js';

describe('parseDurationMs', () => {
  test.each([
    ['1d2h30m15s', ((26 * 60 + 30) * 60 + 15) * 1000],
    ['90m', 5_400_000],
    ['2m', 120_000],
    ['500ms', 500],
    ['1s500ms', 1_500],
    ['0s', 0],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  test.each(['', '30', '1.5h', '1h 30m', '30m1h', 'm', '-5s', '5S', '1ms2s'])('refuses %j', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('formatDurationMs', () => {
  it('writes the largest units first and cuts below the smallest unit asked for', () => {
    expect(formatDurationMs(5_400_000)).toBe('1h30m');
    expect(formatDurationMs(90_500, 'ms')).toBe('1m30s500ms');
    expect(formatDurationMs(90_500, 'm')).toBe('1m');
    expect(formatDurationMs(0, 'm')).toBe('0m');
  });
});

describe('every reader of durations in the client', () => {
  it('agrees on what a duration is: the normaliser, the mappers and the settings', () => {
    for (const text of ['1h30m', '45s', '2d']) {
      const ms = parseDurationMs(text)!;
      expect(parseDurationSeconds(text) * 1000).toBe(ms);
      expect(normalizeDuration(text)).toBe(formatDuration(ms / 1000, 's'));
      expect(readTransportSettings({ CONECTA_TIMEOUT: text }).timeoutMs).toBe(ms);
    }
  });

  it('refuses a bare number in a config value, and reads it as seconds in a setting (the one place that documents it)', () => {
    expect(normalizeDuration('30')).toBe('30');
    expect(() => parseDurationSeconds('30')).toThrow(/is not a duration/);
    expect(readTransportSettings({ CONECTA_TIMEOUT: '30' }).timeoutMs).toBe(30_000);
    expect(() => readTransportSettings({ CONECTA_TIMEOUT: '1.5s' })).toThrow(/CONECTA_TIMEOUT "1.5s" is not a duration/);
    expect(readTransportSettings({ CONECTA_SETTLE: '1m30s' }).settleWindowMs).toBe(90_000);
  });

  it('refuses milliseconds where the wire counts seconds', () => {
    expect(() => parseDurationSeconds('1500ms')).toThrow(/is not a duration/);
  });
});
