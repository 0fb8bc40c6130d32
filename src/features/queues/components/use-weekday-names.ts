import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdays, type Weekday } from '@/domain/operating-hours';

/** 1 January 2024 was a Monday: the dates of that week name the days. */
const MONDAY = Date.UTC(2024, 0, 1);

/** Names of the days in the UI language, from Intl so that no translation has to list them. */
export function useWeekdayNames(width: 'short' | 'long'): Record<Weekday, string> {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
    return Object.fromEntries(weekdays.map((day, index) => [day, format.format(MONDAY + index * 86_400_000)])) as Record<Weekday, string>;
  }, [language, width]);
}
