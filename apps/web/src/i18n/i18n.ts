import { createInstance, type i18n } from 'i18next';
import { DEFAULT_LOCALE, isRtl, LOCALES, type Locale } from '@mre/contracts';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { initialLocale } from './initial-locale';

const STORAGE_KEY = 'mre.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/**
 * One i18next instance per app (tests make their own). The chosen language is remembered, and the
 * <html> element follows it: `lang` for fonts and screen readers, `dir` for the mirrored layout
 * (Mantine's DirectionProvider watches that attribute).
 */
export function createI18n(storage: Storage): i18n {
  const initial = initialLocale({
    stored: storage.getItem(STORAGE_KEY),
    search: window.location.search,
    navigatorLanguages: navigator.languages ?? [],
  });
  const instance = createInstance({
    resources: { ar: { translation: ar }, fr: { translation: fr }, en: { translation: en } },
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  instance.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    storage.setItem(STORAGE_KEY, language);
    applyToDocument(language);
  });
  void instance.init();
  applyToDocument(initial);
  return instance;
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
}
