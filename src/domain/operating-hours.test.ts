import { describe, expect, it, test } from 'vitest';
import { groupOpeningDays, isOpenAt, isTimeOfDay, isTimeZone, minutesOf, sortPeriods, weekdayPeriods, type OpeningPeriod } from './operating-hours';

describe('times of day', () => {
  test('HH:MM on a 24-hour clock, with 24:00 for midnight at the end of a day', () => {
    for (const time of ['00:00', '08:30', '23:59', '24:00']) expect(isTimeOfDay(time), time).toBe(true);
    for (const time of ['8:00', '24:01', '25:00', '12:60', '0800', '08:00:00', ' 08:00', '']) expect(isTimeOfDay(time), time).toBe(false);
  });

  test('minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('08:30')).toBe(510);
    expect(minutesOf('24:00')).toBe(1440);
  });
});

describe('time zones', () => {
  test('IANA names the runtime knows', () => {
    expect(isTimeZone('Europe/Helsinki')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone(' Europe/Helsinki')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('opening periods', () => {
  test('weekday periods are Monday to Friday', () => {
    expect(weekdayPeriods('09:00', '17:00')).toEqual([
      { day: 'mon', open: '09:00', close: '17:00' },
      { day: 'tue', open: '09:00', close: '17:00' },
      { day: 'wed', open: '09:00', close: '17:00' },
      { day: 'thu', open: '09:00', close: '17:00' },
      { day: 'fri', open: '09:00', close: '17:00' },
    ]);
  });

  test('sorting follows the week, then the opening time', () => {
    const periods: OpeningPeriod[] = [
      { day: 'sun', open: '10:00', close: '12:00' },
      { day: 'mon', open: '13:00', close: '17:00' },
      { day: 'mon', open: '09:00', close: '12:00' },
    ];
    expect(sortPeriods(periods).map((p) => `${p.day} ${p.open}`)).toEqual(['mon 09:00', 'mon 13:00', 'sun 10:00']);
  });
});

describe('grouping days for a summary', () => {
  test('an office week is one range', () => {
    expect(groupOpeningDays(weekdayPeriods('08:00', '17:00'))).toEqual([{ from: 'mon', to: 'fri', periods: [{ open: '08:00', close: '17:00' }] }]);
  });

  test('days with a lunch break stay together, whatever order the periods came in', () => {
    const periods = [...weekdayPeriods('13:00', '17:30'), ...weekdayPeriods('09:00', '12:00')];
    expect(groupOpeningDays(periods)).toEqual([
      {
        from: 'mon',
        to: 'fri',
        periods: [
          { open: '09:00', close: '12:00' },
          { open: '13:00', close: '17:30' },
        ],
      },
    ]);
  });

  test('different times and closed days break ranges', () => {
    const periods: OpeningPeriod[] = [
      { day: 'mon', open: '08:00', close: '16:00' },
      { day: 'tue', open: '08:00', close: '16:00' },
      { day: 'wed', open: '10:00', close: '18:00' },
      { day: 'fri', open: '10:00', close: '18:00' },
      { day: 'sat', open: '10:00', close: '18:00' },
    ];
    expect(groupOpeningDays(periods).map((r) => `${r.from}-${r.to} ${r.periods.map((p) => `${p.open}-${p.close}`).join(',')}`)).toEqual([
      'mon-tue 08:00-16:00',
      'wed-wed 10:00-18:00',
      'fri-sat 10:00-18:00',
    ]);
  });

  test('no periods, no ranges', () => {
    expect(groupOpeningDays([])).toEqual([]);
  });
});

describe('isOpenAt', () => {
  const hours = { timeZone: 'Europe/Helsinki', periods: [{ day: 'mon' as const, open: '08:00', close: '16:00' }, { day: 'sun' as const, open: '02:00', close: '05:00' }] };

  it('reads the instant in the queue’s time zone', () => {
    // 05:59 UTC on a Monday in winter is 07:59 in Helsinki (UTC+2): closed; a minute later open.
    expect(isOpenAt(hours, new Date('2026-01-05T05:59:00Z'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-01-05T06:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-01-05T14:00:00Z'))).toBe(false);
  });

  it('follows daylight saving: in summer Helsinki is UTC+3', () => {
    expect(isOpenAt(hours, new Date('2026-06-01T05:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-06-01T13:00:00Z'))).toBe(false);
  });

  it('on the night the clocks go forward, the hour that does not exist is skipped', () => {
    // 29 March 2026: 03:00 local becomes 04:00. 00:30 UTC is 02:30 EET (open); 01:30 UTC is 04:30 EEST (open); 02:30 UTC is 05:30 (closed).
    expect(isOpenAt(hours, new Date('2026-03-29T00:30:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-03-29T01:30:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-03-29T02:30:00Z'))).toBe(false);
  });

  it('is always open without hours', () => {
    expect(isOpenAt(null, new Date())).toBe(true);
  });
});
