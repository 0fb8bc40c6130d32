import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A moment as people of the current UI language write it ("25 Nov 2026, 14:05", "25.11.2026 klo 14.05"). */
export function useFormatDateTime() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
  }, [language]);
}
