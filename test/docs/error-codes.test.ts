import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../cli/core/error-codes.js';

const root = join(import.meta.dirname, '..', '..');
const documentation = readFileSync(join(root, 'docs', 'error-codes.md'), 'utf8');

/** Codes written in backticks in docs/error-codes.md, families (`PROJECT_YAML_*`) included. */
function listDocumentedCodes(): string[] {
  return [...new Set([...documentation.matchAll(/`((?:CONFIG|PLAN|APPLY|PROVIDER|PROJECT|EXPORT|FLOW|INIT)_[A-Z_]+\*?|INTERRUPTED)`/g)].map((match) => match[1]!))];
}

function isDocumented(code: string): boolean {
  return documentation.includes(`\`${code}\``) || listDocumentedCodes().some((family) => family.endsWith('*') && code.startsWith(family.slice(0, -1)));
}

describe('docs/error-codes.md', () => {
  it('documents every error code the source can raise', () => {
    const sources = execFileSync('git', ['grep', '-hoE', "'(CONFIG|PLAN|APPLY|PROVIDER|PROJECT|EXPORT|FLOW|INIT)_[A-Z_]+'", '--', 'cli', 'providers/conecta'], { cwd: root, encoding: 'utf8' });
    // `CONFIG_YAML` is a prefix tested in code; `CONFIG_INVALID` only titles a ConfigError that lists its diagnostics.
    const prefixes = new Set(['CONFIG_YAML', 'CONFIG_INVALID']);
    const codes = [...new Set(sources.split('\n').filter(Boolean).map((line) => line.replace(/'/g, '')))].filter((code) => !prefixes.has(code));
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => !isDocumented(code))).toEqual([]);
  });

  it('documents every member of the closed ErrorCode union', () => {
    expect(ERROR_CODES.filter((code) => !isDocumented(code))).toEqual([]);
  });

  it('documents no code outside the ErrorCode union', () => {
    const known = new Set<string>(ERROR_CODES);
    const stray = listDocumentedCodes().filter((code) => (code.endsWith('*') ? !ERROR_CODES.some((member) => member.startsWith(code.slice(0, -1))) : !known.has(code)));
    expect(stray).toEqual([]);
  });
});
