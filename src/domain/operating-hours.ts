export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface OpeningPeriod {
  day: Weekday;
  open: string;
  close: string;
}

/** "HH:MM" on a 24-hour clock; "24:00" closes at midnight. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** True for a time zone the runtime knows by its IANA name, such as "Europe/Helsinki". */
export function isTimeZone(value: string): boolean {
  if (value.trim() === '' || value !== value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The same opening time on Monday to Friday, the most common office week. */
export function weekdayPeriods(open: string, close: string): OpeningPeriod[] {
  return weekdays.slice(0, 5).map((day) => ({ day, open, close }));
}

/** In the order of the week, and by opening time within a day. */
export function sortPeriods<P extends OpeningPeriod>(periods: readonly P[]): P[] {
  return [...periods].sort((a, b) => weekdays.indexOf(a.day) - weekdays.indexOf(b.day) || minutesOf(a.open) - minutesOf(b.open));
}

/** Consecutive days that share the same opening times, such as Monday to Friday 08:00–17:00. */
export interface DayRange {
  from: Weekday;
  to: Weekday;
  periods: { open: string; close: string }[];
}

/**
 * Opening hours as few ranges of days as possible, for a one-line summary: days next to
 * each other in the week with identical times are merged; closed days break a range.
 */
export function groupOpeningDays(periods: readonly OpeningPeriod[]): DayRange[] {
  const sorted = sortPeriods(periods);
  const ranges: DayRange[] = [];
  let previous: { day: Weekday; key: string } | null = null;
  for (const day of weekdays) {
    const times = sorted.filter((p) => p.day === day).map(({ open, close }) => ({ open, close }));
    if (times.length === 0) {
      previous = null;
      continue;
    }
    const key = times.map((t) => `${t.open}-${t.close}`).join(',');
    const last = ranges.at(-1);
    if (previous && last && previous.key === key) last.to = day;
    else ranges.push({ from: day, to: day, periods: times });
    previous = { day, key };
  }
  return ranges;
}

const weekdayOfIntl: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** The weekday and minute of the day an instant falls on in a time zone (daylight saving included, by the runtime's zone data). */
export function localWeekMinute(at: Date, timeZone: string): { day: Weekday; minute: number } {
  const parts = zoneFormat(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return { day: weekdayOfIntl[part('weekday')] ?? 'mon', minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether a queue with these hours is open at an instant; no hours means always open. */
export function isOpenAt(hours: { timeZone: string; periods: readonly OpeningPeriod[] } | null, at: Date): boolean {
  if (hours === null) return true;
  const { day, minute } = localWeekMinute(at, hours.timeZone);
  return hours.periods.some((period) => period.day === day && minutesOf(period.open) <= minute && minute < minutesOf(period.close));
}
