import type { Locale } from '@mre/contracts';

export const LEARNING_GAIN_COLUMNS = [
  'preTestAverage',
  'preTestCount',
  'postTestAverage',
  'postTestCount',
  'gain',
  'pairedCount',
] as const;

export const SATISFACTION_COLUMNS = ['content', 'clarity', 'audioVideo', 'answers', 'sessions'] as const;

type Dimension = 'total' | 'network' | 'sector' | 'centre' | 'kind' | 'expert';
type Column =
  'dimension' | 'group' | (typeof LEARNING_GAIN_COLUMNS)[number] | (typeof SATISFACTION_COLUMNS)[number];

interface Labels {
  header: Record<Column, string>;
  dimension: Record<Dimension, string>;
  total: string;
  kind: Record<string, string>;
  /** The decimal mark of Excel in this language: a comma where columns split on `;`. */
  decimal: '.' | ',';
  separator: ',' | ';';
}

/** The learning-gain and satisfaction exports in the reader's language (their profile's). */
export const OUTCOME_LABELS: Record<Locale, Labels> = {
  fr: {
    header: {
      dimension: 'Regroupement',
      group: 'Groupe',
      preTestAverage: 'Pré-test moyen (%)',
      preTestCount: 'Personnes au pré-test',
      postTestAverage: 'Post-test moyen (%)',
      postTestCount: 'Personnes au post-test',
      gain: 'Gain (points)',
      pairedCount: 'Personnes aux deux tests',
      content: 'Contenu (1–5)',
      clarity: 'Clarté (1–5)',
      audioVideo: 'Son et image (1–5)',
      answers: 'Réponses',
      sessions: 'Séances',
    },
    dimension: {
      total: 'Ensemble',
      network: 'Réseau',
      sector: 'Secteur',
      centre: 'Centre',
      kind: 'Type de cohorte',
      expert: 'Expert',
    },
    total: 'Toutes les cohortes',
    kind: { trainees: 'Stagiaires', trainers: 'Formation de formateurs' },
    decimal: ',',
    separator: ';',
  },
  ar: {
    header: {
      dimension: 'التجميع',
      group: 'المجموعة',
      preTestAverage: 'متوسط الاختبار القبلي (%)',
      preTestCount: 'عدد من اجتاز الاختبار القبلي',
      postTestAverage: 'متوسط الاختبار البعدي (%)',
      postTestCount: 'عدد من اجتاز الاختبار البعدي',
      gain: 'المكسب (نقاط)',
      pairedCount: 'عدد من اجتاز الاختبارين',
      content: 'المحتوى (1–5)',
      clarity: 'الوضوح (1–5)',
      audioVideo: 'الصوت والصورة (1–5)',
      answers: 'الإجابات',
      sessions: 'الحصص',
    },
    dimension: {
      total: 'المجموع',
      network: 'الشبكة',
      sector: 'القطاع',
      centre: 'المركز',
      kind: 'نوع الفوج',
      expert: 'الخبير',
    },
    total: 'كل الأفواج',
    kind: { trainees: 'متدربون', trainers: 'تكوين المكونين' },
    decimal: ',',
    separator: ';',
  },
  en: {
    header: {
      dimension: 'Grouped by',
      group: 'Group',
      preTestAverage: 'Mean pre-test (%)',
      preTestCount: 'People with a pre-test',
      postTestAverage: 'Mean post-test (%)',
      postTestCount: 'People with a post-test',
      gain: 'Gain (points)',
      pairedCount: 'People with both tests',
      content: 'Content (1–5)',
      clarity: 'Clarity (1–5)',
      audioVideo: 'Sound and picture (1–5)',
      answers: 'Answers',
      sessions: 'Sessions',
    },
    dimension: {
      total: 'All',
      network: 'Network',
      sector: 'Sector',
      centre: 'Centre',
      kind: 'Kind of cohort',
      expert: 'Expert',
    },
    total: 'All cohorts',
    kind: { trainees: 'Trainees', trainers: 'Training of trainers' },
    decimal: '.',
    separator: ',',
  },
};
