import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTag, whatsAppLanguages, type WhatsAppLanguage } from '@/domain/whatsapp-languages';

export interface LanguageOption {
  code: WhatsAppLanguage;
  name: string;
}

/** WhatsApp's template languages named in the UI language ("Finnish", "suomi"), sorted by name. */
export function useLanguageNames() {
  const { i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const names = new Intl.DisplayNames([ui], { type: 'language', languageDisplay: 'standard' });
    const nameOf = (code: WhatsAppLanguage): string => {
      const name = names.of(languageTag(code)) ?? code;
      // Finnish writes language names in lowercase; as a label on its own it starts with a capital.
      return name.charAt(0).toLocaleUpperCase(ui) + name.slice(1);
    };
    const options: LanguageOption[] = whatsAppLanguages
      .map((code) => ({ code, name: nameOf(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, ui));
    return { nameOf, options, ui };
  }, [ui]);
}
