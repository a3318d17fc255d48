import { createInstance, type BackendModule, type i18n, type ResourceKey } from 'i18next';
import { isRtl, LOCALES, type Locale } from '@mre/contracts';
import { joinTexts, type TextTree } from './first-texts';
import { initialLocale } from './initial-locale';

const STORAGE_KEY = 'mre.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export type Translations = Record<Locale, ResourceKey>;

type Part = () => Promise<{ default: TextTree }>;

/**
 * Each language's texts are two chunks (first-texts.ts), fetched when that language is first used:
 * a reader downloads one language, not three, and the first screens wait only for their own texts.
 * (The key parity test keeps the languages complete, so nothing falls back.)
 */
const TEXTS: Record<Locale, { first: Part; rest: Part }> = {
  ar: { first: () => import('./ar.json?first'), rest: () => import('./ar.json?rest') },
  fr: { first: () => import('./fr.json?first'), rest: () => import('./fr.json?rest') },
  en: { first: () => import('./en.json?first'), rest: () => import('./en.json?rest') },
};

/** Resolves once the app's current language is complete; at once where every text was given up front. */
let currentLanguageComplete = () => Promise.resolve();

/**
 * A page loader that also waits for the rest of the current language: what a page outside the first
 * screens shows (a lazy page or dialog) never renders before its texts, and a raw key never shows.
 */
export function withAllTexts<M>(load: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([load(), currentLanguageComplete()]).then(([module]) => module);
}

/** The rest of the current language, downloaded now (useRestOfTextsOnceShown asks, on a first screen). */
export function completeTexts(): Promise<void> {
  return currentLanguageComplete();
}

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
    // A text on screen is redrawn when the rest of its language arrives (an error's own sentence).
    react: { bindI18nStore: 'added' },
    ...(translations
      ? {
          resources: Object.fromEntries(
            LOCALES.map((locale) => [locale, { translation: translations[locale] }]),
          ),
          initAsync: false,
        }
      : {}),
  });
  if (!translations) loadOnDemand(instance, initial);
  instance.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    storage.setItem(STORAGE_KEY, language);
    applyToDocument(language);
  });
  void instance.init();
  applyToDocument(initial);
  return instance;
}

/**
 * The first language starts with its first part only; the rest is added when asked for
 * (`completeTexts`, `withAllTexts`). A language chosen later comes whole before the switch shows it.
 */
function loadOnDemand(instance: i18n, initial: Locale): void {
  const complete = new Map<Locale, Promise<void>>();
  const completeLanguage = (language: Locale) => {
    let loading = complete.get(language);
    if (!loading) {
      // Downloaded alongside the first part, added after it: the store merges a bundle it loads shallowly.
      loading = Promise.all([TEXTS[language].rest(), i18nLoaded(instance)]).then(([rest]) => {
        instance.addResourceBundle(language, 'translation', rest.default, true, true);
      });
      loading.catch(() => complete.delete(language)); // tried again by the next page that needs it
      complete.set(language, loading);
    }
    return loading;
  };
  // Back to the first language after leaving it early, before its rest came: the rest follows now,
  // and the screen is redrawn once it is there (bindI18nStore). (At init, not yet: isInitialized.)
  instance.on('languageChanged', (language) => {
    if (instance.isInitialized && isLocale(language)) void completeLanguage(language).catch(() => undefined);
  });
  currentLanguageComplete = () => completeLanguage(isLocale(instance.language) ? instance.language : initial);
  instance.use({
    type: 'backend',
    init: () => undefined,
    read: (language, _namespace, callback) => {
      if (!isLocale(language)) return callback(new Error(`no translations for ${language}`), null);
      const parts = instance.isInitialized
        ? Promise.all([TEXTS[language].first(), TEXTS[language].rest()]).then(([first, rest]) => {
            complete.set(language, Promise.resolve());
            return joinTexts(first.default, rest.default);
          })
        : TEXTS[language].first().then((first) => first.default);
      parts.then(
        (texts) => callback(null, texts),
        (error: Error) => callback(error, null),
      );
    },
  } satisfies BackendModule);
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
