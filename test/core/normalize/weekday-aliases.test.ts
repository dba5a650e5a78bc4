import { describe, expect, test } from 'vitest';
import { getDefinition } from '../../../cli/core/kinds/schema-walk.js';
import { buildAliasPattern, findCanonical, foldAlias, type AliasTable } from '../../../cli/core/normalize/resolve-alias.js';
import { normalizeSpec } from '../../../cli/core/normalize/normalize-spec.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { validateDesiredState } from '../../../cli/core/config/validate-state.js';
import { toResourceKey } from '../../../cli/core/kinds/registry.js';
import { validateSchema } from '../../../cli/io/schema-validator.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';

const weekday = getDefinition('Weekday');
const aliases = weekday['x-aliases'] as AliasTable;
const pattern = new RegExp(String(weekday.pattern), 'u');

/** Every spelling a user may write: as listed, upper case, capitalised, and without accents. */
function spellings(name: string): string[] {
  const plain = foldAlias(name);
  const capitalise = (text: string) => text.replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
  return [...new Set([name, name.toUpperCase(), capitalise(name), plain, plain.toUpperCase(), capitalise(plain)])];
}

const table: [string, string][] = Object.entries(aliases).flatMap(([canonical, names]) => [canonical, ...names].flatMap((name) => spellings(name).map((spelling): [string, string] => [spelling, canonical])));

describe('Portuguese weekdays', () => {
  test('names every weekday in Portuguese, short and full', () => {
    expect(aliases).toEqual({
      mon: ['seg', 'segunda', 'segunda-feira'],
      tue: ['ter', 'terça', 'terça-feira'],
      wed: ['qua', 'quarta', 'quarta-feira'],
      thu: ['qui', 'quinta', 'quinta-feira'],
      fri: ['sex', 'sexta', 'sexta-feira'],
      sat: ['sáb', 'sábado'],
      sun: ['dom', 'domingo'],
    });
  });

  test.each(table)('the schema accepts %s and normalisation reads it as %s', (spelling, canonical) => {
    expect(pattern.test(spelling)).toBe(true);
    expect(findCanonical(aliases, spelling)).toBe(canonical);
  });

  test.each(['', 'segunda feira', 'seg ', 'sabadão', 'quatra', 'monday', 'se', 'domingos', 'sex-feira', '1'])('the schema refuses %j and normalisation leaves it alone', (text) => {
    expect(pattern.test(text)).toBe(false);
    expect(findCanonical(aliases, text)).toBeUndefined();
  });

  test('the schema pattern is the one built from the alias table (npm run schema:write)', () => {
    expect(weekday.pattern).toBe(buildAliasPattern(aliases));
  });

  test('normalisation writes the canonical days, in a sorted set', () => {
    const group = normalizeSpec('schedule-group', { name: 'C', intervals: [{ days: ['Sexta-Feira', 'seg', 'QUARTA'], from: '08:00', to: '18:00' }] });
    expect(group.intervals).toEqual([{ days: ['fri', 'mon', 'wed'], from: '08:00', to: '18:00' }]);
  });

  test('plans nothing when the config names in Portuguese the days the tenant holds', () => {
    const desired = aDesired('schedule-group', { name: 'C', intervals: [{ days: ['seg', 'terça', 'qua', 'quinta-feira', 'sex'], from: '08:00', to: '18:00' }, { days: ['Sábado'], from: '08:00', to: '12:00' }] });
    const live = aLive('schedule-group', { name: 'C', intervals: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }, { days: ['sat'], from: '08:00', to: '12:00' }] });
    expect(buildPlan(aState([desired]), aSnapshot([live]), { target: sandboxTarget }).changes).toEqual([]);
  });

  test('sees an overlap between days written in two languages', () => {
    const spec = { name: 'C', intervals: [{ days: ['seg'], from: '08:00', to: '12:00' }, { days: ['mon'], from: '11:00', to: '13:00' }] };
    const diagnostics = validateDesiredState({ prune: {}, resources: [{ kind: 'schedule-group', name: 'C', key: toResourceKey('schedule-group', 'C'), spec, origin: { file: 'c.yaml', line: 1, column: 1, pointer: '/scheduleGroups/0' } }] });
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_SCHEDULE_OVERLAP', message: expect.stringContaining('overlap on mon') }]);
  });

  test('reports a day named twice in one interval, in two spellings', () => {
    const spec = { name: 'C', intervals: [{ days: ['seg', 'ter', 'Segunda-feira'], from: '08:00', to: '12:00' }] };
    const diagnostics = validateDesiredState({ prune: {}, resources: [{ kind: 'schedule-group', name: 'C', key: toResourceKey('schedule-group', 'C'), spec, origin: { file: 'c.yaml', line: 1, column: 1, pointer: '/scheduleGroups/0' } }] });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'CONFIG_DUPLICATE_ITEM', pointer: '/scheduleGroups/0/intervals/0/days/2', message: '`seg` and `Segunda-feira` are the same day (mon) in interval 1 of schedule group C.' })]);
  });

  test('suggests the closest Portuguese or English name for a misspelt day', () => {
    const document = { version: 1, scheduleGroups: [{ name: 'C', intervals: [{ days: ['quatra', 'Sabdo', 'thur'], from: '08:00', to: '12:00' }] }] };
    expect(validateSchema('c.yaml', document).map((diagnostic) => [diagnostic.code, diagnostic.pointer, diagnostic.hint])).toEqual([
      ['CONFIG_ENUM', '/scheduleGroups/0/intervals/0/days/0', 'Did you mean `quarta`?'],
      ['CONFIG_ENUM', '/scheduleGroups/0/intervals/0/days/1', 'Did you mean `sábado`?'],
      ['CONFIG_ENUM', '/scheduleGroups/0/intervals/0/days/2', 'Did you mean `thu`?'],
    ]);
  });
});
