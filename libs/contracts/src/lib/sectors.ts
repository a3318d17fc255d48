import type { LocalizedText } from './locales';

export const SECTOR_CODES = [
  'aeronautics',
  'automotive',
  'health',
  'digital',
  'ai',
  'distance-learning',
] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

export const SECTOR_NAMES: Record<SectorCode, Required<LocalizedText>> = {
  aeronautics: { ar: 'صناعة الطيران', fr: 'Aéronautique', en: 'Aeronautics' },
  automotive: { ar: 'صناعة السيارات', fr: 'Automobile', en: 'Automotive' },
  health: { ar: 'الصحة', fr: 'Santé', en: 'Health' },
  digital: { ar: 'الرقمنة', fr: 'Numérique', en: 'Digital' },
  ai: { ar: 'الذكاء الاصطناعي', fr: 'Intelligence artificielle', en: 'Artificial intelligence' },
  'distance-learning': { ar: 'التكوين عن بعد', fr: 'Formation à distance', en: 'Distance learning' },
};
