/**
 * Editors (VS Code's YAML extension) show a pattern's `patternErrorMessage` instead of the regular
 * expression, and validate uses the same words when it has none of its own: every pattern of both
 * schemas carries one, and both schemas compile in Ajv's strict mode with their keywords registered.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';
import { createAjv, defineValidator, VALIDATOR_NAMES } from '../../cli/io/schema-validators.js';

const schemas = ['conecta.schema.json', 'project.schema.json'];

function findPatterns(node: unknown, path: string, found: { path: string; message: unknown }[] = []): { path: string; message: unknown }[] {
  if (Array.isArray(node)) node.forEach((item, index) => findPatterns(item, `${path}/${index}`, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.pattern === 'string') found.push({ path, message: record.patternErrorMessage });
    for (const [key, value] of Object.entries(record)) findPatterns(value, `${path}/${key}`, found);
  }
  return found;
}

describe('pattern messages', () => {
  it.each(schemas)('%s: every pattern has human words for editors', async (file) => {
    const schema = JSON.parse(await readFile(join(import.meta.dirname, '../../schema', file), 'utf8')) as unknown;
    const patterns = findPatterns(schema, '');
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((pattern) => typeof pattern.message !== 'string' || pattern.message.length < 10).map((pattern) => pattern.path)).toEqual([]);
  });

  it.each(schemas)('%s: every description is there for editors as Markdown too (markdownDescription)', async (file) => {
    const schema = JSON.parse(await readFile(join(import.meta.dirname, '../../schema', file), 'utf8')) as unknown;
    const missing: string[] = [];
    let described = 0;
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${path}/${index}`));
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record.description === 'string') {
          described += 1;
          if (record.markdownDescription !== record.description) missing.push(path);
        }
        for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
      }
    };
    walk(schema, '');
    expect(described).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it.each(schemas)('%s, as shipped, compiles in strict mode with its keywords registered', async (file) => {
    const schema = JSON.parse(await readFile(join(import.meta.dirname, '../../schema', file), 'utf8')) as object;
    const definition = defineValidator(file.startsWith('project') ? 'project' : 'config');
    expect(() => createAjv(definition).compile(schema)).not.toThrow();
  });

  it.each(VALIDATOR_NAMES)('the %s schema compiles in strict mode with its keywords registered', (name) => {
    const definition = defineValidator(name);
    expect(definition.options.strict).toBe(true);
    expect(() => createAjv(definition).compile(definition.schema)).not.toThrow();
  });

  it('validate names what a pattern wants in words, never as a regular expression', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-pattern-'));
    try {
      await writeFile(join(dir, 'blocked.yaml'), 'version: 1\nblockedNumbers:\n  - number: "+55 11"\n');
      const { diagnostics } = await loadConfig([dir], { env: {} });
      const format = diagnostics.find((diagnostic) => diagnostic.code === 'CONFIG_FORMAT');
      expect(format?.message).toBe('`number` must be a phone number with its country code: 8 to 15 digits, not starting with 0, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 (11) 99999-0000`; got the text "+55 11".');
      expect(format?.hint).toBe('It has 4 digits; a number with its country code has 8 to 15, such as `+55 11 99999-0000` or `5511999990000`.');
      expect(format?.message).not.toMatch(/\^|\$|\[0-9\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
