import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, type CohortKind } from '@mre/contracts';
import { DataSource } from 'typeorm';
import { toCsv } from './csv';
import { BeneficiariesDto, CascadeDto, MonthDeliveryDto, ReportOverviewDto, ReportQueryDto } from './dto/report.dto';

/** Enrollments that make someone a beneficiary. */
const COUNTED = `('active', 'completed')`;

/** Positional parameters for one SQL statement. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The cohorts a report covers, as a WHERE clause over `c` (cohorts) and `co` (courses). The
 * cascade leaves the network out: a network's trainers may teach the cohorts of any network.
 */
function cohortScope(query: ReportQueryDto, params: Params, { network }: { network: boolean }): string {
  const where = ['TRUE'];
  if (query.from) where.push(`c.ends_on >= ${params.add(query.from)}::date`);
  if (query.to) where.push(`c.starts_on <= ${params.add(query.to)}::date`);
  if (network && query.networkId) where.push(`co.network_id = ${params.add(query.networkId)}`);
  if (query.sectorCode) where.push(`co.sector_code = ${params.add(query.sectorCode)}`);
  if (query.centreId) where.push(`c.centre_id = ${params.add(query.centreId)}`);
  return where.join(' AND ');
}

/** Sessions starting within the period, its days counted in the programme's time zone. */
function sessionWindow(query: ReportQueryDto, params: Params): string {
  const where = ['TRUE'];
  const zone = query.from || query.to ? params.add(DEFAULT_TIME_ZONE) : '';
  if (query.from) where.push(`s.starts_at >= (${params.add(query.from)}::date)::timestamp AT TIME ZONE ${zone}`);
  if (query.to) where.push(`s.starts_at < (${params.add(query.to)}::date + 1)::timestamp AT TIME ZONE ${zone}`);
  return where.join(' AND ');
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The programme dashboard, read straight from the tables of the other contexts with aggregate SQL
 * (this context owns no data): a million attendance segments stay in PostgreSQL.
 */
@Injectable()
export class ReportingService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(query: ReportQueryDto): Promise<ReportOverviewDto> {
    const [beneficiaries, byMonth, certificatesIssued, cascade] = await Promise.all([
      this.beneficiaries(query),
      this.delivery(query),
      this.certificatesIssued(query),
      this.cascade(query),
    ]);
    const pairs = byMonth.reduce((sum, m) => sum + m.pairs, 0);
    return {
      beneficiaries,
      sessionsHeld: byMonth.reduce((sum, m) => sum + m.sessionsHeld, 0),
      hoursDelivered: round1(byMonth.reduce((sum, m) => sum + m.seconds, 0) / 3600),
      averageAttendancePercent: pairs > 0 ? round1(byMonth.reduce((sum, m) => sum + m.percentSum, 0) / pairs) : null,
      certificatesIssued,
      byMonth: byMonth.map(({ month, sessionsHeld, seconds, percentSum, pairs: monthPairs }): MonthDeliveryDto => ({
        month,
        sessionsHeld,
        hoursDelivered: round1(seconds / 3600),
        averageAttendancePercent: monthPairs > 0 ? round1(percentSum / monthPairs) : null,
      })),
      cascade,
    };
  }

  /** One row per person and cohort (active or completed), for Excel. */
  async beneficiariesCsv(query: ReportQueryDto): Promise<string> {
    const params = new Params();
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT u.full_name, u.email, n.name AS network, co.sector_code AS sector, ce.name AS centre, c.name AS cohort, c.kind, e.status
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN courses co ON co.id = c.course_id
         JOIN networks n ON n.id = co.network_id
         JOIN centres ce ON ce.id = c.centre_id
        WHERE e.status IN ${COUNTED} AND ${cohortScope(query, params, { network: true })}
        ORDER BY c.name, c.id, u.full_name, u.email`,
      params.values,
    );
    const columns = ['full_name', 'email', 'network', 'sector', 'centre', 'cohort', 'kind', 'status'];
    return toCsv(columns, rows.map((row) => columns.map((column) => row[column])));
  }

  /** Distinct people, in total and per network, sector, centre and kind of cohort: one pass with grouping sets. */
  private async beneficiaries(query: ReportQueryDto): Promise<BeneficiariesDto> {
    const params = new Params();
    const rows: { set: string; key: string | null; name: string | null; count: number }[] = await this.dataSource.query(
      `WITH b AS (
         SELECT DISTINCT e.user_id, c.kind, c.centre_id, co.network_id, co.sector_code
           FROM enrollments e
           JOIN cohorts c ON c.id = e.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE e.status IN ${COUNTED} AND ${cohortScope(query, params, { network: true })}
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
    );
    const of = (set: string) => rows.filter((r) => r.set === set);
    return {
      total: of('total')[0]?.count ?? 0,
      byNetwork: of('network').map((r) => ({ networkId: r.key as string, name: r.name as string, count: r.count })),
      bySector: of('sector').map((r) => ({ sectorCode: r.key as string, count: r.count })),
      byCentre: of('centre').map((r) => ({ centreId: r.key as string, name: r.name as string, count: r.count })),
      byCohortKind: of('kind').map((r) => ({ kind: r.key as CohortKind, count: r.count })),
    };
  }

  /**
   * Held sessions, their hours and attendance, per month. A person's share of a session is the
   * union of their connections clamped to the scheduled time (range_agg merges overlapping
   * reconnects), as the attendance calculator does; an in-person check-in, or a manual correction
   * to present, is the whole session.
   */
  private async delivery(query: ReportQueryDto): Promise<{ month: string; sessionsHeld: number; seconds: number; percentSum: number; pairs: number }[]> {
    const params = new Params();
    const zone = params.add(DEFAULT_TIME_ZONE);
    return this.dataSource.query(
      `WITH held AS (
         SELECT s.id, s.cohort_id, s.starts_at, s.ends_at, s.room_finished_at,
                extract(epoch FROM s.ends_at - s.starts_at) AS seconds,
                to_char(s.starts_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month
           FROM live_sessions s
           JOIN cohorts c ON c.id = s.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE s.status = 'scheduled' AND s.ends_at <= now() AND s.ends_at > s.starts_at
            AND ${cohortScope(query, params, { network: true })} AND ${sessionWindow(query, params)}
       ), attendance_by_session AS (
         -- Session by session, so each aggregation is one session's few hundred segments (read
         -- through the (session_id, user_id) index) instead of one sort of every segment at once.
         SELECT h.month, x.pairs, x.percent_sum
           FROM held h
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS pairs,
                    coalesce(sum(CASE WHEN m.checked_in_at IS NOT NULL OR m.corrected_status = 'present' THEN 100 ELSE 100 * coalesce(p.seconds, 0) / h.seconds END), 0) AS percent_sum
               FROM enrollments e
               LEFT JOIN (
                 SELECT g.user_id, (SELECT sum(extract(epoch FROM upper(r) - lower(r))) FROM unnest(range_agg(tstzrange(g.from_at, g.to_at))) r) AS seconds
                   FROM (SELECT seg.user_id,
                                greatest(seg.joined_at, h.starts_at) AS from_at,
                                -- A connection still open when the room finished ended with the room; else at the end.
                                least(coalesce(seg.left_at, CASE WHEN h.room_finished_at > seg.joined_at THEN h.room_finished_at END, h.ends_at), h.ends_at) AS to_at
                           FROM attendance_segments seg
                          WHERE seg.session_id = h.id AND seg.joined_at IS NOT NULL) g
                  WHERE g.to_at > g.from_at
                  GROUP BY g.user_id
               ) p ON p.user_id = e.user_id
               LEFT JOIN attendance_marks m ON m.session_id = h.id AND m.user_id = e.user_id
              WHERE e.cohort_id = h.cohort_id AND e.status IN ${COUNTED}
           ) x
       ), sessions AS (
         SELECT month, count(*)::int AS sessions, sum(seconds)::float8 AS seconds FROM held GROUP BY month
       ), attendance AS (
         SELECT month, sum(percent_sum)::float8 AS percent_sum, sum(pairs)::int AS pairs FROM attendance_by_session GROUP BY month
       )
       SELECT s.month, s.sessions AS "sessionsHeld", s.seconds, coalesce(a.percent_sum, 0)::float8 AS "percentSum", coalesce(a.pairs, 0)::int AS pairs
         FROM sessions s LEFT JOIN attendance a USING (month)
        ORDER BY s.month`,
      params.values,
    );
  }

  private async certificatesIssued(query: ReportQueryDto): Promise<number> {
    const params = new Params();
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count
         FROM certificates cert
         JOIN cohorts c ON c.id = cert.cohort_id
         JOIN courses co ON co.id = c.course_id
        WHERE cert.status = 'valid' AND ${cohortScope(query, params, { network: true })}`,
      params.values,
    );
    return row.count;
  }

  /**
   * Per network: its direct beneficiaries, and the people its certified trainers reached in the
   * cohorts they teach (one level of the cascade), each person once and not twice with direct.
   */
  private async cascade(query: ReportQueryDto): Promise<CascadeDto[]> {
    const params = new Params();
    const network = query.networkId ? params.add(query.networkId) : null;
    const ctes = `WITH scope AS (
         SELECT c.id, co.network_id FROM cohorts c JOIN courses co ON co.id = c.course_id WHERE ${cohortScope(query, params, { network: false })}
       ), direct AS (
         SELECT DISTINCT s.network_id, e.user_id FROM scope s JOIN enrollments e ON e.cohort_id = s.id AND e.status IN ${COUNTED}
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
           FROM taught tg JOIN enrollments e ON e.cohort_id = tg.cohort_id AND e.status IN ${COUNTED}
          WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.network_id = tg.network_id AND d.user_id = e.user_id)
       )`;
    const rows: { networkId: string; name: string; direct: number; indirect: number; chain: CascadeDto['chain'] }[] = await this.dataSource.query(
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
    );
    return rows;
  }
}
