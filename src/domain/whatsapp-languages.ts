/**
 * The languages WhatsApp accepts for message templates, as Meta writes their codes
 * (language, or language_REGION). Names come from Intl.DisplayNames in the UI language.
 */
export const whatsAppLanguages = [
  'af', 'sq', 'ar', 'az', 'bn', 'bg', 'ca', 'zh_CN', 'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'nl',
  'en', 'en_GB', 'en_US', 'et', 'fil', 'fi', 'fr', 'ka', 'de', 'el', 'gu', 'ha', 'he', 'hi',
  'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'rw_RW', 'ko', 'ky_KG', 'lo', 'lv', 'lt', 'mk',
  'ms', 'ml', 'mr', 'nb', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'sk', 'sl',
  'es', 'es_AR', 'es_ES', 'es_MX', 'sw', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zu',
] as const;

export type WhatsAppLanguage = (typeof whatsAppLanguages)[number];

export function isWhatsAppLanguage(value: string): value is WhatsAppLanguage {
  return (whatsAppLanguages as readonly string[]).includes(value);
}

/** The BCP 47 tag of a WhatsApp language code, for Intl: "pt_BR" → "pt-BR". */
export function languageTag(code: WhatsAppLanguage): string {
  return code.replace('_', '-');
}
