import type { Translations } from '@/i18n/i18n';
import ar from '@/i18n/ar.json';
import en from '@/i18n/en.json';
import fr from '@/i18n/fr.json';

/** Every language up front, so that tests render texts at once (the browser fetches one on demand). */
export const TRANSLATIONS: Translations = { ar, fr, en };
