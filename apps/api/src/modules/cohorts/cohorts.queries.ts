import type { AuthUser } from '@/core/auth/auth-user';
import type { SqlParams, Statement } from '@/core/database/sql-params';
import { ATTENDING_SQL, BENEFICIARY_SQL, COHORT_VIEWER_SQL } from './enrollment-statuses.sql';

/** The cohort, its teachers and the person's enrollment in one row (CohortPolicy.standing). */
export function cohortStanding(cohortId: string, userId: string): Statement {
  return [
    `SELECT c.centre_id, c.capacity,
              ARRAY(SELECT t.user_id::text FROM cohort_teachers t WHERE t.cohort_id = c.id) AS teacher_ids,
              (SELECT e.status FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = $2) AS enrollment
       FROM cohorts c WHERE c.id = $1`,
    [cohortId, userId],
  ];
}

/**
 * Whether the person sees some cohort of the course (`seesCohort` over the course's cohorts): they
 * teach one, are enrolled in one and have not left, or coordinate the centre of one.
 */
export function followsCourse(courseId: string, actor: AuthUser): Statement {
  return [
    `SELECT EXISTS (
       SELECT 1 FROM cohorts c
        WHERE c.course_id = $1
          AND (EXISTS (SELECT 1 FROM cohort_teachers t WHERE t.cohort_id = c.id AND t.user_id = $2)
            OR EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = $2 AND e.status IN ${COHORT_VIEWER_SQL})
            OR ($3::uuid IS NOT NULL AND c.centre_id = $3::uuid))
     ) AS follows`,
    [courseId, actor.id, actor.role === 'coordinator' ? actor.centreId : null],
  ];
}

/** The courses of the cohorts the person is enrolled in and has not left (a trainee's courses). */
export function enrolledCourseIds(userId: string): Statement {
  return [
    `SELECT DISTINCT c.course_id AS "courseId"
       FROM cohorts c JOIN enrollments e ON e.cohort_id = c.id
      WHERE e.user_id = $1 AND e.status IN ${COHORT_VIEWER_SQL}`,
    [userId],
  ];
}

/** The cohort's teachers and attending trainees in one row (CohortAccessService.roster). */
export function cohortRoster(cohortId: string): Statement {
  return [
    `SELECT c.centre_id, c.capacity,
              ARRAY(SELECT t.user_id::text FROM cohort_teachers t WHERE t.cohort_id = c.id) AS teacher_ids,
              ARRAY(SELECT e.user_id::text FROM enrollments e WHERE e.cohort_id = c.id AND e.status IN ${ATTENDING_SQL}) AS trainee_ids
       FROM cohorts c WHERE c.id = $1`,
    [cohortId],
  ];
}

/** Places taken (active and completed) and the length of the waitlist. */
export function cohortOccupancy(cohortId: string): Statement {
  return [
    `SELECT count(*) FILTER (WHERE status IN ${BENEFICIARY_SQL})::int AS taken,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waiting
         FROM enrollments WHERE cohort_id = $1`,
    [cohortId],
  ];
}

/** Numbers the waitlist 1, 2, … in its order, touching only the rows whose place changed. */
export function waitlistRenumbering(cohortId: string): Statement {
  return [
    `UPDATE enrollments e SET position = line.rank, updated_at = now()
         FROM (SELECT id, row_number() OVER (ORDER BY position, created_at, id) AS rank
                 FROM enrollments WHERE cohort_id = $1 AND status = 'waitlisted') line
        WHERE e.id = line.id AND e.position IS DISTINCT FROM line.rank`,
    [cohortId],
  ];
}

/** Takes the person off the teachers of the cohorts not ended by `today`, answering their ids. */
export function removeCurrentTeaching(userId: string, today: string): Statement {
  return [
    `DELETE FROM cohort_teachers ct USING cohorts c
        WHERE ct.cohort_id = c.id AND ct.user_id = $1 AND c.ends_on >= $2::date
        RETURNING ct.cohort_id`,
    [userId, today],
  ];
}

/** The `cohort_id`s of the person's schedule, as CohortPolicy.scheduleCohorts describes them. */
export function scheduleCohortIds(actor: AuthUser, params: SqlParams): string | 'all' {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'coordinator')
    return `SELECT c.id AS cohort_id FROM cohorts c WHERE c.centre_id = ${params.param(actor.centreId ?? null)}`;
  const user = params.param(actor.id);
  const taught = `SELECT t.cohort_id FROM cohort_teachers t WHERE t.user_id = ${user}`;
  return actor.role === 'expert'
    ? taught
    : `SELECT e.cohort_id FROM enrollments e WHERE e.user_id = ${user} AND e.status IN ${BENEFICIARY_SQL} UNION ${taught}`;
}

/**
 * What a roster notice names: the cohort, its course's titles, and the next scheduled session
 * (the first one the person can attend), read with the roster change's transaction.
 */
export function rosterNoticeContext(cohortId: string): Statement {
  return [
    `SELECT c.name AS "cohortName", co.title AS "courseTitles",
            (SELECT s.starts_at FROM live_sessions s
              WHERE s.cohort_id = c.id AND s.status = 'scheduled' AND s.ends_at > now()
              ORDER BY s.starts_at LIMIT 1) AS "firstStartsAt"
       FROM cohorts c JOIN courses co ON co.id = c.course_id
      WHERE c.id = $1`,
    [cohortId],
  ];
}
