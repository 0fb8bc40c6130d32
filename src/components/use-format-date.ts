import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates as people of the current UI language write them ("25 Nov 2026", "25.11.2026"). */
export function useFormatDate() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium' });
    return (iso: string) => format.format(new Date(iso));
  }, [language]);
}
