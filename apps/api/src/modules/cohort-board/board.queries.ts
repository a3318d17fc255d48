import type { Statement } from '@/core/database/sql-params';

/**
 * SQL condition on a question aliased `q` (TypeORM's alias in QuestionsService): no answer of it is
 * visible. With "visible" and "older than the waiting time", it makes a question wait for an answer.
 */
export const NO_VISIBLE_ANSWER =
  'NOT EXISTS (SELECT 1 FROM question_answers x WHERE x.question_id = q.id AND x.hidden_at IS NULL)';

/**
 * Questions that have waited since before `waitingSince` with no visible answer and whose staff
 * were not told yet, oldest first, locked for this run (another worker skips them); with the
 * cohort's name and whom to tell: its teachers and the coordinators of its centre, if active.
 */
export function questionsNewlyWaiting(waitingSince: Date, limit: number): Statement {
  return [
    `SELECT q.id, q.cohort_id AS "cohortId", q.body, c.name AS "cohortName",
            ARRAY(SELECT u.id::text FROM users u
                   WHERE u.status = 'active'
                     AND (u.id IN (SELECT t.user_id FROM cohort_teachers t WHERE t.cohort_id = c.id)
                          OR (u.role = 'coordinator' AND u.centre_id = c.centre_id))) AS "staffIds"
       FROM cohort_questions q JOIN cohorts c ON c.id = q.cohort_id
      WHERE q.hidden_at IS NULL AND q.waiting_told_at IS NULL AND q.created_at < $1 AND ${NO_VISIBLE_ANSWER}
      ORDER BY q.created_at
      LIMIT $2
      FOR UPDATE OF q SKIP LOCKED`,
    [waitingSince, limit],
  ];
}
