import type { Statement } from '@/core/database/sql-params';

/** The cohort a session belongs to (null when there is no such session). */
export function cohortOfSession(sessionId: string): Statement {
  return [`SELECT cohort_id AS "cohortId" FROM live_sessions WHERE id = $1`, [sessionId]];
}

/**
 * The answers of the people who attend the cohort's classes now (active enrollments), and how
 * many of them have not answered yet: what a host needs to know before starting a recording.
 */
export function answersOfAttendees(cohortId: string): Statement {
  return [
    `SELECT e.user_id AS "userId", u.full_name AS "fullName", rc.choice, rc.text_version AS "textVersion",
            rc.decided_at AS "decidedAt"
       FROM enrollments e
       JOIN users u ON u.id = e.user_id
       LEFT JOIN recording_consents rc ON rc.cohort_id = e.cohort_id AND rc.user_id = e.user_id
      WHERE e.cohort_id = $1 AND e.status = 'active'
      ORDER BY u.full_name, e.user_id`,
    [cohortId],
  ];
}
