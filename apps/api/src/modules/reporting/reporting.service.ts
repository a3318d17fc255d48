import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, type CohortKind } from '@mre/contracts';
import { DataSource } from 'typeorm';
import { BENEFICIARY_SQL } from '../cohorts/enrollment.entity';
import { toCsv } from './csv';
import { BeneficiariesDto, CascadeDto, MonthDeliveryDto, ReportOverviewDto, ReportQueryDto } from './dto/report.dto';

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
 * (this context owns no data). Attendance comes from the presence the worker stores per session,
 * never from the million attendance segments.
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
        WHERE e.status IN ${BENEFICIARY_SQL} AND ${cohortScope(query, params, { network: true })}
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
   * Held sessions, their hours and attendance, per month. A person's share of a session is their
   * presence as the worker stored it (their connections clamped to the scheduled time, overlapping
   * reconnects counted once, as the attendance calculator does) over its length; an in-person
   * check-in, or a manual correction to present, is the whole session; someone with neither counts 0.
   *
   * It reads one stored total per session (attendance_session_presence: the presence of the people
   * counted when it was written) and corrects it with few rows: people whose enrollment counts now
   * but did not then, or the reverse (enrollment rows are never deleted, so a change is a status),
   * and whole-session marks. Summed per session first, that equals summing each counted person's share.
   */
  private async delivery(query: ReportQueryDto): Promise<{ month: string; sessionsHeld: number; seconds: number; percentSum: number; pairs: number }[]> {
    const params = new Params();
    const zone = params.add(DEFAULT_TIME_ZONE);
    return this.dataSource.query(
      `WITH held AS (
         SELECT s.id, s.cohort_id,
                extract(epoch FROM s.ends_at - s.starts_at)::float8 AS seconds,
                to_char(s.starts_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month
           FROM live_sessions s
           JOIN cohorts c ON c.id = s.cohort_id
           JOIN courses co ON co.id = c.course_id
          WHERE s.status = 'scheduled' AND s.ends_at <= now() AND s.ends_at > s.starts_at
            AND ${cohortScope(query, params, { network: true })} AND ${sessionWindow(query, params)}
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
       SELECT h.month, count(*)::int AS "sessionsHeld", sum(h.seconds)::float8 AS seconds,
              coalesce(sum(100 * (coalesce(sp.counted_seconds, 0) + coalesce(x.seconds, 0)) / h.seconds), 0)::float8 AS "percentSum",
              coalesce(sum(c.people), 0)::int AS pairs
         FROM held h
         LEFT JOIN counted c ON c.cohort_id = h.cohort_id
         LEFT JOIN attendance_session_presence sp ON sp.session_id = h.id
         LEFT JOIN corrected x ON x.session_id = h.id
        GROUP BY h.month
        ORDER BY h.month`,
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
