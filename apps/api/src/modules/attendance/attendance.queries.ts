import type { Statement } from '@/core/database/sql-params';
import { BENEFICIARY_SQL } from '@/modules/cohorts/enrollment-statuses.sql';
import type { ParticipantEvent, TouchedAttendance } from './attendance.service';

/** A join or leave merged into the connection's segment (see AttendanceService.recordParticipant). */
export function mergeSegment(event: ParticipantEvent): Statement {
  return [
    `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, participant_sid) DO UPDATE SET
         joined_at = LEAST(attendance_segments.joined_at, EXCLUDED.joined_at),
         left_at = GREATEST(attendance_segments.left_at, EXCLUDED.left_at)`,
    [event.session.id, event.participantSid, event.userId, event.joinedAt, event.leftAt],
  ];
}

/** A coordinator's check-in at the centre; the first check-in stays. */
export function checkIn(sessionId: string, userId: string, actorId: string): Statement {
  return [
    `INSERT INTO attendance_marks (session_id, user_id, checked_in_at, checked_in_by) VALUES ($1, $2, now(), $3)
         ON CONFLICT (session_id, user_id) DO UPDATE SET checked_in_at = COALESCE(attendance_marks.checked_in_at, now()), checked_in_by = COALESCE(attendance_marks.checked_in_by, $3), updated_at = now()`,
    [sessionId, userId, actorId],
  ];
}

/** A manual correction, replacing any earlier one. */
export function correct(
  sessionId: string,
  userId: string,
  status: string,
  reason: string,
  actorId: string,
): Statement {
  return [
    `INSERT INTO attendance_marks (session_id, user_id, corrected_status, correction_reason, corrected_by, corrected_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (session_id, user_id) DO UPDATE SET corrected_status = $3, correction_reason = $4, corrected_by = $5, corrected_at = now(), updated_at = now()`,
    [sessionId, userId, status, reason, actorId],
  ];
}

/** The touched pairs, for `refreshPresence`: given ones, and everyone of finished rooms. */
export function touchedPairs({ pairs, wholeSessionIds }: TouchedAttendance): Statement {
  return [
    `SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS t(session_id, user_id)
  UNION ALL SELECT session_id, user_id FROM attendance_segments WHERE session_id = ANY($3::uuid[])`,
    [pairs.map((p) => p.sessionId), pairs.map((p) => p.userId), wholeSessionIds],
  ];
}

/** Every pair that has a segment: the benchmark, after seeding segments by SQL. */
export function allPairs(): Statement {
  return ['SELECT session_id, user_id FROM attendance_segments', []];
}

/**
 * Recomputes `attendance_presence` for the (session_id, user_id) pairs that the query `pairs`
 * selects (its parameters are the statement's), and `attendance_session_presence` for their sessions, in one statement. The meaning is
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
export function refreshPresence([pairs, values]: Statement): Statement {
  return [
    `WITH pairs AS (
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
    ON CONFLICT (session_id) DO UPDATE SET counted_seconds = EXCLUDED.counted_seconds`,
    values,
  ];
}
