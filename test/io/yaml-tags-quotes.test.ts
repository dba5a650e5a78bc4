/** Issue 13.6 and 13.8: every YAML tag is refused; an unterminated quote points where it opened. */
import { describe, expect, it } from 'vitest';
import { composeYaml } from '../../cli/io/yaml-compose.js';

describe('YAML tags', () => {
  it.each([
    ['!!binary', 'version: 1\nteams:\n  - name: !!binary aGVsbG8=\n', 3, 11],
    ['!!timestamp', 'version: 1\nteams:\n  - name: !!timestamp 2001-12-14\n', 3, 11],
    ['!!set', 'version: 1\nteams: !!set {a, b}\n', 2, 8],
    ['!!str', 'version: 1\nteams:\n  - name: !!str SAC\n', 3, 11],
    ['!!seq on a block sequence', 'version: 1\nteams: !!seq\n  - name: x\n', 2, 8],
    ['!!map on a key', 'version: 1\n!!str teams: []\n', 2, 1],
  ])('refuses %s with CONFIG_YAML_TAG at the tag', (_name, text, line, column) => {
    const { value, diagnostics } = composeYaml(text, 'teams.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_YAML_TAG', severity: 'error', line, column }]);
  });

  it('still reads a file without tags, and a `!` inside a quoted value', () => {
    const { value, diagnostics } = composeYaml('version: 1\nteams:\n  - name: "!!binary x"\n  - {name: \'!x\'}\n', 'teams.yaml');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ version: 1, teams: [{ name: '!!binary x' }, { name: '!x' }] });
  });
});

describe('an unterminated quote', () => {
  it.each([
    ['double', 'version: 1\nteams:\n  - name: SAC\n    description: "unterminated\n  - name: B\n\n'],
    ['single', "version: 1\nteams:\n  - name: SAC\n    description: 'it''s unterminated\n  - name: B\n"],
    ['flow', 'version: 1\nteams: [{name: "SAC}]\n'],
  ])('(%s) is reported where it opened, the parser’s own position kept as a second place', (_name, text) => {
    const { diagnostics } = composeYaml(text, 'teams.yaml');
    const opened = text.split('\n').findIndex((line) => /["']/.test(line)) + 1;
    const column = (text.split('\n')[opened - 1] ?? '').search(/["']/) + 1;
    expect(diagnostics[0]).toMatchObject({ code: 'CONFIG_YAML_SYNTAX', line: opened, column });
    expect(diagnostics[0]?.message).toMatch(/never closed|not closed/);
    expect(diagnostics[0]?.related?.[0]).toMatchObject({ file: 'teams.yaml' });
    expect(diagnostics[0]?.related?.[0]?.line).toBeGreaterThan(opened);
  });
});
