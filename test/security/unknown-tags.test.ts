/**
 * S3 (perf-reliability.md §5.4): unknown and custom YAML tags, duplicate keys and `<<` merge keys
 * are errors with a file and line — in config files and in the project file — never a warning
 * with a silent fallback to a string, and never code execution.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';
import { parseProjectFile } from '../../cli/io/project-file.js';
import { createProject, isPrototypeClean, runCli } from '../faults/cli-harness.js';

const TAGGED_VALUES = [
  ['!!js/function', '!!js/function "function () { process.exit(42) }"'],
  ['!!js/undefined', '!!js/undefined ""'],
  ['!!python/object', '!!python/object:os.system ["echo pwned"]'],
  ['!custom', '!custom SAC'],
  ['!Env', '!Env CONECTA_TOKEN'],
  ['a verbatim tag', '!<tag:example.com,2000:app/foo> SAC'],
] as const;

describe('S3: unknown tags in config files', () => {
  it.each(TAGGED_VALUES)('refuses %s with the line of the tagged value', async (_name, value) => {
    const cwd = createProject({ 'teams.yaml': `version: 1\nteams:\n  - name: ${value}\n` });
    const { diagnostics } = await loadConfig([join(cwd, 'teams.yaml')], { env: {} });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 3 }));
  });

  it('refuses a duplicate key with its line', async () => {
    const cwd = createProject({ 'teams.yaml': 'version: 1\nteams:\n  - name: SAC\n    name: Vendas\n' });
    const { diagnostics } = await loadConfig([join(cwd, 'teams.yaml')], { env: {} });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 4 }));
  });

  it('does not merge `<<` keys: they are reported as unknown', async () => {
    const cwd = createProject({ 'teams.yaml': 'version: 1\nteams:\n  - name: SAC\n    <<: {sessionTimeout: 30m}\n' });
    const { diagnostics, state } = await loadConfig([join(cwd, 'teams.yaml')], { env: {} });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 4 }));
    expect(state.resources.find((resource) => resource.name === 'SAC')?.spec).not.toHaveProperty('sessionTimeout');
  });

  it('exits 1 from `conecta validate` on every tag, one located error each, without running anything', async () => {
    const cwd = createProject(Object.fromEntries(TAGGED_VALUES.map(([, value], index) => [`config/${index}.yaml`, `version: 1\nteams:\n  - name: ${value}\n`])));
    const result = await runCli(['validate', 'config'], { cwd });
    expect(result.code).toBe(1);
    for (const index of TAGGED_VALUES.keys()) expect(result.stderr).toMatch(new RegExp(`${index}\\.yaml:3:\\d+ `));
    expect(isPrototypeClean(result)).toBe(true);
  });
});

describe('S3: unknown tags in the project file', () => {
  it.each(TAGGED_VALUES)('refuses %s with the line of the tagged value', (_name, value) => {
    const { project, diagnostics } = parseProjectFile(`version: 1\nvariables:\n  GREETING: ${value}\n`, 'conecta.yaml');
    expect(project).toBeUndefined();
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 3 }));
  });

  it('refuses a duplicate key and a `<<` merge key', () => {
    expect(parseProjectFile('version: 1\nversion: 1\n', 'conecta.yaml').diagnostics).toContainEqual(expect.objectContaining({ line: 2 }));
    const merged = parseProjectFile('version: 1\nbase: &b { sandbox: true }\nenvironments:\n  local:\n    <<: *b\n', 'conecta.yaml');
    expect(merged.project).toBeUndefined();
  });
});
