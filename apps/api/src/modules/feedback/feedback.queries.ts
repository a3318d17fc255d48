import { SqlParams, type Statement } from '@/core/database/sql-params';

/** The answers of a session: their count and averages. */
export function feedbackTotals(sessionId: string): Statement {
  const p = new SqlParams();
  return [
    `SELECT count(*)::int AS answers,
            avg(content)::float8 AS content, avg(clarity)::float8 AS clarity,
            avg(audio_video)::float8 AS "audioVideo"
       FROM session_feedback WHERE session_id = ${p.param(sessionId)}`,
    p.values,
  ];
}

/** The comments of a session, alphabetical (never in the order written), with their authors. */
export function feedbackComments(sessionId: string): Statement {
  const p = new SqlParams();
  return [
    `SELECT f.comment, f.user_id AS "authorId", u.full_name AS "authorName"
       FROM session_feedback f JOIN users u ON u.id = f.user_id
      WHERE f.session_id = ${p.param(sessionId)} AND f.comment IS NOT NULL AND btrim(f.comment) <> ''
      ORDER BY f.comment, f.user_id`,
    p.values,
  ];
}
