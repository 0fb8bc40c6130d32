import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, whatsAppLanguages, type WhatsAppLanguage } from '@/domain/whatsapp-languages';

export interface LanguageOption {
  code: WhatsAppLanguage;
  name: string;
}

/** WhatsApp's template languages named in the UI language ("Finnish", "suomi"), sorted by name. */
export function useLanguageNames() {
  const { i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const nameOf = (code: WhatsAppLanguage): string => languageName(code, ui);
    const options: LanguageOption[] = whatsAppLanguages
      .map((code) => ({ code, name: nameOf(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, ui));
    return { nameOf, options, ui };
  }, [ui]);
}
