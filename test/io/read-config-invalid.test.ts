import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/io/read-config.js';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'invalid');

/** One fixture per error class: the code, and the file, line and column it points at. */
const cases: [fixture: string, code: string, file: string, line: number, column: number][] = [
  // An unterminated quote points where it opened (the parser's end-of-file position is the related place).
  ['yaml-syntax.yaml', 'CONFIG_YAML_SYNTAX', 'yaml-syntax.yaml', 4, 21],
  ['yaml-duplicate-key.yaml', 'CONFIG_YAML_DUPLICATE_KEY', 'yaml-duplicate-key.yaml', 4, 5],
  ['yaml-tag.yaml', 'CONFIG_YAML_TAG', 'yaml-tag.yaml', 3, 11],
  ['yaml-custom-tag.yaml', 'CONFIG_YAML_TAG', 'yaml-custom-tag.yaml', 3, 11],
  ['yaml-multiple-documents.yaml', 'CONFIG_YAML_MULTIPLE_DOCUMENTS', 'yaml-multiple-documents.yaml', 2, 1],
  ['alias-bomb.yaml', 'CONFIG_YAML_ALIAS_LIMIT', 'alias-bomb.yaml', 3, 8],
  ['alias-cycle.yaml', 'CONFIG_YAML_ALIAS_CYCLE', 'alias-cycle.yaml', 4, 20],
  ['too-deep.yaml', 'CONFIG_YAML_TOO_DEEP', 'too-deep.yaml', 4, 70],
  ['forbidden-key.yaml', 'CONFIG_FORBIDDEN_KEY', 'forbidden-key.yaml', 4, 5],
  ['version-unsupported.yaml', 'CONFIG_VERSION_UNSUPPORTED', 'version-unsupported.yaml', 1, 10],
  ['version-missing.yaml', 'CONFIG_VERSION_MISSING', 'version-missing.yaml', 1, 1],
  ['not-a-map.yaml', 'CONFIG_NOT_A_MAP', 'not-a-map.yaml', 1, 1],
  ['unknown-key.yaml', 'CONFIG_UNKNOWN_KEY', 'unknown-key.yaml', 4, 5],
  ['missing-key.yaml', 'CONFIG_MISSING_KEY', 'missing-key.yaml', 3, 5],
  ['wrong-type.yaml', 'CONFIG_TYPE', 'wrong-type.yaml', 5, 27],
  ['enum.yaml', 'CONFIG_ENUM', 'enum.yaml', 4, 23],
  ['format-duration.yaml', 'CONFIG_FORMAT', 'format-duration.yaml', 4, 18],
  ['duplicate-item.yaml', 'CONFIG_DUPLICATE_ITEM', 'duplicate-item.yaml', 6, 30],
  ['duplicate-name', 'CONFIG_DUPLICATE_NAME', 'b.yaml', 5, 11],
  ['unknown-reference.yaml', 'CONFIG_UNKNOWN_REFERENCE', 'unknown-reference.yaml', 7, 13],
  ['unknown-user-group.yaml', 'CONFIG_UNKNOWN_REFERENCE', 'unknown-user-group.yaml', 5, 16],
  ['agent-not-in-team.yaml', 'CONFIG_AGENT_NOT_IN_TEAM', 'agent-not-in-team.yaml', 6, 18],
  ['schedule-range.yaml', 'CONFIG_SCHEDULE_RANGE', 'schedule-range.yaml', 7, 13],
  ['schedule-overlap.yaml', 'CONFIG_SCHEDULE_OVERLAP', 'schedule-overlap.yaml', 8, 9],
  ['schedule-date.yaml', 'CONFIG_SCHEDULE_DATE', 'schedule-date.yaml', 6, 15],
  ['login-conflict.yaml', 'CONFIG_LOGIN_CONFLICT', 'login-conflict.yaml', 3, 12],
  ['env-unset.yaml', 'CONFIG_ENV_UNSET', 'env-unset.yaml', 5, 22],
  ['interpolation-syntax.yaml', 'CONFIG_INTERPOLATION_SYNTAX', 'interpolation-syntax.yaml', 4, 21],
  ['prune-conflict', 'CONFIG_PRUNE_CONFLICT', 'b.yaml', 3, 3],
];

describe('the invalid-input corpus', () => {
  it.each(cases)('%s is reported as %s at %s:%i:%i', async (fixture, code, file, line, column) => {
    const { diagnostics } = await loadConfig([join(corpus, fixture)], { env: {} });
    const found = diagnostics.find((diagnostic) => diagnostic.code === code);
    expect(found, JSON.stringify(diagnostics, null, 2)).toBeDefined();
    expect({ file: found?.file?.split(/[\\/]/).pop(), line: found?.line, column: found?.column, severity: found?.severity }).toEqual({ file, line, column, severity: 'error' });
    expect(found?.hint).toBeTruthy();
    expect(found?.frame).toContain('^');
  });

  it('covers every fixture in the corpus', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(corpus)).sort()).toEqual(cases.map(([fixture]) => fixture).sort());
  });
});
