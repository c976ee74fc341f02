/**
 * i18next with Danish as the default and English one click away. The choice is kept in
 * localStorage and mirrored on <html lang> so screen readers pronounce the page right.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'alliance-roster.language';

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export function createI18n(lng: Language = storedLanguage()) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'da',
    supportedLngs: LANGUAGES,
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    returnNull: false,
  });
  instance.on('languageChanged', (l) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      /* storage may be unavailable (private mode); the choice then lasts this visit */
    }
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return instance;
}

export function asLanguage(l: string | undefined): Language {
  return l === 'en' ? 'en' : 'da';
}
