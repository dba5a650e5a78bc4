/**
 * Grupo de Horários ⇄ `/timeGroup` `{_id, name, group: [range]}` (szchat-go time_group.go), a
 * range being `{hour, description, initialDay, finalDay, initialMonth, finalMonth,
 * initialWeek, finalWeek, initialTime, finalTime}` (every key always sent: no omitempty).
 *
 * The semantics of a range are not documented. This mapping [INF] reads a range as the
 * conjunction "day of month in [initialDay, finalDay] and month in [initialMonth, finalMonth]
 * and weekday in [initialWeek, finalWeek] and time in [initialTime, finalTime]", with
 * weekdays numbered 0 = Sunday … 6 = Saturday (the PHP/Carbon convention) and `initialDay` ""
 * meaning any day. Then:
 * - an interval `{days, from, to}` → one range per run of consecutive weekdays (in 0…6 order):
 *   `initialWeek`/`finalWeek` = the run, months 1–12, days "", times from/to, description "";
 * - a holiday `{date: MM-DD, name}` → day = DD, month = MM, weekdays 0–6, times "00:00"–"00:00"
 *   (an empty window: closed all day), description = name;
 * - an exception `{date, name, from, to}` → the same with its hours.
 * Reading inverts it: consecutive weekly ranges with the same hours are merged back into one
 * interval (a weekly range's description is not in the model), so two intervals with identical
 * hours written one after the other would read as one: validate refuses them
 * (CONFIG_SCHEDULE_SAME_HOURS). A range that fits none of these shapes is reported, and an update
 * drops it.
 * `hour` has no known meaning: written "", not read.
 */
import type { JsonValue, Spec } from '../../../cli/core/model/resource.js';
import type { KindMapper, ReadContext, WireObject } from './types.js';
import { readInteger, readString, specString } from './wire-values.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MODEL_DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CLOSED = '00:00';

interface WeeklyRange { first: number; last: number; from: string; to: string }

interface MergedInterval { spans: [number, number][]; from: string; to: string }

function weekdayRuns(days: string[]): [number, number][] {
  const numbers = [...new Set(days.map((day) => WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number])).filter((index) => index >= 0))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of numbers) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function writeRange(input: { description: string; day: string; month: number; firstWeek: number; lastWeek: number; from: string; to: string; allYear?: boolean }): WireObject {
  return {
    hour: '',
    description: input.description,
    initialDay: input.day,
    finalDay: input.day,
    initialMonth: input.allYear ? 1 : input.month,
    finalMonth: input.allYear ? 12 : input.month,
    initialWeek: input.firstWeek,
    finalWeek: input.lastWeek,
    initialTime: input.from,
    finalTime: input.to,
  };
}

function asObjects(value: JsonValue | undefined): { [key: string]: JsonValue }[] {
  return Array.isArray(value) ? value.filter((item): item is { [key: string]: JsonValue } => item !== null && typeof item === 'object' && !Array.isArray(item)) : [];
}

function splitDate(date: string): { day: string; month: number } {
  const [month, day] = date.split('-');
  return { day: String(Number(day)), month: Number(month) };
}

function formatDate(day: string, month: number): string {
  return `${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function readGroup(wire: WireObject, context: ReadContext): Spec {
  const ranges = Array.isArray(wire.group) ? (wire.group as WireObject[]) : [];
  const intervals: MergedInterval[] = [];
  const holidays: Spec[] = [];
  const exceptions: Spec[] = [];
  const weekly: WeeklyRange[] = [];
  ranges.forEach((range, index) => {
    const day = readString(range, 'initialDay');
    const finalDay = readString(range, 'finalDay');
    const month = readInteger(range, 'initialMonth');
    const finalMonth = readInteger(range, 'finalMonth');
    const firstWeek = readInteger(range, 'initialWeek');
    const lastWeek = readInteger(range, 'finalWeek');
    const from = readString(range, 'initialTime');
    const to = readString(range, 'finalTime');
    const description = readString(range, 'description');
    const isAllYear = (month === 0 && finalMonth === 0) || (month === 1 && finalMonth === 12);
    if (day === '' && finalDay === '' && isAllYear && firstWeek <= lastWeek && firstWeek >= 0 && lastWeek <= 6 && from !== '' && to !== '') {
      weekly.push({ first: firstWeek, last: lastWeek, from, to });
      return;
    }
    const isOneDate = day !== '' && day === finalDay && month >= 1 && month <= 12 && month === finalMonth && /^\d{1,2}$/.test(day);
    if (isOneDate && from === CLOSED && to === CLOSED) {
      holidays.push({ date: formatDate(day, month), name: description });
      return;
    }
    if (isOneDate && from !== '' && to !== '') {
      exceptions.push({ date: formatDate(day, month), name: description, from, to });
      return;
    }
    context.notice('intervals', `range ${index + 1} ("${description}") does not fit a weekly interval, a holiday or an exception; an update would remove it`);
  });
  for (const range of weekly) {
    const previous = intervals[intervals.length - 1];
    if (previous && previous.from === range.from && previous.to === range.to) previous.spans.push([range.first, range.last]);
    else intervals.push({ spans: [[range.first, range.last]], from: range.from, to: range.to });
  }
  return {
    name: readString(wire, 'name'),
    intervals: intervals.map((interval) => {
      const days = new Set<string>();
      for (const [first, last] of interval.spans) for (let day = first; day <= last; day += 1) days.add(WEEKDAYS[day] as string);
      return { days: MODEL_DAY_ORDER.filter((day) => days.has(day)), from: interval.from, to: interval.to };
    }),
    holidays,
    exceptions,
  };
}

export const scheduleGroupMapper: KindMapper = {
  kind: 'schedule-group',
  endpoints: ['/timeGroup'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/timeGroup',
  toSpec: (wire, context) => readGroup(wire, context),
  toWire: (spec) => {
    const group: WireObject[] = [];
    for (const interval of asObjects(spec.intervals)) {
      const days = Array.isArray(interval.days) ? interval.days.map(String) : [];
      for (const [first, last] of weekdayRuns(days)) {
        group.push(writeRange({ description: '', day: '', month: 0, firstWeek: first, lastWeek: last, from: String(interval.from), to: String(interval.to), allYear: true }));
      }
    }
    for (const holiday of asObjects(spec.holidays)) {
      group.push(writeRange({ description: String(holiday.name), ...splitDate(String(holiday.date)), firstWeek: 0, lastWeek: 6, from: CLOSED, to: CLOSED }));
    }
    for (const exception of asObjects(spec.exceptions)) {
      group.push(writeRange({ description: String(exception.name), ...splitDate(String(exception.date)), firstWeek: 0, lastWeek: 6, from: String(exception.from), to: String(exception.to) }));
    }
    return { name: specString(spec, 'name'), group };
  },
};
