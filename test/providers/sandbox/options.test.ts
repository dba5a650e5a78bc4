import { expect, test } from 'vitest';
import { parseDuration, parseRate, sandboxOptionsFromText } from '../../../providers/sandbox/index.js';

test.each([
  ['20ms', 20], ['0', 0], ['1.5s', 1500], ['2m', 120_000],
])('parses the duration %s as %i ms', (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test.each([
  ['300/min', 300], ['5/s', 300], ['120/h', 2], ['90', 90],
])('parses the rate %s as %i per minute', (text, perMinute) => {
  expect(parseRate(text)).toBe(perMinute);
});

test('rejects a duration or rate it cannot read', () => {
  expect(() => parseDuration('fast')).toThrow(/Invalid duration/);
  // A bare number means seconds to the client's CONECTA_TIMEOUT: it is refused here rather than read as milliseconds.
  expect(() => parseDuration('20')).toThrow(/Invalid duration "20": use e.g. 20ms/);
  expect(() => parseRate('lots/min')).toThrow(/Invalid rate/);
});

test('turns command-line text into sandbox options', () => {
  expect(sandboxOptionsFromText({ latency: '20ms', jitter: '1s', failRate: '0.1', rateLimit: '300/min', seed: 3, flowsEnabled: false }))
    .toEqual({ latencyMs: 20, jitterMs: 1000, failRate: 0.1, rateLimitPerMinute: 300, seed: 3, flowsEnabled: false });
  expect(() => sandboxOptionsFromText({ failRate: '1.5' })).toThrow(/between 0 and 1/);
});

test('turns the non-unique-keys and late-commit flags into sandbox options', () => {
  expect(sandboxOptionsFromText({ uniqueKeys: false, lateCommitRate: '0.2', lateCommit: '4s' }))
    .toEqual({ enforceUniqueKeys: false, lateCommitRate: 0.2, lateCommitMs: 4000 });
  expect(() => sandboxOptionsFromText({ lateCommitRate: 'often' })).toThrow(/late-commit rate/);
});

test('turns the broken-page, ignore-page and strict-writes flags into sandbox options', () => {
  expect(sandboxOptionsFromText({ brokenPageRate: '0.1', ignorePage: true, strictWrites: false }))
    .toEqual({ brokenPageRate: 0.1, ignorePage: true, strictWrites: false });
  expect(() => sandboxOptionsFromText({ brokenPageRate: '2' })).toThrow(/broken-page rate/);
});
