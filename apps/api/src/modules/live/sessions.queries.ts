import { SqlParams, type Statement } from '@/core/database/sql-params';
import type { PageQuery } from '@/core/database/page-query';
import { pageWindow } from '@/core/http/pagination';
import type { LocalizedText, SessionStatus } from '@mre/contracts';
import type { ScheduleQueryDto } from './dto/session.dto';

/** A timestamptz column as JavaScript's toISOString() writes it (UTC, milliseconds, `Z`). */
function isoText(column: string): string {
  return `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * A page of the schedule: the sessions of the cohorts `cohorts` selects (with parameters from the
 * page's own), from `query.from` (now by default). The rows come out as SessionDto (instants as ISO
 * text): turning 40 timestamps a page into Dates and back was a tenth of the API's CPU on a schedule.
 */
export function schedulePage(
  query: ScheduleQueryDto,
  joinWindow: number,
  cohorts: (params: SqlParams) => string | 'all',
): PageQuery {
  const params = new SqlParams();
  const cohortIds = cohorts(params);
  const where = [
    `s.ends_at > ${params.param(query.from ? new Date(query.from).toISOString() : new Date().toISOString())}`,
  ];
  if (cohortIds !== 'all') where.push(`s.cohort_id IN (${cohortIds})`);
  if (query.to) where.push(`s.starts_at < ${params.param(new Date(query.to).toISOString())}`);
  if (query.cohortId) where.push(`s.cohort_id = ${params.param(query.cohortId)}`);
  return {
    table: 'live_sessions s',
    where,
    orderBy: ['s.starts_at', 's.id'],
    columns: `s.id, s.cohort_id AS "cohortId", s.title, COALESCE(NULLIF(s.titles, '{}'::jsonb), jsonb_build_object('fr', s.title)) AS titles, ${isoText('s.starts_at')} AS "startsAt", ${isoText('s.ends_at')} AS "endsAt",
                s.local_start AS "localStart", s.time_zone AS "timeZone", ${isoText(`s.starts_at - make_interval(mins => ${joinWindow})`)} AS "joinOpensAt",
                round(extract(epoch FROM s.ends_at - s.starts_at) / 60)::int AS "durationMinutes", s.mode, s.status,
                s.room_name AS "roomName", s.series_id AS "seriesId", s.cancellation_reasons AS "cancellationReasons",
                ${seriesPlace('s')},
                EXISTS (SELECT 1 FROM recordings r WHERE r.session_id = s.id AND r.video_key IS NOT NULL) AS "recordingAvailable",
                ARRAY(SELECT u.full_name FROM cohort_teachers ct JOIN users u ON u.id = ct.user_id
                       WHERE ct.cohort_id = s.cohort_id ORDER BY u.full_name) AS "teacherNames"`,
    params,
    ...pageWindow(query),
  };
}

/**
 * Where a session of a weekly series stands in it, cancelled ones counted ("3 of 8" stays true when
 * one is called off); null outside a series. A series is one cohort's: its index keeps this cheap.
 */
function seriesPlace(s: string): string {
  const ofSeries = `FROM live_sessions o WHERE o.cohort_id = ${s}.cohort_id AND o.series_id = ${s}.series_id`;
  return `CASE WHEN ${s}.series_id IS NULL THEN NULL
               ELSE (SELECT count(*)::int ${ofSeries} AND (o.starts_at, o.id) <= (${s}.starts_at, ${s}.id)) END AS "seriesPosition",
          CASE WHEN ${s}.series_id IS NULL THEN NULL ELSE (SELECT count(*)::int ${ofSeries}) END AS "seriesLength"`;
}

/** The cohorts with a scheduled session starting after `now`, in id order. */
export function cohortsWithFutureSessions(now: Date): Statement {
  return [
    `SELECT DISTINCT cohort_id FROM live_sessions WHERE status = 'scheduled' AND starts_at > $1 ORDER BY cohort_id`,
    [now],
  ];
}

/** The sessions' overlap constraint, checked at commit instead of after each row. */
export function deferOverlapCheck(): Statement {
  return ['SET CONSTRAINTS no_overlapping_sessions DEFERRED', []];
}

/** A session as a calendar feed writes it. */
export interface CalendarSessionRow {
  id: string;
  cohortName: string;
  titles: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  icsSequence: number;
}

/**
 * The sessions of the cohorts `cohorts` selects (as in the schedule) that end after `since`,
 * cancelled ones included (a feed tells calendars they are off), in start order, at most `limit`.
 */
export function calendarSessions(
  since: Date,
  cohortId: string | undefined,
  limit: number,
  cohorts: (params: SqlParams) => string | 'all',
): Statement {
  const params = new SqlParams();
  const cohortIds = cohorts(params);
  const where = [`s.ends_at > ${params.param(since)}`];
  if (cohortIds !== 'all') where.push(`s.cohort_id IN (${cohortIds})`);
  if (cohortId) where.push(`s.cohort_id = ${params.param(cohortId)}`);
  return [
    `SELECT s.id, c.name AS "cohortName",
            COALESCE(NULLIF(s.titles, '{}'::jsonb), jsonb_build_object('fr', s.title)) AS titles,
            s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, s.ics_sequence AS "icsSequence"
       FROM live_sessions s JOIN cohorts c ON c.id = s.cohort_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.starts_at, s.id
      LIMIT ${params.param(limit)}`,
    params.values,
  ];
}
