import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('docs/error-codes.md', () => {
  it('documents every error code the source can raise', () => {
    const sources = execFileSync('git', ['grep', '-hoE', "'(CONFIG|PLAN|APPLY|PROVIDER|PROJECT|EXPORT|FLOW|INIT)_[A-Z_]+'", '--', 'cli', 'providers/conecta'], { cwd: root, encoding: 'utf8' });
    // `CONFIG_YAML` is a prefix tested in code; `CONFIG_INVALID` only titles a ConfigError that lists its diagnostics.
    const prefixes = new Set(['CONFIG_YAML', 'CONFIG_INVALID']);
    const codes = [...new Set(sources.split('\n').filter(Boolean).map((line) => line.replace(/'/g, '')))].filter((code) => !prefixes.has(code));
    const documentation = readFileSync(join(root, 'docs', 'error-codes.md'), 'utf8');
    const isDocumented = (code: string) => documentation.includes(`\`${code}\``) || documentation.includes(`\`${code.replace(/_[A-Z]+$/, '')}_*\``);
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => !isDocumented(code))).toEqual([]);
  });
});
