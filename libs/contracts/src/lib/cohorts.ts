export const COHORT_KINDS = ['trainees', 'trainers'] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

export const ENROLLMENT_STATUSES = ['active', 'waitlisted', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/*
 * "In the cohort" means different things depending on what is asked; each named set below says which
 * enrollments count for one question. Ask the question, not the statuses.
 */
/** Enrollments whose holder takes part in the classes now: joins them, is on their attendance lists, gets their reminders. */
export const ATTENDING_STATUSES: readonly EnrollmentStatus[] = ['active'];
/**
 * Enrollments that hold a place for good, i.e. make someone a beneficiary of the programme: places
 * taken, schedules, reports, attendance averages, certificates.
 */
export const BENEFICIARY_STATUSES: readonly EnrollmentStatus[] = ['active', 'completed'];
/** Enrollments that let their holder see the cohort (a waitlisted place too); only withdrawing takes that away. */
export const COHORT_VIEWER_STATUSES: readonly EnrollmentStatus[] = ['active', 'waitlisted', 'completed'];
/** Enrollments a cohort's manager may withdraw: a completed one stays, a withdrawn one is already out. */
export const WITHDRAWABLE_STATUSES: readonly EnrollmentStatus[] = ['active', 'waitlisted'];

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
