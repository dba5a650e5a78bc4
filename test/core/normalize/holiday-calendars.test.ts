import { describe, expect, test } from 'vitest';
import { validateDesiredState } from '../../../cli/core/config/validate-state.js';
import { getDefinition } from '../../../cli/core/kinds/schema-walk.js';
import { toResourceKey } from '../../../cli/core/kinds/registry.js';
import type { Spec } from '../../../cli/core/model/resource.js';
import { computeEaster, HOLIDAY_CALENDAR_NAMES, listCalendarHolidays } from '../../../cli/core/normalize/holiday-calendars.js';
import { normalizeSpec } from '../../../cli/core/normalize/normalize-spec.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { validateSchema } from '../../../cli/io/schema-validator.js';
import { aDesired, aLive, aSnapshot, aState, sandboxTarget } from '../../helpers/builders.js';

/** Easter Sunday 2000–2100, from python-dateutil's `easter()` (an independent implementation). */
const EASTER_2000_2100 = '04-23 04-15 03-31 04-20 04-11 03-27 04-16 04-08 03-23 04-12 04-04 04-24 04-08 03-31 04-20 04-05 03-27 04-16 04-01 04-21 04-12 04-04 04-17 04-09 03-31 04-20 04-05 03-28 04-16 04-01 04-21 04-13 03-28 04-17 04-09 03-25 04-13 04-05 04-25 04-10 04-01 04-21 04-06 03-29 04-17 04-09 03-25 04-14 04-05 04-18 04-10 04-02 04-21 04-06 03-29 04-18 04-02 04-22 04-14 03-30 04-18 04-10 03-26 04-15 04-06 03-29 04-11 04-03 04-22 04-14 03-30 04-19 04-10 03-26 04-15 04-07 04-19 04-11 04-03 04-23 04-07 03-30 04-19 04-04 03-26 04-15 03-31 04-20 04-11 04-03 04-16 04-08 03-30 04-12 04-04 04-24 04-15 03-31 04-20 04-12 03-28'.split(' ');

const format = ({ month, day }: { month: number; day: number }) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const dateOf = (year: number, name: string) => listCalendarHolidays('br-national', year).find((holiday) => holiday.name === name)?.date;

describe('computeEaster', () => {
  test.each([[2024, '03-31'], [2025, '04-20'], [2026, '04-05'], [2027, '03-28'], [2028, '04-16']])('puts Easter %i on %s', (year, date) => {
    expect(format(computeEaster(year))).toBe(date);
  });

  test.each([[1818, '03-22'], [2285, '03-22'], [1943, '04-25'], [2038, '04-25']])('reaches the earliest and latest possible dates (%i: %s)', (year, date) => {
    expect(format(computeEaster(year))).toBe(date);
  });

  test('agrees with an independent implementation for every year from 2000 to 2100', () => {
    const computed = Array.from({ length: 101 }, (_, index) => format(computeEaster(2000 + index)));
    expect(computed).toEqual(EASTER_2000_2100);
  });
});

describe('the br-national calendar', () => {
  // The federal government's published calendars (feriados nacionais e pontos facultativos).
  test.each([
    [2024, '02-12', '02-13', '03-29', '05-30'],
    [2025, '03-03', '03-04', '04-18', '06-19'],
    [2026, '02-16', '02-17', '04-03', '06-04'],
    [2027, '02-08', '02-09', '03-26', '05-27'],
    [2028, '02-28', '02-29', '04-14', '06-15'],
  ])('%i: Carnaval %s and %s, Sexta-feira Santa %s, Corpus Christi %s', (year, monday, tuesday, goodFriday, corpusChristi) => {
    expect([dateOf(year, 'Segunda-feira de Carnaval'), dateOf(year, 'Terça-feira de Carnaval'), dateOf(year, 'Sexta-feira Santa'), dateOf(year, 'Corpus Christi')]).toEqual([monday, tuesday, goodFriday, corpusChristi]);
  });

  test('lists the 2027 national holidays by date, with their Portuguese names', () => {
    expect(listCalendarHolidays('br-national', 2027)).toEqual([
      { date: '01-01', name: 'Confraternização Universal' },
      { date: '02-08', name: 'Segunda-feira de Carnaval' },
      { date: '02-09', name: 'Terça-feira de Carnaval' },
      { date: '03-26', name: 'Sexta-feira Santa' },
      { date: '04-21', name: 'Tiradentes' },
      { date: '05-01', name: 'Dia do Trabalho' },
      { date: '05-27', name: 'Corpus Christi' },
      { date: '09-07', name: 'Independência do Brasil' },
      { date: '10-12', name: 'Nossa Senhora Aparecida' },
      { date: '11-02', name: 'Finados' },
      { date: '11-15', name: 'Proclamação da República' },
      { date: '11-20', name: 'Dia Nacional de Zumbi e da Consciência Negra' },
      { date: '12-25', name: 'Natal' },
    ]);
  });

  test('leaves out the pontos facultativos (Carnaval, Corpus Christi) when asked', () => {
    const names = listCalendarHolidays('br-national', 2027, false).map((holiday) => holiday.name);
    expect(names).toHaveLength(10);
    expect(names).not.toContain('Corpus Christi');
    expect(names.some((name) => name.includes('Carnaval'))).toBe(false);
  });

  test('has Consciência Negra as a national holiday from 2024 on (Lei 14.759/2023)', () => {
    expect(dateOf(2023, 'Dia Nacional de Zumbi e da Consciência Negra')).toBeUndefined();
    expect(dateOf(2024, 'Dia Nacional de Zumbi e da Consciência Negra')).toBe('11-20');
  });

  test('gives one holiday to a date two feasts share (Sexta-feira Santa on Tiradentes, 2079)', () => {
    expect(listCalendarHolidays('br-national', 2079).filter((holiday) => holiday.date === '04-21')).toEqual([{ date: '04-21', name: 'Sexta-feira Santa / Tiradentes' }]);
  });

  test('the schema names exactly the calendars the core knows', () => {
    expect(getDefinition('HolidayCalendar').properties?.calendar?.enum).toEqual([...HOLIDAY_CALENDAR_NAMES]);
  });
});

describe('normalisation writes a calendar out as its holidays', () => {
  const group = (holidays: unknown[]): Spec => ({ name: 'Comercial', intervals: [{ days: ['mon'], from: '08:00', to: '18:00' }], holidays } as Spec);

  test('expands the calendar into dated holidays, sorted, a holiday written out winning its date', () => {
    const spec = normalizeSpec('schedule-group', group([{ calendar: 'br-national', year: 2027 }, { date: '12-25', name: 'Natal em família' }, { date: '03-19', name: 'São José' }]));
    const holidays = spec.holidays as { date: string; name: string }[];
    expect(holidays).toHaveLength(14);
    expect(holidays.filter((holiday) => holiday.date === '12-25')).toEqual([{ date: '12-25', name: 'Natal em família' }]);
    expect(holidays.map((holiday) => holiday.date)).toEqual([...holidays.map((holiday) => holiday.date)].sort());
    expect(holidays).toContainEqual({ date: '02-09', name: 'Terça-feira de Carnaval' });
  });

  test('plans the expanded dates for a new schedule group', () => {
    const plan = buildPlan(aState([aDesired('schedule-group', group([{ calendar: 'br-national', year: 2027, includeOptional: false }]))]), aSnapshot([]), { target: sandboxTarget });
    const holidays = plan.changes[0]!.fields.find((field) => field.path === 'holidays')?.after as { date: string }[];
    expect(holidays.map((holiday) => holiday.date)).toEqual(['01-01', '03-26', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '11-20', '12-25']);
  });

  test('plans nothing when the tenant holds that year\'s dates', () => {
    const live = aLive('schedule-group', group(listCalendarHolidays('br-national', 2027)));
    expect(buildPlan(aState([aDesired('schedule-group', group([{ calendar: 'br-national', year: 2027 }]))]), aSnapshot([live]), { target: sandboxTarget }).changes).toEqual([]);
  });

  test('plans the moved feasts when the year changes', () => {
    const live = aLive('schedule-group', group(listCalendarHolidays('br-national', 2027)));
    const [change] = buildPlan(aState([aDesired('schedule-group', group([{ calendar: 'br-national', year: 2028 }]))]), aSnapshot([live]), { target: sandboxTarget }).changes;
    const [field] = change!.fields;
    const dates = (value: unknown) => (value as { date: string }[]).map((holiday) => holiday.date);
    expect(field!.path).toBe('holidays');
    expect(dates(field!.after).filter((date) => !dates(field!.before).includes(date))).toEqual(['02-28', '02-29', '04-14', '06-15']);
  });
});

describe('checks of a holiday calendar', () => {
  const located = (spec: Spec) => ({ kind: 'schedule-group' as const, name: 'C', key: toResourceKey('schedule-group', 'C'), spec, origin: { file: 'c.yaml', line: 1, column: 1, pointer: '/scheduleGroups/0' } });

  test('refuses one calendar for two years: the movable feasts of both would close every year', () => {
    const spec = { name: 'C', intervals: [], holidays: [{ calendar: 'br-national', year: 2027 }, { calendar: 'br-national', year: 2028 }] };
    expect(validateDesiredState({ prune: {}, resources: [located(spec)] })).toEqual([expect.objectContaining({ code: 'CONFIG_SCHEDULE_CALENDAR', pointer: '/scheduleGroups/0/holidays/1/year' })]);
  });

  test('reports the mistake of the shape the item was meant to have, not of both', () => {
    const document = { version: 1, scheduleGroups: [{ name: 'C', intervals: [], holidays: [{ calendar: 'br-nacional', year: 2027 }, { calendar: 'br-national' }, { date: '12-25' }, { calendar: 'br-national', year: 1999 }] }] };
    expect(validateSchema('c.yaml', document).map((diagnostic) => [diagnostic.code, diagnostic.pointer, diagnostic.message])).toEqual([
      ['CONFIG_ENUM', '/scheduleGroups/0/holidays/0/calendar', '`calendar` must be `br-national`, not the text "br-nacional".'],
      ['CONFIG_MISSING_KEY', '/scheduleGroups/0/holidays/1', 'Item 2 of `holidays` is missing the required key `year`.'],
      ['CONFIG_MISSING_KEY', '/scheduleGroups/0/holidays/2', 'Item 3 of `holidays` is missing the required key `name`.'],
      ['CONFIG_RANGE', '/scheduleGroups/0/holidays/3/year', '`year` must be at least 2000.'],
    ]);
  });
});
