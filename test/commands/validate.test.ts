import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtCliPath } from '../support/built-cli.js';

/** These tests run the built CLI: `npm test` builds first (or run `npm run build`). */
const root = join(import.meta.dirname, '..', '..');

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [builtCliPath(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CONECTA_COLOR: 'false' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'conecta-validate-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('conecta validate', () => {
  it('prints the counts of the acme example and exits 0', () => {
    const result = runCli('validate', 'examples/acme-contact-center');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('userGroups: 2, administrators: 3, tabulations: 12, predefinedMessages: 4, contactGroups: 2, contactFields: 1, blockedNumbers: 2, teams: 3, agents: 15, scheduleGroups: 1, wordFilters: 6, pauses: 3, flows: 1\nConfiguration is valid.\n');
    expect(result.status).toBe(0);
  });

  it('lists every problem with its place and exits 1', async () => {
    await writeFile(join(directory, 'config.yaml'), 'version: 1\npauses:\n  - name: Almoço\n    maxDurations: 1h\nteams:\n  - name: SAC\n    tabulations: [Nada]\ntabulations:\n  - name: Resolvido\n');
    const result = runCli('validate', directory);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(directory, 'config.yaml')}:4:5 error CONFIG_UNKNOWN_KEY Unknown key \`maxDurations\` in this pause.`);
    expect(result.stderr).toContain('hint: Did you mean `maxDuration`?');
    expect(result.stderr).toContain(':7:19 error CONFIG_UNKNOWN_REFERENCE');
    expect(result.stderr).toContain('2 errors');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the JSON report, also when the config is invalid', async () => {
    await writeFile(join(directory, 'config.yaml'), 'version: 1\nteams:\n  - name: SAC\n    distributionRule: leastbusy\n');
    const result = runCli('validate', directory, '--json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: false,
      diagnostics: [{ code: 'CONFIG_ENUM', severity: 'error', message: expect.stringContaining('distributionRule'), hint: 'Did you mean `leastBusy`?', file: join(directory, 'config.yaml'), line: 4, column: 23, pointer: '/teams/0/distributionRule' }],
      environments: [{ name: 'default', valid: false, counts: { teams: 1 } }],
    });
  });

  it('prints valid: true in JSON and exits 0 for the minimal example', () => {
    const result = runCli('validate', 'examples/minimal', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, diagnostics: [], environments: [{ name: 'default', valid: true, counts: { tabulations: 1, teams: 1, agents: 1 } }] });
  });

  it('composes large configs with exact positions', async () => {
    const agents = (prefix: string) => Array.from({ length: 3000 }, (_, index) => `  - email: ${prefix}.${index}@acme.com.br\n    name: "Agente ${index} com um nome comprido o bastante"\n    teams: [SAC]\n`).join('');
    await writeFile(join(directory, 'a.yaml'), `version: 1\nteams:\n  - name: SAC\nagents:\n${agents('a')}`);
    await writeFile(join(directory, 'b.yaml'), `version: 1\nagents:\n${agents('b')}  - email: x@acme.com.br\n    name: X\n    teams: [SCA]\n`);
    const result = runCli('validate', directory, '--json');
    expect(JSON.parse(result.stdout).diagnostics).toMatchObject([{ code: 'CONFIG_UNKNOWN_REFERENCE', file: join(directory, 'b.yaml'), line: 9005, column: 13 }]);
  });

  describe('hints that point the right way', () => {
    const cases: [string, string, string, string, string][] = [
      ['a duration written as a bare number', 'version: 1\npauses:\n  - name: Almoço\n    maxDuration: 60\n', '4:18', 'CONFIG_TYPE', 'A duration needs a unit: write `60m` for 60 minutes'],
      ['an hour past 23', 'version: 1\nscheduleGroups:\n  - name: C\n    intervals:\n      - days: [seg]\n        from: "08:00"\n        to: "25:00"\n', '7:13', 'CONFIG_FORMAT', 'Hours go up to 23:59'],
      ['a tab in the indentation', 'version: 1\npauses:\n\t- name: Almoço\n', '3:1', 'CONFIG_YAML_SYNTAX', 'Replace the tab with spaces'],
      ['a tab among the spaces of an indentation', 'version: 1\npauses:\n  - name: A\n  \tmaxDuration: 1h\n', '4:1', 'CONFIG_YAML_SYNTAX', 'The indentation of this line holds a tab (shown as → above). Replace the tab with spaces'],
      ['a comma inside a flow-style map', 'version: 1\ntabulations:\n  - {name: Sem solução, retorno}\n', '3:25', 'CONFIG_UNKNOWN_KEY', '`retorno` has no value: inside `{…}` a comma separates keys. If the comma is part of the text, quote it: `name: "Sem solução, retorno"`.'],
      ['an empty file', '', '1:1', 'CONFIG_VERSION_MISSING', 'Start the file with `version: 1`, or remove it.'],
      ['a phone number with the trunk prefix 0 instead of its country code', 'version: 1\nblockedNumbers:\n  - number: "011 99999-0000"\n', '3:13', 'CONFIG_FORMAT', 'A leading 0 is a trunk prefix for calls inside the country; write the country code instead (55 for Brazil), such as `5511999990000`.'],
      ['a number where text is expected', 'version: 1\ntabulations:\n  - name: 123\n', '3:11', 'CONFIG_TYPE', 'Unquoted, YAML reads it as a number: quote it as you wrote it, such as `name: "123"`.'],
    ];

    it.each(cases)('%s: one located error with its hint', async (_, text, place, code, hint) => {
      await writeFile(join(directory, 'config.yaml'), text);
      const result = runCli('validate', directory);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${join(directory, 'config.yaml')}:${place} error ${code} `);
      expect(result.stderr).toContain(`hint: ${hint}`);
      expect(result.stderr).toMatch(/\n1 error\n$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (text.includes('\t')) expect(result.stderr).toContain('→');
    });

    it('accepts a blocked number written with +, spaces, dashes, dots and parentheses, and reports two spellings of one number at the second', async () => {
      await writeFile(join(directory, 'config.yaml'), 'version: 1\nblockedNumbers:\n  - number: "+55 (11) 99999-0000"\n  - number: 55 11 99999.0001\n');
      const valid = runCli('validate', directory);
      expect(valid.stderr).toBe('');
      expect(valid.stdout).toBe('blockedNumbers: 2\nConfiguration is valid.\n');
      await writeFile(join(directory, 'more.yaml'), 'version: 1\nblockedNumbers:\n  - number: "5511999990000"\n');
      const result = runCli('validate', directory);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${join(directory, 'more.yaml')}:3:13 error CONFIG_DUPLICATE_NAME The blocked number \`5511999990000\` is defined twice (written \`+55 (11) 99999-0000\` and \`5511999990000\`).`);
      expect(result.stderr).toContain(`${join(directory, 'config.yaml')}:3:5 first defined here`);
      expect(result.stderr).toContain('hint: Each of the blocked numbers needs a unique number: remove one definition or change its number.');
      expect(result.stderr).toMatch(/\n1 error\n$/);
    });

    it('accepts Portuguese weekdays and a national holiday calendar', async () => {
      await writeFile(join(directory, 'config.yaml'), 'version: 1\nscheduleGroups:\n  - name: C\n    intervals:\n      - days: [seg, Terça-feira, qua, qui, sex]\n        from: "08:00"\n        to: "18:00"\n    holidays:\n      - {calendar: br-national, year: 2027}\n');
      const result = runCli('validate', directory);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  });
});
