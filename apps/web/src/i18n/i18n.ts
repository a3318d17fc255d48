import { createInstance, type BackendModule, type i18n, type ResourceKey } from 'i18next';
import { isRtl, LOCALES, type Locale } from '@mre/contracts';
import { initialLocale } from './initial-locale';

const STORAGE_KEY = 'mre.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export type Translations = Record<Locale, ResourceKey>;

/**
 * Each language's texts are a chunk of their own, fetched when that language is first used: a reader
 * downloads one language, not three. (The key parity test keeps them complete, so nothing falls back.)
 */
const loadOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLocale(language)) return callback(new Error(`no translations for ${language}`), null);
    import(`./${language}.json`).then(
      (module: { default: ResourceKey }) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

/**
 * One i18next instance per app (tests make their own, with every translation given up front). The
 * chosen language is remembered, and the <html> element follows it: `lang` for fonts and screen
 * readers, `dir` for the mirrored layout (Mantine's DirectionProvider watches that attribute).
 * Without `translations`, wait for `i18nLoaded` before the first render.
 */
export function createI18n(storage: Storage, translations?: Translations): i18n {
  const initial = initialLocale({
    stored: storage.getItem(STORAGE_KEY),
    search: window.location.search,
    navigatorLanguages: navigator.languages ?? [],
  });
  const instance = createInstance({
    lng: initial,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    ...(translations
      ? {
          resources: Object.fromEntries(
            LOCALES.map((locale) => [locale, { translation: translations[locale] }]),
          ),
          initAsync: false,
        }
      : {}),
  });
  if (!translations) instance.use(loadOnDemand);
  instance.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    storage.setItem(STORAGE_KEY, language);
    applyToDocument(language);
  });
  void instance.init();
  applyToDocument(initial);
  return instance;
}

/** Resolves once the first language's texts are there. */
export function i18nLoaded(instance: i18n): Promise<void> {
  if (instance.isInitialized) return Promise.resolve();
  return new Promise((resolve) => instance.on('initialized', () => resolve()));
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  // The server starts sending this language's texts with the next page (web-app-locale.ts in the API).
  document.cookie = `mre.locale=${locale}; path=/; max-age=31536000; SameSite=Lax`;
  // Installed from here, the app takes this language's name and direction.
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', `/manifest.${locale}.webmanifest`);
}
