import {
  ATTENDING_STATUSES,
  BENEFICIARY_STATUSES,
  COHORT_VIEWER_STATUSES,
  type EnrollmentStatus,
} from '@mre/contracts';

/** A named status set of @mre/contracts as an SQL list, `('active', 'completed')`, for `status IN …`. */
function statusList(statuses: readonly EnrollmentStatus[]): string {
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}

/** See ATTENDING_STATUSES: in the classes now. */
export const ATTENDING_SQL = statusList(ATTENDING_STATUSES);
/** See BENEFICIARY_STATUSES: places taken, schedules, reports, attendance averages. */
export const BENEFICIARY_SQL = statusList(BENEFICIARY_STATUSES);
/** See COHORT_VIEWER_STATUSES: who sees the cohort. */
export const COHORT_VIEWER_SQL = statusList(COHORT_VIEWER_STATUSES);
