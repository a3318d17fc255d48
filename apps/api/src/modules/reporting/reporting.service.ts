import { Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, LOCALES, type CohortKind, type Locale } from '@mre/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { BENEFICIARY_COLUMNS, BENEFICIARY_LABELS } from './beneficiaries-csv.labels';
import { toCsv } from './csv';
import {
  BeneficiariesDto,
  CascadeDto,
  MonthDeliveryDto,
  ReportOverviewDto,
  ReportQueryDto,
} from './dto/report.dto';
import {
  beneficiaryCounts,
  beneficiaryRows,
  cascadeByNetwork,
  deliveryByBucket,
  earliestSessionStart,
  readerLocale,
  validCertificateCount,
} from './reporting.queries';

interface BeneficiaryRow {
  full_name: string;
  email: string;
  network: string;
  sector: string;
  sector_name: Partial<Record<Locale, string>> | null;
  centre: string;
  cohort: string;
  kind: string;
  status: string;
}

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** A name in `locale`, else in any language it has. */
function localized(name: Partial<Record<Locale, string>> | null, locale: Locale): string | undefined {
  return name?.[locale] ?? LOCALES.map((other) => name?.[other]).find(Boolean);
}

/**
 * The period's `from` and `to` days as instants: from the start of `from` to the start of the day
 * after `to`, in the zone with the runtime's rules. PostgreSQL's copy of the tz rules is left out on
 * purpose: it is often older (Morocco's move to UTC+0 in 2026 is missing from many).
 */
function periodInstants(query: ReportQueryDto, zone: string): { start?: DateTime; end?: DateTime } {
  const day = (date: string) => DateTime.fromISO(date, { zone }).startOf('day');
  return {
    start: query.from ? day(query.from) : undefined,
    end: query.to ? day(query.to).plus({ days: 1 }).startOf('day') : undefined,
  };
}

/**
 * Cuts [first, end) at each start of a month in the zone: the edges for `width_bucket`, whose bucket
 * `i` is `months[i - 1]`.
 */
function monthEdges(first: DateTime, end: DateTime): { edges: Date[]; months: string[] } {
  const starts = [first];
  const nextMonth = (time: DateTime) => time.plus({ months: 1 }).startOf('month');
  for (let start = nextMonth(first); start < end; start = nextMonth(start)) starts.push(start);
  return {
    edges: [...starts, end].map((edge) => edge.toJSDate()),
    months: starts.map((start) => start.toFormat('yyyy-MM')),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** What one month delivered, summed over its held sessions. */
interface MonthTotals {
  month: string;
  sessionsHeld: number;
  seconds: number;
  percentSum: number;
  pairs: number;
}

/**
 * The programme dashboard, read straight from the tables of the other contexts with aggregate SQL
 * (this context owns no data). Attendance comes from the presence the worker stores per session,
 * never from the million attendance segments.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

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
      averageAttendancePercent:
        pairs > 0 ? round1(byMonth.reduce((sum, m) => sum + m.percentSum, 0) / pairs) : null,
      certificatesIssued,
      byMonth: byMonth.map(
        ({ month, sessionsHeld, seconds, percentSum, pairs: monthPairs }): MonthDeliveryDto => ({
          month,
          sessionsHeld,
          hoursDelivered: round1(seconds / 3600),
          averageAttendancePercent: monthPairs > 0 ? round1(percentSum / monthPairs) : null,
        }),
      ),
      cascade,
    };
  }

  /**
   * One row per person and cohort (active or completed), for Excel, in the reader's language:
   * headers, sectors, kinds and statuses worded, and the separator their Excel expects.
   */
  async beneficiariesCsv(query: ReportQueryDto, readerId: string): Promise<string> {
    const [reader]: { locale: string }[] = await this.dataSource.query(...readerLocale(readerId));
    const locale: Locale = isLocale(reader?.locale) ? reader.locale : DEFAULT_LOCALE;
    const labels = BENEFICIARY_LABELS[locale];
    const rows: BeneficiaryRow[] = await this.dataSource.query(...beneficiaryRows(query));
    const cell = (row: BeneficiaryRow, column: (typeof BENEFICIARY_COLUMNS)[number]): string => {
      if (column === 'sector') return localized(row.sector_name, locale) ?? row.sector;
      if (column === 'kind') return labels.kind[row.kind] ?? row.kind;
      if (column === 'status') return labels.status[row.status] ?? row.status;
      return row[column];
    };
    return toCsv(
      BENEFICIARY_COLUMNS.map((column) => labels.header[column]),
      rows.map((row) => BENEFICIARY_COLUMNS.map((column) => cell(row, column))),
      labels.separator,
    );
  }

  /** Distinct people, in total and per network, sector, centre and kind of cohort: one pass with grouping sets. */
  private async beneficiaries(query: ReportQueryDto): Promise<BeneficiariesDto> {
    const rows: { set: string; key: string | null; name: string | null; count: number }[] =
      await this.dataSource.query(...beneficiaryCounts(query));
    const of = (set: string) => rows.filter((r) => r.set === set);
    return {
      total: of('total')[0]?.count ?? 0,
      byNetwork: of('network').map((r) => ({
        networkId: r.key as string,
        name: r.name as string,
        count: r.count,
      })),
      bySector: of('sector').map((r) => ({ sectorCode: r.key as string, count: r.count })),
      byCentre: of('centre').map((r) => ({
        centreId: r.key as string,
        name: r.name as string,
        count: r.count,
      })),
      byCohortKind: of('kind').map((r) => ({ kind: r.key as CohortKind, count: r.count })),
    };
  }

  /**
   * Held sessions, their hours and attendance, per month of the programme's zone. A person's share
   * of a session is their presence as the worker stored it (their connections clamped to the
   * scheduled time, overlapping reconnects counted once, as the attendance calculator does) over its
   * length; an in-person check-in, or a manual correction to present, is the whole session; someone
   * with neither counts 0.
   *
   * It reads one stored total per session (attendance_session_presence: the presence of the people
   * counted when it was written) and corrects it with few rows: people whose enrollment counts now
   * but did not then, or the reverse (enrollment rows are never deleted, so a change is a status),
   * and whole-session marks. Summed per session first, that equals summing each counted person's share.
   */
  private async delivery(query: ReportQueryDto): Promise<MonthTotals[]> {
    const zone = this.config.get('PROGRAMME_TIME_ZONE');
    const period = periodInstants(query, zone);
    // Held sessions start before now: the months run at most to the end of the current one.
    const endOfMonth = DateTime.now().setZone(zone).startOf('month').plus({ months: 1 });
    const end = period.end && period.end < endOfMonth ? period.end : endOfMonth;
    const first = await this.firstSessionStart(period.start, end);
    if (!first) return [];
    const { edges, months } = monthEdges(first.setZone(zone), end);

    const rows: (Omit<MonthTotals, 'month'> & { bucket: number })[] = await this.dataSource.query(
      ...deliveryByBucket(query, edges),
    );
    return rows.map(({ bucket, ...totals }) => ({ month: months[bucket - 1], ...totals }));
  }

  /**
   * The start of the earliest session in [start, end), held or not: the first month edge. Every
   * session of the report starts at or after it; the `starts_at` index answers it at once.
   */
  private async firstSessionStart(start: DateTime | undefined, end: DateTime): Promise<DateTime | null> {
    const [row]: { first: Date | null }[] = await this.dataSource.query(
      ...earliestSessionStart(start?.toJSDate(), end.toJSDate()),
    );
    return row.first ? DateTime.fromJSDate(row.first) : null;
  }

  private async certificatesIssued(query: ReportQueryDto): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(...validCertificateCount(query));
    return row.count;
  }

  /**
   * Per network: its direct beneficiaries, and the people its certified trainers reached in the
   * cohorts they teach (one level of the cascade), each person once and not twice with direct.
   */
  private async cascade(query: ReportQueryDto): Promise<CascadeDto[]> {
    const rows: {
      networkId: string;
      name: string;
      direct: number;
      indirect: number;
      chain: CascadeDto['chain'];
    }[] = await this.dataSource.query(...cascadeByNetwork(query));
    return rows;
  }
}
