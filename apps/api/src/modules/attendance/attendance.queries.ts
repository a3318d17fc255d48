import { BENEFICIARY_SQL } from '@/modules/cohorts/enrollment-statuses.sql';

/**
 * Recomputes `attendance_presence` for the (session_id, user_id) pairs that the query `pairs`
 * selects, and `attendance_session_presence` for their sessions, in one statement. The meaning is
 * the attendance calculator's (attendance-calculator.ts): each connection clamped to the scheduled
 * time, one still open when the room finished ending with the room (else at the scheduled end),
 * overlapping reconnects merged by range_agg and counted once. Every pair gets a row, 0 when nothing
 * of it falls within the session, so that a late leave shortening a connection is applied too.
 *
 * The worker and the dashboard benchmark's seed run this one statement, so the stored figures cannot
 * drift from one writer to another; the migration that created the tables ran a copy of it frozen at
 * that time (its backfill).
 * The caller holds the sessions' row locks (SessionsService.lockByRoomNames) or is alone.
 */
export function refreshPresenceSql(pairs: string): string {
  return `WITH pairs AS (
      SELECT DISTINCT session_id, user_id FROM (${pairs}) p
    ), computed AS (
      -- Per pair, through the (session_id, user_id) index: linear in the pairs, whatever the planner
      -- guesses of their number (as a join, a misjudged count of 1 made it quadratic).
      SELECT p.session_id, p.user_id,
             coalesce((SELECT sum(extract(epoch FROM upper(r) - lower(r)))
                         FROM unnest((SELECT range_agg(tstzrange(g.from_at, g.to_at))
                                        FROM (SELECT greatest(seg.joined_at, s.starts_at) AS from_at,
                                                     least(coalesce(seg.left_at, CASE WHEN s.room_finished_at > seg.joined_at THEN s.room_finished_at END, s.ends_at), s.ends_at) AS to_at
                                                FROM attendance_segments seg
                                               WHERE seg.session_id = p.session_id AND seg.user_id = p.user_id AND seg.joined_at IS NOT NULL) g
                                       WHERE g.to_at > g.from_at)) r), 0)::float8 AS present_seconds,
             EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = s.cohort_id AND e.user_id = p.user_id AND e.status IN ${BENEFICIARY_SQL}) AS counted
        FROM pairs p
        JOIN live_sessions s ON s.id = p.session_id
    ), stored AS (
      INSERT INTO attendance_presence (session_id, user_id, present_seconds, counted)
      SELECT session_id, user_id, present_seconds, counted FROM computed
      ON CONFLICT (session_id, user_id) DO UPDATE SET present_seconds = EXCLUDED.present_seconds, counted = EXCLUDED.counted
    )
    -- The statement sees the table as it was before \`stored\`: the session's other rows from there,
    -- the refreshed ones from \`computed\`.
    INSERT INTO attendance_session_presence (session_id, counted_seconds)
    SELECT session_id, coalesce(sum(present_seconds) FILTER (WHERE counted), 0)
      FROM (SELECT o.session_id, o.present_seconds, o.counted
              FROM attendance_presence o
             WHERE o.session_id IN (SELECT session_id FROM pairs)
               AND NOT EXISTS (SELECT 1 FROM pairs q WHERE q.session_id = o.session_id AND q.user_id = o.user_id)
            UNION ALL
            SELECT session_id, present_seconds, counted FROM computed) rows
     GROUP BY session_id
    ON CONFLICT (session_id) DO UPDATE SET counted_seconds = EXCLUDED.counted_seconds`;
}

/** Every pair that has a segment: the benchmark, after seeding segments by SQL. */
export const ALL_PAIRS = 'SELECT session_id, user_id FROM attendance_segments';
