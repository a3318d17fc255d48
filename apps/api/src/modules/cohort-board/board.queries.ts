/**
 * SQL condition on a question aliased `q` (TypeORM's alias in QuestionsService): no answer of it is
 * visible. With "visible" and "older than the waiting time", it makes a question wait for an answer.
 */
export const NO_VISIBLE_ANSWER =
  'NOT EXISTS (SELECT 1 FROM question_answers x WHERE x.question_id = q.id AND x.hidden_at IS NULL)';
