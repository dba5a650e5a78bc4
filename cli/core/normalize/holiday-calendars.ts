/**
 * Public holiday calendars a schedule group's `holidays` may name (`{calendar: br-national,
 * year: 2027}`): normalisation replaces the item with that year's holidays, `{date: MM-DD, name}`,
 * because Conecta's calendar has no year and the movable feasts (Carnaval, Sexta-feira Santa,
 * Corpus Christi) fall on other dates every year. The calendars are declared here, once; the
 * schema's `HolidayCalendar.calendar` enum names them (a test keeps the two equal).
 */
import type { JsonValue } from '../model/resource.js';

export interface Holiday {
  /** `MM-DD`. */
  date: string;
  name: string;
}

interface CalendarDay {
  /** Month and day, or days after Easter Sunday. */
  on: { month: number; day: number } | { afterEaster: number };
  name: string;
  /** A ponto facultativo (optional day off by decree), left out with `includeOptional: false`. */
  isOptional?: boolean;
  /** The first year the day is a holiday. */
  since?: number;
}

/**
 * Brazil's national holidays (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023 and the calendar the
 * federal government publishes every year), with the pontos facultativos that most businesses
 * close on: Carnaval (Monday and Tuesday) and Corpus Christi.
 */
const BR_NATIONAL: readonly CalendarDay[] = [
  { on: { month: 1, day: 1 }, name: 'Confraternização Universal' },
  { on: { afterEaster: -48 }, name: 'Segunda-feira de Carnaval', isOptional: true },
  { on: { afterEaster: -47 }, name: 'Terça-feira de Carnaval', isOptional: true },
  { on: { afterEaster: -2 }, name: 'Sexta-feira Santa' },
  { on: { month: 4, day: 21 }, name: 'Tiradentes' },
  { on: { month: 5, day: 1 }, name: 'Dia do Trabalho' },
  { on: { afterEaster: 60 }, name: 'Corpus Christi', isOptional: true },
  { on: { month: 9, day: 7 }, name: 'Independência do Brasil' },
  { on: { month: 10, day: 12 }, name: 'Nossa Senhora Aparecida' },
  { on: { month: 11, day: 2 }, name: 'Finados' },
  { on: { month: 11, day: 15 }, name: 'Proclamação da República' },
  { on: { month: 11, day: 20 }, name: 'Dia Nacional de Zumbi e da Consciência Negra', since: 2024 },
  { on: { month: 12, day: 25 }, name: 'Natal' },
];

const CALENDARS: Readonly<Record<string, readonly CalendarDay[]>> = { 'br-national': BR_NATIONAL };

/** The calendars `calendar:` may name. */
export const HOLIDAY_CALENDAR_NAMES: readonly string[] = Object.keys(CALENDARS);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus of Meeus, Jones and Butcher). */
export function computeEaster(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The holidays of `calendar` in `year`, by date; two on one date share it (`A / B`). */
export function listCalendarHolidays(calendar: string, year: number, includeOptional = true): Holiday[] {
  const days = CALENDARS[calendar];
  if (!days || !Number.isInteger(year)) return [];
  const easter = computeEaster(year);
  const byDate = new Map<string, string[]>();
  for (const entry of days) {
    if ((entry.isOptional === true && !includeOptional) || (entry.since !== undefined && year < entry.since)) continue;
    const date = 'afterEaster' in entry.on ? formatMonthDay(...addDays(year, easter, entry.on.afterEaster)) : formatMonthDay(entry.on.month, entry.on.day);
    byDate.set(date, [...(byDate.get(date) ?? []), entry.name]);
  }
  return [...byDate.entries()].sort(([left], [right]) => (left < right ? -1 : 1)).map(([date, names]) => ({ date, name: names.join(' / ') }));
}

/**
 * The holidays a calendar item stands for, leaving out the dates `siblings` (the group's own
 * holidays) already name: a holiday written out wins, with its name.
 */
export function expandHolidayCalendar(item: JsonValue, siblings: readonly JsonValue[]): JsonValue[] {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return [item];
  const { calendar, year, includeOptional } = item;
  if (typeof calendar !== 'string' || typeof year !== 'number') return [item];
  const taken = new Set(siblings.map((sibling) => (sibling !== null && typeof sibling === 'object' && !Array.isArray(sibling) ? sibling.date : undefined)));
  return listCalendarHolidays(calendar, year, includeOptional !== false)
    .filter((holiday) => !taken.has(holiday.date))
    .map((holiday) => ({ date: holiday.date, name: holiday.name }));
}

/** The month and day `offset` days after (before, when negative) a date of `year`, within that year. */
function addDays(year: number, from: { month: number; day: number }, offset: number): [number, number] {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let dayOfYear = lengths.slice(0, from.month - 1).reduce((sum, length) => sum + length, 0) + from.day + offset;
  let month = 1;
  for (const length of lengths) {
    if (dayOfYear <= length) break;
    dayOfYear -= length;
    month += 1;
  }
  return [month, dayOfYear];
}

function formatMonthDay(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
