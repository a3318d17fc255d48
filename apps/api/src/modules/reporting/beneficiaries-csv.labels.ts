import type { Locale } from '@mre/contracts';

/** The file's columns, in the order of the query's. */
export const BENEFICIARY_COLUMNS = [
  'full_name',
  'email',
  'network',
  'sector',
  'centre',
  'cohort',
  'kind',
  'status',
] as const;

type Column = (typeof BENEFICIARY_COLUMNS)[number];

interface Labels {
  header: Record<Column, string>;
  kind: Record<string, string>;
  status: Record<string, string>;
  /** What Excel set to this language splits columns on: `;` where the decimal mark is a comma. */
  separator: ',' | ';';
}

/**
 * The beneficiaries export in its reader's language (their profile's): headers and the values that
 * are codes (kind of cohort, enrollment status; sectors come with their names), as the web app
 * words them.
 */
export const BENEFICIARY_LABELS: Record<Locale, Labels> = {
  fr: {
    header: {
      full_name: 'Nom complet',
      email: 'E-mail',
      network: 'Réseau',
      sector: 'Secteur',
      centre: 'Centre',
      cohort: 'Cohorte',
      kind: 'Type de cohorte',
      status: 'Statut',
    },
    kind: { trainees: 'Stagiaires', trainers: 'Formation de formateurs' },
    status: { active: 'Inscrit', completed: 'Terminé' },
    separator: ';',
  },
  ar: {
    header: {
      full_name: 'الاسم الكامل',
      email: 'البريد الإلكتروني',
      network: 'الشبكة',
      sector: 'القطاع',
      centre: 'المركز',
      cohort: 'الفوج',
      kind: 'نوع الفوج',
      status: 'الحالة',
    },
    kind: { trainees: 'متدربون', trainers: 'تكوين المكونين' },
    status: { active: 'مسجل', completed: 'أنهى الدورة' },
    separator: ';',
  },
  en: {
    header: {
      full_name: 'Full name',
      email: 'E-mail',
      network: 'Network',
      sector: 'Sector',
      centre: 'Centre',
      cohort: 'Cohort',
      kind: 'Kind of cohort',
      status: 'Status',
    },
    kind: { trainees: 'Trainees', trainers: 'Training of trainers' },
    status: { active: 'Enrolled', completed: 'Completed' },
    separator: ',',
  },
};
