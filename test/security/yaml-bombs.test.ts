/**
 * S1 (perf-reliability.md §5.4): alias bombs, cyclic aliases and absurd nesting, in config files
 * and in the project file, end in a clean located error (exit 1, no stack trace) and fast.
 */
import { describe, expect, it } from 'vitest';
import { createProject, isPrototypeClean, runCli } from '../faults/cli-harness.js';
import { loadConfig } from '../../cli/io/read-config.js';
import { join } from 'node:path';

/** The classic 9×9 "billion laughs": nine levels of nine aliases each. */
function billionLaughs(levels = 9): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < levels; level += 1) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const CYCLIC_CONFIG = 'version: 1\nteams: &a\n  - name: SAC\n    tabulations: *a\n';
const DEEP_NESTING = `version: 1\nteams: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;

function expectCleanFailure(result: { code: number | null; stdout: string; stderr: string }, located: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(located);
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(result.stderr).not.toMatch(/RangeError|Maximum call stack|ReferenceError/);
}

describe('S1: YAML resource-exhaustion attacks through the CLI', () => {
  it('refuses a billion-laughs config with the file and line of the first offending alias', async () => {
    const cwd = createProject({ 'config/bomb.yaml': `version: 1\n${billionLaughs()}` });
    const result = await runCli(['validate', 'config'], { cwd });
    expectCleanFailure(result, /bomb\.yaml:3:\d+ .*CONFIG_YAML_ALIAS_LIMIT/);
    expect(isPrototypeClean(result)).toBe(true);
  });

  it('refuses a cyclic alias in a config with its location', async () => {
    const cwd = createProject({ 'config/cycle.yaml': CYCLIC_CONFIG });
    const result = await runCli(['validate', 'config'], { cwd });
    expectCleanFailure(result, /cycle\.yaml:4:\d+ .*CONFIG_YAML_ALIAS_CYCLE/);
  });

  it('refuses 100,000 levels of nesting without overflowing the stack', async () => {
    const cwd = createProject({ 'config/deep.yaml': DEEP_NESTING });
    const result = await runCli(['validate', 'config'], { cwd });
    expectCleanFailure(result, /deep\.yaml:2:\d+ .*CONFIG_YAML_TOO_DEEP/);
  });

  it('refuses a billion-laughs project file before reading any config', async () => {
    const cwd = createProject({ 'conecta.yaml': `version: 1\n${billionLaughs()}`, 'config/a.yaml': 'version: 1\n' });
    const result = await runCli(['plan'], { cwd });
    expectCleanFailure(result, /conecta\.yaml:3:\d+ /);
  });

  it('refuses a cyclic alias in the project file', async () => {
    const cwd = createProject({ 'conecta.yaml': 'version: 1\nconfig: &a [*a]\n', 'config/a.yaml': 'version: 1\n' });
    const result = await runCli(['plan'], { cwd });
    expectCleanFailure(result, /conecta\.yaml:2:\d+ /);
  });

  it('refuses 100,000 levels of nesting in the project file', async () => {
    const cwd = createProject({ 'conecta.yaml': `version: 1\nvariables: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'config/a.yaml': 'version: 1\n' });
    const result = await runCli(['plan'], { cwd });
    expectCleanFailure(result, /conecta\.yaml:2:\d+ /);
  });
});

describe('S1: how fast the loader gives up', () => {
  // The targets are 100 ms / 100 ms / 2 s. CPU time (worker threads included) rather than wall
  // time, so that a busy machine does not fail the test; the bounds still leave 1.5× headroom.
  it.each([
    ['a 9×9 billion laughs', `version: 1\n${billionLaughs()}`, 150],
    ['a cyclic alias', CYCLIC_CONFIG, 150],
    ['100,000 levels of nesting', DEEP_NESTING, 3000],
  ])('rejects %s within its CPU-time bound', async (_name, text, boundMs) => {
    const cwd = createProject({ 'hostile.yaml': text });
    await loadConfig([join(cwd, 'hostile.yaml')], { env: {} }); // warm up the parser and the schema
    const started = process.cpuUsage();
    const { diagnostics } = await loadConfig([join(cwd, 'hostile.yaml')], { env: {} });
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.line !== undefined)).toBe(true);
    expect(elapsed).toBeLessThan(boundMs);
  });
});
