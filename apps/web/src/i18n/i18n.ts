import { createInstance, type BackendModule, type i18n, type ResourceKey } from 'i18next';
import { isRtl, LOCALES, type Locale } from '@mre/contracts';
import { initialLocale } from './initial-locale';

const STORAGE_KEY = 'mre.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export type Translations = Record<Locale, ResourceKey>;

/**
 * Each language's texts come in two chunks, fetched when that language is first used: the few
 * sections the sign-in page shows (`virtual:sign-in-texts/<locale>`, made by the build from the
 * same JSON: see vite.config.mts), then everything once the pages behind the sign-in load
 * (`loadAllTexts`). A reader downloads one language, and the first page only its part of it. (The
 * key parity test keeps the languages complete, so nothing falls back.)
 */
const SIGN_IN_TEXTS: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  ar: () => import('virtual:sign-in-texts/ar'),
  fr: () => import('virtual:sign-in-texts/fr'),
  en: () => import('virtual:sign-in-texts/en'),
};
const ALL_TEXTS: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  ar: () => import('./ar.json'),
  fr: () => import('./fr.json'),
  en: () => import('./en.json'),
};
let allTexts = false;
const textsOnDemand = new WeakSet<i18n>();
const fullLoads = new WeakMap<i18n, Promise<void>>();
const fullyLoaded = new WeakSet<i18n>();

const loadOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLocale(language)) return callback(new Error(`no translations for ${language}`), null);
    const all = allTexts;
    (all ? ALL_TEXTS : SIGN_IN_TEXTS)
      [language]()
      // Asked for all texts while this language's sign-in part was on its way: all of them then.
      .then((module) => (!all && allTexts ? ALL_TEXTS[language]() : module))
      .then(
        (module: { default: ResourceKey }) => callback(null, module.default),
        (error: Error) => callback(error, null),
      );
  },
};

/** Whether every text of the language is there (always, when they were all given up front). */
export function allTextsLoaded(instance: i18n): boolean {
  return !textsOnDemand.has(instance) || fullyLoaded.has(instance);
}

/**
 * Every text of the current language (and of any chosen later), for the pages beyond the sign-in
 * page's part: started once, the same promise after that.
 */
export function loadAllTexts(instance: i18n): Promise<void> {
  if (allTextsLoaded(instance)) return Promise.resolve();
  let loading = fullLoads.get(instance);
  if (!loading) {
    allTexts = true;
    // Every language read so far (the page's, the profile's after signing in), not only the current.
    const languages = [...new Set([...Object.keys(instance.store.data), ...instance.languages])];
    loading = instance.reloadResources(languages.filter(isLocale)).then(() => void fullyLoaded.add(instance));
    fullLoads.set(instance, loading);
  }
  return loading;
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
    ...(translations
      ? {
          resources: Object.fromEntries(
            LOCALES.map((locale) => [locale, { translation: translations[locale] }]),
          ),
          initAsync: false,
        }
      : {}),
  });
  if (!translations) {
    instance.use(loadOnDemand);
    textsOnDemand.add(instance);
  }
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
