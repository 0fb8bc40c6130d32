export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

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
