import { invalid } from '@ec3l/kernel';
import type { SlaConfig } from '../../config.js';

/**
 * Business time: the instants at which an SLA clock runs. A calendar names weekly opening hours in
 * an IANA time zone and whole local days off; without a calendar the clock runs always.
 *
 * Hours are wall-clock times of the zone, so a day with a daylight-saving change is shorter or longer
 * in real time exactly as a clock on the office wall shows it. A wall time that does not exist (the
 * hour skipped in spring) is read as the same wall time in the offset before the change, i.e. later
 * by the skipped amount; a wall time that occurs twice (autumn) is its earlier occurrence. An interval
 * whose end is not after its start runs past midnight into the next day (22:00–06:00), and one whose
 * end equals its start is open for 24 hours. A holiday closes the intervals that start on it.
 */
export type BusinessCalendar = NonNullable<SlaConfig['calendar']>;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw invalid(`SLA calendar time zone ${JSON.stringify(timeZone)} is not an IANA time zone`, [
        { path: '/slaConfig/calendar/timeZone', message: 'is not an IANA time zone' },
      ]);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Whether the zone name is one this runtime knows (IANA names such as Europe/Berlin, or UTC). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The local wall time at instant `t`, encoded as if it were a UTC instant (whole seconds). */
const wallOf = (timeZone: string, t: number): number => {
  const parts = formatterOf(timeZone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
};

/** The zone's offset from UTC at instant `t`, in milliseconds. */
const offsetAt = (timeZone: string, t: number): number =>
  wallOf(timeZone, t) - (t - (((t % 1000) + 1000) % 1000));

/** The instant of a local wall time in whole seconds (encoded as UTC), disambiguated as described above. */
const instantOf = (timeZone: string, wall: number): number => {
  const before = wall - offsetAt(timeZone, wall - DAY);
  const after = wall - offsetAt(timeZone, wall + DAY);
  const candidates = [before, after].filter((t) => wallOf(timeZone, t) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : before;
};

type DayHours = { startMinute: number; lengthMinutes: number }[];

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const hoursByWeekday = (calendar: BusinessCalendar): DayHours[] => {
  const days: DayHours[] = Array.from({ length: 8 }, () => []);
  for (const { day, start, end } of calendar.weekly) {
    const startMinute = minutesOf(start);
    const length = (((minutesOf(end) - startMinute) % 1440) + 1440) % 1440;
    days[day]?.push({ startMinute, lengthMinutes: length === 0 ? 1440 : length });
  }
  for (const day of days) day.sort((a, b) => a.startMinute - b.startMinute);
  return days;
};

/**
 * The calendar's open intervals [start, end) that end after `from`, disjoint and in increasing order.
 * Endless: callers stop when they have what they need (every calendar opens at least once a week,
 * and holidays are finite).
 */
function* openIntervals(calendar: BusinessCalendar, from: number): Generator<[number, number]> {
  const { timeZone } = calendar;
  const hours = hoursByWeekday(calendar);
  const holidays = new Set(calendar.holidays ?? []);
  const localToday = wallOf(timeZone, from);
  // The day before may hold an interval that runs past midnight into today.
  let day = localToday - (((localToday % DAY) + DAY) % DAY) - DAY;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (;;) {
    const date = new Date(day);
    if (!holidays.has(date.toISOString().slice(0, 10))) {
      for (const { startMinute, lengthMinutes } of hours[date.getUTCDay() || 7] ?? []) {
        const start = Math.max(instantOf(timeZone, day + startMinute * MINUTE), coveredUntil);
        const end = instantOf(timeZone, day + (startMinute + lengthMinutes) * MINUTE);
        if (end <= start) continue;
        coveredUntil = end;
        if (end > from) yield [start, end];
      }
    }
    day += DAY;
  }
}

/** Business milliseconds in [from, to): 0 when `to` is not after `from`. */
export const businessMsBetween = (
  calendar: BusinessCalendar | undefined,
  from: number,
  to: number,
): number => {
  if (to <= from) return 0;
  if (!calendar) return to - from;
  let total = 0;
  for (const [start, end] of openIntervals(calendar, from)) {
    if (start >= to) break;
    total += Math.min(end, to) - Math.max(start, from);
  }
  return total;
};

/**
 * The earliest instant at or after `from` by which `ms` business milliseconds have passed since
 * `from` (`from` itself for 0): the inverse of businessMsBetween.
 */
export const addBusinessMs = (calendar: BusinessCalendar | undefined, from: number, ms: number): number => {
  if (ms <= 0) return from;
  if (!calendar) return from + ms;
  let remaining = ms;
  for (const [start, end] of openIntervals(calendar, from)) {
    const open = Math.max(start, from);
    if (remaining <= end - open) return open + remaining;
    remaining -= end - open;
  }
  throw new Error('unreachable: open intervals never end');
};
