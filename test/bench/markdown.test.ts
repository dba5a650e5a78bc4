/** BENCHMARKS.md's table is written from bench/results.json, never by hand: only its marked section changes. */
import { expect, it } from 'vitest';
import { replaceResultsSection, type BenchResults } from '../../bench/markdown.js';

const results: BenchResults = {
  date: '2026-12-07T22:00:00.000Z',
  node: 'v20.20.2',
  machine: { cpu: 'CPU', cores: 2, memoryGb: 23.5, freeMemoryGb: 10, platform: 'linux x64' },
  loadAverage: { before: 1.5, after: 2.5 },
  command: 'node dist/bench/run-all.js',
  rows: [
    { id: 'B0', scenario: 'plan | 10 objects', target: '≤ 250 ms over', measured: '+200 ms (150–300)', ratio: '0.80× the target', isMet: true },
    { id: 'B4', scenario: 'apply 10,000 creates', target: '≤ 20 s', measured: '25 s', isMet: false },
  ],
  figures: {},
};

it('replaces only the marked section with one row per target, pass or FAIL, and the load average', () => {
  const document = 'intro\n<!-- bench:results:start -->\nold table\n<!-- bench:results:end -->\noutro\n';
  const written = replaceResultsSection(document, results);
  expect(written.startsWith('intro\n<!-- bench:results:start (generated')).toBe(true);
  expect(written.endsWith('<!-- bench:results:end -->\noutro\n')).toBe(true);
  expect(written).not.toContain('old table');
  expect(written).toContain('| B0 | plan \\| 10 objects | ≤ 250 ms over | +200 ms (150–300) | 0.80× the target | pass |');
  expect(written).toContain('| B4 | apply 10,000 creates | ≤ 20 s | 25 s | — | **FAIL** |');
  expect(written).toContain('1.5 before, 2.5 after');
  expect(written).toContain('**1 of 2 targets met.**');
  // Writing again gives the same document (the generated start marker is found again).
  expect(replaceResultsSection(written, results)).toBe(written);
});

it('refuses a document without the markers', () => {
  expect(() => replaceResultsSection('no markers', results)).toThrow(/no "<!-- bench:results:start/);
});
