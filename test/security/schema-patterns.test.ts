/**
 * S5 (perf-reliability.md §5.4): every `pattern` (and `patternProperties` key) in the shipped
 * schemas against adversarial strings: long runs of a repeated character or pair, after a
 * plausible prefix, ending in a mismatch — the inputs that make a backtracking regex explode.
 *
 * Each pattern is compiled as ajv compiles it (`new RegExp(pattern, 'u')`). Lengths climb a
 * ladder (8, 16, 24, 32, 1,000, 10,000 then 100,000 characters) so that an exponential pattern
 * fails at a short rung instead of hanging the suite, and a quadratic one fails at a long rung.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SCHEMAS = ['schema/conecta.schema.json', 'schema/project.schema.json'];
const LADDER = [8, 16, 24, 32, 1000, 10_000, 100_000];
/** Per match; the target is 50 ms on a 100 kB string (idle runner), hence a generous bound. */
const BOUND_MS = 100;

const PREFIXES = ['', 'a', 'A', '1', 'https://', 'http://a', 'contact.', 'a@', '1d', '12:', '01-'];
const UNITS = ['a', 'A', 'Z', '0', '9', '_', '-', '.', ' ', '\t', '@', '/', ':', 'd', 'h', 'm', 's', 'é', '1d', 'a ', ' a', 'a@', '@a', 'a.', 'a-', '0:', 'a/'];
const SUFFIXES = ['!', ' ', '\n', '@', '\u0000', ''];

function collectPatterns(file: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'pattern' && typeof child === 'string') found.add(child);
        if (key === 'patternProperties' && child !== null && typeof child === 'object') for (const pattern of Object.keys(child)) found.add(pattern);
        walk(child);
      }
    }
  };
  walk(JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')));
  return [...found];
}

/** A slow first match is timed twice more and the fastest kept: a GC pause or a busy machine is not ReDoS. */
function timeMatch(regex: RegExp, input: string): number {
  let fastest = Infinity;
  for (let attempt = 0; attempt < 3 && fastest > BOUND_MS / 4; attempt += 1) {
    const started = performance.now();
    regex.test(input);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The slowest single match of `regex` over the adversarial corpus, climbing the length ladder. */
function findSlowestMatch(regex: RegExp): { ms: number; length: number; sample: string } {
  let slowest = { ms: 0, length: 0, sample: '' };
  for (const length of LADDER) {
    for (const prefix of PREFIXES) {
      for (const unit of UNITS) {
        const run = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        for (const suffix of SUFFIXES) {
          const input = `${prefix}${run}${suffix}`;
          const ms = timeMatch(regex, input);
          if (ms > slowest.ms) slowest = { ms, length, sample: JSON.stringify(`${prefix}${unit}…×${length}${suffix}`) };
        }
      }
    }
    if (slowest.ms > BOUND_MS) break;
  }
  return slowest;
}

describe('S5: schema patterns against ReDoS', () => {
  for (const file of SCHEMAS) {
    const patterns = collectPatterns(file);

    it(`finds the patterns of ${file}`, () => {
      expect(patterns.length).toBeGreaterThan(0);
    });

    it.each(patterns)(`${file}: /%s/ matches every adversarial string in under ${BOUND_MS} ms`, (pattern) => {
      const regex = new RegExp(pattern, 'u');
      regex.test('warm up');
      const slowest = findSlowestMatch(regex);
      expect(slowest.ms, `slowest input ${slowest.sample}`).toBeLessThan(BOUND_MS);
    });
  }

  it('the harness itself catches a catastrophic pattern', () => {
    const slowest = findSlowestMatch(/^(a+)+$/u);
    expect(slowest.ms).toBeGreaterThan(BOUND_MS);
    expect(slowest.length).toBeLessThanOrEqual(32);
  });
});
