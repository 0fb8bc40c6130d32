import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const KB = 1024;
const MB = 1024 * 1024;

/** A file size as people read it: "820 kB", "4.2 MB" ("4,2 Mt" in Finnish comes from Intl). */
export function useFormatSize() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const kilobytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    const megabytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    return (bytes: number) => (bytes < MB ? kilobytes.format(Math.max(1, Math.round(bytes / KB))) : megabytes.format(bytes / MB));
  }, [language]);
}
