import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-hostile-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function load(text: string) {
  const file = join(directory, 'config.yaml');
  await writeFile(file, text);
  return loadConfig([file], { env: {} });
}

describe('hostile input', () => {
  it('keeps Object.prototype clean when keys try to reach it', async () => {
    for (const text of [
      'version: 1\n__proto__: {polluted: yes}\n',
      'version: 1\nteams:\n  - name: SAC\n    constructor: {prototype: {polluted: yes}}\n',
      'version: 1\na: &x {polluted: yes}\n__proto__: *x\n',
      'version: 1\nteams: [{name: SAC, __proto__: {polluted: yes}}]\n',
    ]) {
      const { diagnostics } = await load(text);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('CONFIG_FORBIDDEN_KEY');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('stops an alias bomb quickly with a located error', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const { diagnostics } = await load(`version: 1\n${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics[0]).toMatchObject({ code: 'CONFIG_YAML_ALIAS_LIMIT', line: 3 });
  });

  it('refuses absurd nesting without overflowing the stack', async () => {
    const { diagnostics } = await load(`version: 1\nteams: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('CONFIG_YAML_TOO_DEEP');
  });

  it('refuses absurd nesting in a file that also needs the slow path', async () => {
    const { diagnostics } = await load(`version: 1\na: &x 1\nteams: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('CONFIG_YAML_TOO_DEEP');
  });

  it('refuses a file over 10 MB before parsing it', async () => {
    const file = join(directory, 'big.yaml');
    await writeFile(file, `version: 1\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const started = performance.now();
    const { diagnostics } = await loadConfig([file], { env: {} });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_FILE_TOO_LARGE', file }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports custom tags instead of running them', async () => {
    const { diagnostics, state } = await load('version: 1\ntabulations:\n  - name: !!js/function "function () { return 1 }"\n');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['CONFIG_YAML_TAG']);
    expect(state.resources).toEqual([]);
  });
});
