import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago a moment was, in the UI language ("12 minutes ago", "12 minuuttia sitten"), in its largest whole unit. */
export function useFormatRelativeTime() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    return (iso: string, now: Date) => {
      const elapsed = Math.max(0, now.getTime() - new Date(iso).getTime());
      for (const [unit, ms] of units) {
        if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
      }
      return format.format(0, 'minute');
    };
  }, [language]);
}
