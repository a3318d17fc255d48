import { SqlParams, type Statement } from '@/core/database/sql-params';
import { BENEFICIARY_SQL } from '@/modules/cohorts/enrollment-statuses.sql';
import type { ReportQueryDto } from './dto/report.dto';

/**
 * The cohorts a report covers, as a WHERE clause over `c` (cohorts) and `co` (courses). The
 * cascade leaves the network out: a network's trainers may teach the cohorts of any network.
 */
function cohortScope(query: ReportQueryDto, params: SqlParams, { network }: { network: boolean }): string {
  const where = ['TRUE'];
  if (query.from) where.push(`c.ends_on >= ${params.param(query.from)}::date`);
  if (query.to) where.push(`c.starts_on <= ${params.param(query.to)}::date`);
  if (network && query.networkId) where.push(`co.network_id = ${params.param(query.networkId)}`);
  if (query.sectorCode) where.push(`co.sector_code = ${params.param(query.sectorCode)}`);
  if (query.centreId) where.push(`c.centre_id = ${params.param(query.centreId)}`);
  return where.join(' AND ');
}

/** The rows of the beneficiaries CSV, ordered as the file lists them. */
export function beneficiaryRows(query: ReportQueryDto): Statement {
  const params = new SqlParams();
  return [
    `SELECT u.full_name, u.email, n.name AS network, n.names AS network_names, co.sector_code AS sector,
            s.name AS sector_name, ce.name AS centre, ce.names AS centre_names, c.name AS cohort, c.kind,
            e.status
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN courses co ON co.id = c.course_id
         JOIN networks n ON n.id = co.network_id
         JOIN centres ce ON ce.id = c.centre_id
         LEFT JOIN sectors s ON s.code = co.sector_code
        WHERE e.status IN ${BENEFICIARY_SQL} AND ${cohortScope(query, params, { network: true })}
        ORDER BY c.name, c.id, u.full_name, u.email`,
    params.values,
  ];
}

/** One row per grouping set of the beneficiaries (see ReportingService.beneficiaries). */
export function beneficiaryCounts(query: ReportQueryDto): Statement {
  const params = new SqlParams();
  return [
    `WITH b AS (
         SELECT DISTINCT e.user_id, c.kind, c.centre_id, co.network_id, co.sector_code
           FROM enrollments e
           JOIN cohorts c ON c.id = e.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE e.status IN ${BENEFICIARY_SQL} AND ${cohortScope(query, params, { network: true })}
       ), g AS (
         SELECT CASE WHEN GROUPING(network_id) = 0 THEN 'network' WHEN GROUPING(sector_code) = 0 THEN 'sector'
                     WHEN GROUPING(centre_id) = 0 THEN 'centre' WHEN GROUPING(kind) = 0 THEN 'kind' ELSE 'total' END AS set,
                coalesce(network_id::text, sector_code, centre_id::text, kind) AS key,
                count(DISTINCT user_id)::int AS count
           FROM b
          GROUP BY GROUPING SETS ((), (network_id), (sector_code), (centre_id), (kind))
       )
       SELECT g.set, g.key, coalesce(n.name, ce.name) AS name, g.count
         FROM g
         LEFT JOIN networks n ON g.set = 'network' AND n.id::text = g.key
         LEFT JOIN centres ce ON g.set = 'centre' AND ce.id::text = g.key
        ORDER BY g.count DESC, name, g.key`,
    params.values,
  ];
}

/**
 * Held sessions, their seconds and summed attendance percentages, per bucket of `edges` (see
 * ReportingService.delivery for the stored totals and their corrections).
 */
export function deliveryByBucket(query: ReportQueryDto, edges: Date[]): Statement {
  const params = new SqlParams();
  const bounds = params.param(edges);
  return [
    `WITH held AS (
         SELECT s.id, s.cohort_id,
                extract(epoch FROM s.ends_at - s.starts_at)::float8 AS seconds,
                width_bucket(s.starts_at, ${bounds}::timestamptz[]) AS bucket
           FROM live_sessions s
           JOIN cohorts c ON c.id = s.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE s.status = 'scheduled' AND s.ends_at <= now() AND s.ends_at > s.starts_at
            AND s.starts_at >= ${params.param(edges[0])} AND s.starts_at < ${params.param(edges[edges.length - 1])}
            AND ${cohortScope(query, params, { network: true })}
       ), counted AS (
         SELECT e.cohort_id, count(*)::int AS people
           FROM enrollments e
          WHERE e.status IN ${BENEFICIARY_SQL} AND e.cohort_id IN (SELECT cohort_id FROM held)
          GROUP BY e.cohort_id
       ), corrections AS (
         -- Counted when stored, not now (withdrawn, back on the waitlist).
         SELECT p.session_id, -p.present_seconds AS seconds
           FROM held h
           JOIN enrollments e ON e.cohort_id = h.cohort_id AND e.status NOT IN ${BENEFICIARY_SQL}
           JOIN attendance_presence p ON p.session_id = h.id AND p.user_id = e.user_id AND p.counted
         UNION ALL
         -- Counted now, not when stored (promoted from the waitlist, enrolled later).
         SELECT p.session_id, p.present_seconds
           FROM held h
           JOIN attendance_presence p ON p.session_id = h.id AND NOT p.counted
           JOIN enrollments e ON e.cohort_id = h.cohort_id AND e.user_id = p.user_id AND e.status IN ${BENEFICIARY_SQL}
         UNION ALL
         -- Checked in at the centre, or corrected to present by hand: the whole session.
         SELECT h.id, h.seconds - coalesce(p.present_seconds, 0)
           FROM held h
           JOIN attendance_marks m ON m.session_id = h.id AND (m.checked_in_at IS NOT NULL OR m.corrected_status = 'present')
           JOIN enrollments e ON e.cohort_id = h.cohort_id AND e.user_id = m.user_id AND e.status IN ${BENEFICIARY_SQL}
           LEFT JOIN attendance_presence p ON p.session_id = m.session_id AND p.user_id = m.user_id
       ), corrected AS (
         SELECT session_id, sum(seconds) AS seconds FROM corrections GROUP BY session_id
       )
       SELECT h.bucket, count(*)::int AS "sessionsHeld", sum(h.seconds)::float8 AS seconds,
              coalesce(sum(100 * (coalesce(sp.counted_seconds, 0) + coalesce(x.seconds, 0)) / h.seconds), 0)::float8 AS "percentSum",
              coalesce(sum(c.people), 0)::int AS pairs
         FROM held h
         LEFT JOIN counted c ON c.cohort_id = h.cohort_id
         LEFT JOIN attendance_session_presence sp ON sp.session_id = h.id
         LEFT JOIN corrected x ON x.session_id = h.id
        GROUP BY h.bucket
        ORDER BY h.bucket`,
    params.values,
  ];
}

/** The start of the earliest session in [start, end), held or not. */
export function earliestSessionStart(start: Date | undefined, end: Date): Statement {
  const params = new SqlParams();
  const before = params.param(end);
  const after = start ? ` AND starts_at >= ${params.param(start)}` : '';
  return [
    `SELECT min(starts_at) AS first FROM live_sessions WHERE starts_at < ${before}${after}`,
    params.values,
  ];
}

/** Valid certificates of the cohorts in scope. */
export function validCertificateCount(query: ReportQueryDto): Statement {
  const params = new SqlParams();
  return [
    `SELECT count(*)::int AS count
         FROM certificates cert
         JOIN cohorts c ON c.id = cert.cohort_id
         JOIN courses co ON co.id = c.course_id
        WHERE cert.status = 'valid' AND ${cohortScope(query, params, { network: true })}`,
    params.values,
  ];
}

/** One row per network reached, directly or through its trainers (see ReportingService.cascade). */
export function cascadeByNetwork(query: ReportQueryDto): Statement {
  const params = new SqlParams();
  const network = query.networkId ? params.param(query.networkId) : null;
  const ctes = `WITH scope AS (
         SELECT c.id, co.network_id FROM cohorts c JOIN courses co ON co.id = c.course_id WHERE ${cohortScope(query, params, { network: false })}
       ), direct AS (
         SELECT DISTINCT s.network_id, e.user_id FROM scope s JOIN enrollments e ON e.cohort_id = s.id AND e.status IN ${BENEFICIARY_SQL}
       ), trained AS (
         SELECT DISTINCT co.network_id, cert.cohort_id AS trainers_cohort_id, cert.user_id AS trainer_id
           FROM certificates cert
           JOIN cohorts c ON c.id = cert.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE cert.status = 'valid' AND cert.cohort_kind = 'trainers'${network ? ` AND co.network_id = ${network}` : ''}
       ), taught AS (
         SELECT DISTINCT t.network_id, t.trainers_cohort_id, ct.cohort_id
           FROM trained t JOIN cohort_teachers ct ON ct.user_id = t.trainer_id JOIN scope s ON s.id = ct.cohort_id
       ), reached AS (
         SELECT DISTINCT tg.network_id, tg.trainers_cohort_id, e.user_id
           FROM taught tg JOIN enrollments e ON e.cohort_id = tg.cohort_id AND e.status IN ${BENEFICIARY_SQL}
          WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.network_id = tg.network_id AND d.user_id = e.user_id)
       )`;
  return [
    `${ctes}
       SELECT n.id AS "networkId", n.name,
              (SELECT count(*) FROM direct d WHERE d.network_id = n.id)::int AS direct,
              (SELECT count(DISTINCT r.user_id) FROM reached r WHERE r.network_id = n.id)::int AS indirect,
              coalesce((
                SELECT json_agg(json_build_object(
                         'trainersCohortId', l.trainers_cohort_id, 'trainersCohortName', l.name, 'certifiedTrainers', l.trainers,
                         'taughtCohorts', l.cohorts, 'trainees', l.trainees) ORDER BY l.name, l.trainers_cohort_id)
                  FROM (SELECT t.trainers_cohort_id, c.name, count(*)::int AS trainers,
                               (SELECT count(*) FROM taught tg WHERE tg.network_id = n.id AND tg.trainers_cohort_id = t.trainers_cohort_id)::int AS cohorts,
                               (SELECT count(*) FROM reached r WHERE r.network_id = n.id AND r.trainers_cohort_id = t.trainers_cohort_id)::int AS trainees
                          FROM trained t JOIN cohorts c ON c.id = t.trainers_cohort_id
                         WHERE t.network_id = n.id
                         GROUP BY t.trainers_cohort_id, c.name) l
              ), '[]'::json) AS chain
         FROM networks n
        WHERE (EXISTS (SELECT 1 FROM direct d WHERE d.network_id = n.id) OR EXISTS (SELECT 1 FROM reached r WHERE r.network_id = n.id))
              ${network ? `AND n.id = ${network}` : ''}
        ORDER BY n.name, n.id`,
    params.values,
  ];
}

/** The language a person reads the app in (their profile's), for the files made for them. */
export function readerLocale(userId: string): Statement {
  return ['SELECT locale FROM users WHERE id = $1', [userId]];
}

/**
 * Learning gain, one row per grouping set (total, network, sector, centre, kind of cohort). A unit
 * is a person in a cohort they count in (active or completed); their pre-test and post-test scores
 * are the best percent of their submitted, graded attempts at the quizzes of that purpose in that
 * cohort. The gain is the mean of post − pre over the units that have both.
 */
export function learningGainGroups(query: ReportQueryDto): Statement {
  const params = new SqlParams();
  return [
    `WITH scope AS (
         SELECT c.id, c.kind, c.centre_id, co.network_id, co.sector_code
           FROM cohorts c JOIN courses co ON co.id = c.course_id
          WHERE ${cohortScope(query, params, { network: true })}
       ), best AS (
         SELECT a.cohort_id, a.user_id,
                max(100.0 * a.score / a.max_score) FILTER (WHERE q.purpose = 'pre-test') AS pre,
                max(100.0 * a.score / a.max_score) FILTER (WHERE q.purpose = 'post-test') AS post
           FROM quiz_attempts a
           JOIN scope s ON s.id = a.cohort_id
           JOIN quizzes q ON q.id = a.quiz_id AND q.purpose IN ('pre-test', 'post-test')
           JOIN enrollments e ON e.cohort_id = a.cohort_id AND e.user_id = a.user_id AND e.status IN ${BENEFICIARY_SQL}
          WHERE a.submitted_at IS NOT NULL AND a.score IS NOT NULL AND a.max_score > 0
          GROUP BY a.cohort_id, a.user_id
       ), g AS (
         SELECT CASE WHEN GROUPING(s.network_id) = 0 THEN 'network' WHEN GROUPING(s.sector_code) = 0 THEN 'sector'
                     WHEN GROUPING(s.centre_id) = 0 THEN 'centre' WHEN GROUPING(s.kind) = 0 THEN 'kind' ELSE 'total' END AS set,
                coalesce(s.network_id::text, s.sector_code, s.centre_id::text, s.kind) AS key,
                avg(b.pre)::float8 AS "preTestAverage", count(b.pre)::int AS "preTestCount",
                avg(b.post)::float8 AS "postTestAverage", count(b.post)::int AS "postTestCount",
                avg(b.post - b.pre)::float8 AS gain, count(b.post - b.pre)::int AS "pairedCount"
           FROM best b JOIN scope s ON s.id = b.cohort_id
          GROUP BY GROUPING SETS ((), (s.network_id), (s.sector_code), (s.centre_id), (s.kind))
       )
       SELECT g.*, coalesce(n.name, ce.name) AS name, coalesce(n.names, ce.names) AS names,
              sec.name AS sector_name
         FROM g
         LEFT JOIN networks n ON g.set = 'network' AND n.id::text = g.key
         LEFT JOIN centres ce ON g.set = 'centre' AND ce.id::text = g.key
         LEFT JOIN sectors sec ON g.set = 'sector' AND sec.code = g.key
        ORDER BY array_position(ARRAY['total', 'network', 'sector', 'centre', 'kind'], g.set), coalesce(n.name, ce.name, g.key), g.key`,
    params.values,
  ];
}

/**
 * Satisfaction with the held sessions of the cohorts in scope that start in [start, end): the
 * feedback answers per network (the course's) and per expert (each teacher of the session's cohort
 * counts every answer of its sessions).
 */
export function satisfactionGroups(query: ReportQueryDto, start?: Date, end?: Date): Statement {
  const params = new SqlParams();
  const period = [
    start ? `s.starts_at >= ${params.param(start)}` : 'TRUE',
    end ? `s.starts_at < ${params.param(end)}` : 'TRUE',
  ].join(' AND ');
  const measures = `avg(a.content)::float8 AS content, avg(a.clarity)::float8 AS clarity,
                avg(a.audio_video)::float8 AS "audioVideo", count(*)::int AS answers,
                count(DISTINCT a.session_id)::int AS sessions`;
  return [
    `WITH a AS (
         SELECT f.session_id, f.content, f.clarity, f.audio_video, s.cohort_id, co.network_id
           FROM session_feedback f
           JOIN live_sessions s ON s.id = f.session_id
           JOIN cohorts c ON c.id = s.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE ${period} AND ${cohortScope(query, params, { network: true })}
       )
       SELECT 'network' AS set, n.id AS key, n.name, ${measures}
         FROM a JOIN networks n ON n.id = a.network_id
        GROUP BY n.id, n.name
       UNION ALL
       SELECT 'expert', u.id, u.full_name, ${measures}
         FROM a JOIN cohort_teachers ct ON ct.cohort_id = a.cohort_id JOIN users u ON u.id = ct.user_id
        GROUP BY u.id, u.full_name
       ORDER BY set DESC, name, key`,
    params.values,
  ];
}
