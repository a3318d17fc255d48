import { SqlParams, type Statement } from '@/core/database/sql-params';

/** When a recording's files go: its end plus its cohort's retention, else the platform's (days). */
function expiry(defaultDays: string): string {
  return `r.ended_at + make_interval(days => coalesce(c.recording_retention_days, ${defaultDays}))`;
}

const WITH_COHORT = `recordings r
  JOIN live_sessions s ON s.id = r.session_id
  JOIN cohorts c ON c.id = s.cohort_id`;

/** Whether the session's cohort allows its sessions to be recorded (answers `allowed`). */
export function recordingAllowed(sessionId: string): Statement {
  return [
    `SELECT c.recording_allowed AS "allowed" FROM live_sessions s JOIN cohorts c ON c.id = s.cohort_id WHERE s.id = $1`,
    [sessionId],
  ];
}

export interface RecordingRow {
  id: string;
  status: string;
  startedAt: Date;
  durationSeconds: number | null;
  sizeBytes: string | null;
  audioSizeBytes: string | null;
  failureReason: string | null;
  expiresAt: Date | null;
}

/** A session's recordings (or one recording), oldest first, with when each expires (or expired). */
export function recordingRows(
  of: { sessionId: string } | { recordingId: string },
  defaultDays: number,
): Statement {
  const params = new SqlParams();
  const where =
    'sessionId' in of
      ? `r.session_id = ${params.param(of.sessionId)}`
      : `r.id = ${params.param(of.recordingId)}`;
  const text = `
    SELECT r.id, r.status, r.started_at AS "startedAt", r.duration_seconds AS "durationSeconds",
           r.video_size_bytes AS "sizeBytes", r.audio_size_bytes AS "audioSizeBytes",
           r.failure_reason AS "failureReason",
           CASE WHEN r.expired_at IS NOT NULL THEN r.expired_at
                WHEN r.ended_at IS NULL THEN NULL
                ELSE ${expiry(params.param(defaultDays))} END AS "expiresAt"
      FROM ${WITH_COHORT}
     WHERE ${where}
     ORDER BY r.started_at, r.id`;
  return [text, params.values];
}

/** Recordings whose retention is over at `now` and whose files are still kept. */
export function recordingsDue(now: Date, defaultDays: number): Statement {
  const params = new SqlParams();
  const text = `
    SELECT r.id
      FROM ${WITH_COHORT}
     WHERE r.status IN ('ended', 'failed') AND r.ended_at IS NOT NULL
       AND ${expiry(params.param(defaultDays))} <= ${params.param(now.toISOString())}
     ORDER BY r.ended_at`;
  return [text, params.values];
}

/**
 * Recordings still `active` a day after they started: their Egress ended without a webhook (or
 * never started), and nobody stopped them. They become `failed` with `reason`, ended when they
 * started, so that retention expires whatever Egress left; answers their ids.
 */
export function failStuckRecordings(now: Date, reason: string): Statement {
  const params = new SqlParams();
  const text = `
    UPDATE recordings
       SET status = 'failed', ended_at = coalesce(ended_at, started_at),
           failure_reason = coalesce(failure_reason, ${params.param(reason)}), updated_at = now()
     WHERE status = 'active' AND started_at <= ${params.param(now.toISOString())}::timestamptz - interval '1 day'
     RETURNING id`;
  return [text, params.values];
}

/** Counts one view of an output by one person; the first view's time stays. */
export function countView(recordingId: string, userId: string, output: string): Statement {
  const params = new SqlParams();
  const text = `
    INSERT INTO recording_views (recording_id, user_id, output, first_viewed_at, last_viewed_at, views)
    VALUES (${params.param(recordingId)}, ${params.param(userId)}, ${params.param(output)}, now(), now(), 1)
    ON CONFLICT (recording_id, user_id, output)
    DO UPDATE SET last_viewed_at = now(), views = recording_views.views + 1`;
  return [text, params.values];
}
