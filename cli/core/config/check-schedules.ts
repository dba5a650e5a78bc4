import type { Diagnostic } from '../diagnostics.js';
import type { DesiredResource, DesiredState, JsonValue } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';
import { getDefinition } from '../kinds/schema-walk.js';
import { findCanonical, type AliasTable } from '../normalize/resolve-alias.js';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d\d)-(\d\d)$/;
/** Days per month in a leap year: a holiday has no year, so `02-29` is allowed. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const WEEKDAY_NAMES = (getDefinition('Weekday')['x-aliases'] ?? {}) as AliasTable;

/**
 * Schedule groups: `from` before `to`, no overlapping intervals on a day (`seg` is `mon`), no day
 * twice in an interval, no two intervals in a row with the same hours, dates that exist.
 */
export function checkSchedules(state: DesiredState): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const group of state.resources) {
    if (group.kind !== 'schedule-group') continue;
    const intervals = listOf(group.spec.intervals);
    const byDay = new Map<string, { from: number; to: number; index: number }[]>();
    let previousRange: { from: number; to: number } | undefined;
    intervals.forEach((interval, index) => {
      const days = listDays(group, interval.days, ['intervals', index, 'days'], diagnostics);
      const range = checkRange(group, interval, ['intervals', index], diagnostics);
      if (range && previousRange?.from === range.from && previousRange.to === range.to) {
        // Conecta stores a range per run of weekdays and reads neighbouring ranges with the same
        // hours back as one interval: two such intervals would never plan "No changes.".
        diagnostics.push(createResourceDiagnostic(group, {
          code: 'CONFIG_SCHEDULE_SAME_HOURS',
          message: `Intervals ${index} and ${index + 1} of schedule group ${group.name} follow each other with the same hours (${formatTime(range.from)}–${formatTime(range.to)}); Conecta reads them back as one interval.`,
          hint: 'Write them as one interval with the days of both.',
          path: ['intervals', index],
        }));
      }
      previousRange = range;
      if (!range) return;
      for (const day of days) {
        if (!byDay.has(day)) byDay.set(day, []);
        byDay.get(day)?.push({ ...range, index });
      }
    });
    const reported = new Set<string>();
    for (const [day, ranges] of byDay) {
      ranges.sort((left, right) => left.from - right.from || left.index - right.index);
      for (let position = 1; position < ranges.length; position += 1) {
        const previous = ranges[position - 1] as { from: number; to: number; index: number };
        const current = ranges[position] as { from: number; to: number; index: number };
        if (current.from >= previous.to) continue;
        const [first, second] = previous.index < current.index ? [previous, current] : [current, previous];
        const pair = `${first.index}/${second.index}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        diagnostics.push(createResourceDiagnostic(group, {
          code: 'CONFIG_SCHEDULE_OVERLAP',
          message: `Intervals ${first.index + 1} and ${second.index + 1} of schedule group ${group.name} overlap on ${day} (${formatTime(second.from)}–${formatTime(second.to)} against ${formatTime(first.from)}–${formatTime(first.to)}).`,
          hint: 'Merge them into one interval, or make one end before the other starts.',
          path: ['intervals', second.index],
        }));
      }
    }
    checkCalendars(group, diagnostics);
    for (const field of ['holidays', 'exceptions'] as const) {
      listOf(group.spec[field]).forEach((entry, index) => {
        checkDate(group, entry.date, [field, index, 'date'], diagnostics);
        if (field === 'exceptions') checkRange(group, entry, [field, index], diagnostics);
      });
    }
  }
  return diagnostics;
}

/** One year per holiday calendar: Conecta's calendar has no year, so two years' movable feasts would both hold every year. */
function checkCalendars(group: DesiredResource, diagnostics: Diagnostic[]): void {
  const years = new Map<string, number>();
  listOf(group.spec.holidays).forEach((entry, index) => {
    const { calendar, year } = entry;
    if (typeof calendar !== 'string' || typeof year !== 'number') return;
    const first = years.get(calendar);
    if (first === undefined) {
      years.set(calendar, year);
      return;
    }
    if (first === year) return;
    diagnostics.push(createResourceDiagnostic(group, {
      code: 'CONFIG_SCHEDULE_CALENDAR',
      message: `Schedule group ${group.name} names the ${calendar} calendar for ${first} and for ${year}; Conecta's calendar has no year, so the movable holidays of both years (Carnaval, Sexta-feira Santa, Corpus Christi) would close every year.`,
      hint: `Keep one year (the one you are in) and change it when the year turns.`,
      path: ['holidays', index, 'year'],
    }));
  });
}

/** The interval's days in canonical form, once each; a day named twice (`seg` and `mon`) is reported. */
function listDays(group: DesiredResource, value: JsonValue | undefined, path: (string | number)[], diagnostics: Diagnostic[]): string[] {
  const seen = new Map<string, string>();
  (Array.isArray(value) ? value : []).forEach((day, position) => {
    if (typeof day !== 'string') return;
    const canonical = findCanonical(WEEKDAY_NAMES, day);
    if (canonical === undefined) return;
    const first = seen.get(canonical);
    if (first === undefined) {
      seen.set(canonical, day);
      return;
    }
    // Two identical spellings are the schema's `uniqueItems` error; report only different names of one day.
    if (first === day) return;
    diagnostics.push(createResourceDiagnostic(group, {
      code: 'CONFIG_DUPLICATE_ITEM',
      message: `\`${first}\` and \`${day}\` are the same day (${canonical}) in interval ${Number(path[1]) + 1} of schedule group ${group.name}.`,
      hint: 'Remove one of them.',
      path: [...path, position],
    }));
  });
  return [...seen.keys()];
}

function listOf(value: JsonValue | undefined): { [key: string]: JsonValue }[] {
  return Array.isArray(value) ? (value.filter((item) => item !== null && typeof item === 'object' && !Array.isArray(item)) as { [key: string]: JsonValue }[]) : [];
}

function checkRange(group: DesiredResource, entry: { [key: string]: JsonValue }, path: (string | number)[], diagnostics: Diagnostic[]): { from: number; to: number } | undefined {
  const from = parseTime(entry.from);
  const to = parseTime(entry.to);
  if (from === undefined || to === undefined) return undefined;
  if (from < to) return { from, to };
  diagnostics.push(createResourceDiagnostic(group, {
    code: 'CONFIG_SCHEDULE_RANGE',
    message: `\`to\` (${formatTime(to)}) must be later than \`from\` (${formatTime(from)}).`,
    hint: 'An interval cannot cross midnight: split it into one ending at 23:59 and one starting at 00:00 the next day.',
    path: [...path, 'to'],
  }));
  return undefined;
}

function checkDate(group: DesiredResource, value: JsonValue | undefined, path: (string | number)[], diagnostics: Diagnostic[]): void {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1) return;
  const limit = DAYS_IN_MONTH[month - 1] as number;
  if (day <= limit) return;
  diagnostics.push(createResourceDiagnostic(group, {
    code: 'CONFIG_SCHEDULE_DATE',
    message: `\`${value as string}\` is not a date: ${MONTHS[month - 1]} has ${limit} days.`,
    hint: 'Dates are `MM-DD` (month first), such as `12-25`.',
    path,
  }));
}

function parseTime(value: JsonValue | undefined): number | undefined {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
