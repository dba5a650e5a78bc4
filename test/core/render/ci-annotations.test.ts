import { describe, expect, it } from 'vitest';
import { renderGithubAnnotations } from '../../../cli/core/render/ci-annotations.js';

describe('renderGithubAnnotations', () => {
  it('locates each diagnostic by file, line and column, its code as the title, the hint on the next line', () => {
    expect(renderGithubAnnotations([
      { code: 'CONFIG_UNKNOWN_KEY', severity: 'error', message: 'Unknown key `foo`.', hint: 'Allowed keys: `name`.', file: '/repo/config/teams.yaml', line: 5, column: 3 },
      { code: 'CONFIG_LIVE_REFERENCE', severity: 'notice', message: 'Checked in the tenant.', file: '/repo/config/teams.yaml', line: 4 },
      { code: 'CONFIG_IGNORED_SETTING', severity: 'warning', message: 'Ignored.' },
    ], (file) => file.replace('/repo/', ''))).toEqual([
      '::error file=config/teams.yaml,line=5,col=3,title=CONFIG_UNKNOWN_KEY::Unknown key `foo`.%0AAllowed keys: `name`.',
      '::notice file=config/teams.yaml,line=4,col=1,title=CONFIG_LIVE_REFERENCE::Checked in the tenant.',
      '::warning title=CONFIG_IGNORED_SETTING::Ignored.',
    ]);
  });

  it('escapes what the runner reads as syntax, so a config value can neither end the command nor start another', () => {
    const [line] = renderGithubAnnotations([{ code: 'CONFIG_FORMAT', severity: 'error', message: 'got "50%\r\n::error::injected"', file: 'a,b:c.yaml', line: 1, column: 1 }], (file) => file);
    expect(line).toBe('::error file=a%2Cb%3Ac.yaml,line=1,col=1,title=CONFIG_FORMAT::got "50%25%0D%0A::error::injected"');
    expect(line!.split('\n')).toHaveLength(1);
  });
});
