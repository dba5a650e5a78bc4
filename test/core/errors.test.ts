import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../cli/core/diagnostics.js';
import { ConfigError } from '../../cli/core/errors.js';

const warning: Diagnostic = { code: 'CONFIG_IGNORED_SETTING', severity: 'warning', message: 'agentOrder has no effect' };
const error: Diagnostic = { code: 'CONFIG_UNKNOWN_REFERENCE', severity: 'error', message: '`Vendas` is not one of the teams' };

describe('ConfigError', () => {
  it('takes its code from the first error even when a warning is listed before it', () => {
    expect(new ConfigError([warning, error]).code).toBe('CONFIG_UNKNOWN_REFERENCE');
  });

  it('falls back to CONFIG_INVALID when no diagnostic is an error', () => {
    expect(new ConfigError([warning]).code).toBe('CONFIG_INVALID');
  });
});
