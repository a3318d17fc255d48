export const COHORT_KINDS = ['trainees', 'trainers'] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

export const ENROLLMENT_STATUSES = ['active', 'waitlisted', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/** Enrollments that make someone a beneficiary of the programme (reports, attendance averages). */
export const BENEFICIARY_STATUSES = ['active', 'completed'] as const satisfies readonly EnrollmentStatus[];

export const JOB_STATES = ['waiting', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Why a row of an enrollment CSV was not imported; the web shows each in the reader's language,
 * with the row's values from `params` (email, firstRow, max, locale, timeZone, detail).
 */
export const IMPORT_ROW_PROBLEMS = [
  'unreadable-row',
  'email-missing',
  'email-invalid',
  'email-repeated',
  'name-missing',
  'name-too-long',
  'locale-unknown',
  'time-zone-unknown',
  'not-enrollable',
] as const;
export type ImportRowProblem = (typeof IMPORT_ROW_PROBLEMS)[number];
