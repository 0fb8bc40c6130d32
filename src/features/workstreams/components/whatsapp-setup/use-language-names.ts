import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isWhatsAppLanguage, languageName, whatsAppLanguages, type WhatsAppLanguage } from '@/domain/whatsapp-languages';

export interface LanguageOption {
  code: WhatsAppLanguage;
  name: string;
  /** Name and code, as the lists show it: "Finnish (fi)". */
  label: string;
}

/** WhatsApp's template languages named in the UI language, sorted by name in it. */
export function useLanguageOptions(): LanguageOption[] {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  return useMemo(
    () =>
      whatsAppLanguages
        .map((code) => {
          const name = languageName(code, ui);
          return { code, name, label: t('whatsAppSetup.language.option', { name, code }) };
        })
        .sort((a, b) => a.name.localeCompare(b.name, ui)),
    [t, ui],
  );
}

/** "Finnish (fi)" for a code; an unknown code is shown as it is. */
export function useLanguageLabel() {
  const options = useLanguageOptions();
  return useMemo(() => {
    const byCode = new Map(options.map((option) => [option.code as string, option.label]));
    return (code: string) => (isWhatsAppLanguage(code) ? (byCode.get(code) ?? code) : code);
  }, [options]);
}
