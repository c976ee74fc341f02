/**
 * i18next with Danish as the default and English one click away. The choice is kept in
 * localStorage and mirrored on <html lang> so screen readers pronounce the page right.
 *
 * Only the Danish texts are in the first-load bundle: the English ones are a chunk of their
 * own, loaded when English is chosen (i18next waits for it before it switches), or before the
 * first render when English was the stored choice (main.tsx awaits `i18nReady`).
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da, type Messages } from './da';

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

/** Loads a language's texts that are not bundled (English) from its own chunk. */
const lazyTexts: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, da);
    import('./en').then(
      (m) => callback(null, m.en),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * `preloaded`: texts to bundle besides Danish (tests pass English, so a render in English is
 * synchronous there).
 */
export function createI18n(lng: Language = storedLanguage(), preloaded: { en?: Messages } = {}) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).use(lazyTexts).init({
    lng,
    fallbackLng: 'da',
    supportedLngs: LANGUAGES,
    resources: { da: { translation: da }, ...(preloaded.en ? { en: { translation: preloaded.en } } : {}) },
    partialBundledLanguages: true,
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

/** Resolves when the texts of the instance's language are loaded (at once for Danish). */
export function i18nReady(instance: I18n): Promise<void> {
  return instance.loadLanguages(instance.language);
}

export function asLanguage(l: string | undefined): Language {
  return l === 'en' ? 'en' : 'da';
}
