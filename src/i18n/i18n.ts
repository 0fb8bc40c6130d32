import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { languageLoader } from './language-loader';

export const languages = ['en', 'fi'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'whatsapp-admin-language';

const bundledResources = { en: { translation: en } } as const;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('fi')) ? 'fi' : 'en';
}

export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage();
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export async function initI18n(language: Language = initialLanguage()) {
  i18next.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  await i18next.use(languageLoader).use(initReactI18next).init({
    resources: bundledResources,
    // The bundled English is complete; the loader brings the other languages.
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return i18next;
}
