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

/**
 * The name of a WhatsApp language in the UI language ("fi" in Finnish: "Suomi"), capitalised
 * because it stands alone in lists and labels. Falls back to the code where Intl knows no name.
 * Every screen names languages through this, in one form ("American English", not also
 * "English (United States)" elsewhere), which reads well before the code: "American English (en_US)".
 */
export function languageName(code: WhatsAppLanguage, uiLanguage: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([uiLanguage], { type: 'language', languageDisplay: 'dialect', fallback: 'none' }).of(languageTag(code));
  } catch {
    name = undefined;
  }
  if (!name) return code;
  return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
}
