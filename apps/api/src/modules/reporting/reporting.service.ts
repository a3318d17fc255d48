import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LOCALE,
  LOCALES,
  pickLocalized,
  type CohortKind,
  type Locale,
  type LocalizedText,
} from '@mre/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { QuizOutcomesService } from '@/modules/assessment/quiz-outcomes.service';
import { BENEFICIARY_COLUMNS, BENEFICIARY_LABELS } from './beneficiaries-csv.labels';
import { toCsv } from './csv';
import {
  BeneficiariesDto,
  CascadeDto,
  LearningGainDto,
  LearningGainReportDto,
  MonthDeliveryDto,
  ReportOverviewDto,
  ReportQueryDto,
  SatisfactionDto,
  SatisfactionReportDto,
} from './dto/report.dto';
import { LEARNING_GAIN_COLUMNS, OUTCOME_LABELS, SATISFACTION_COLUMNS } from './outcome-csv.labels';
import {
  beneficiaryCounts,
  beneficiaryRows,
  cascadeByNetwork,
  deliveryByBucket,
  earliestSessionStart,
  learningGainGroups,
  readerLocale,
  satisfactionGroups,
  validCertificateCount,
} from './reporting.queries';

interface BeneficiaryRow {
  full_name: string;
  email: string;
  network: string;
  network_names: LocalizedText | null;
  sector: string;
  sector_name: LocalizedText | null;
  centre: string;
  centre_names: LocalizedText | null;
  cohort: string;
  kind: string;
  status: string;
}

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** A name in `locale`, else in any language it has (as the web picks it), else `plain`. */
function localized(names: LocalizedText | null, locale: Locale, plain: string): string {
  return pickLocalized(names, locale) || plain;
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
const round2 = (value: number) => Math.round(value * 100) / 100;
const round1OrNull = (value: number | null) => (value === null ? null : round1(value));

/** One grouping set's row of the learning gain (see learningGainGroups). */
interface LearningGainRow extends LearningGainDto {
  set: 'total' | 'network' | 'sector' | 'centre' | 'kind';
  key: string | null;
  name: string | null;
  /** A network's or centre's name in each language. */
  names: LocalizedText | null;
  sector_name: LocalizedText | null;
}

/** One network's or expert's row of the satisfaction (see satisfactionGroups). */
interface SatisfactionRow extends SatisfactionDto {
  set: 'network' | 'expert';
  key: string;
  name: string;
}

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
    private readonly quizOutcomes: QuizOutcomesService,
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
   * headers, networks, centres, sectors, kinds and statuses worded, and the separator their Excel
   * expects.
   */
  async beneficiariesCsv(query: ReportQueryDto, readerId: string): Promise<string> {
    const locale = await this.readerLocale(readerId);
    const labels = BENEFICIARY_LABELS[locale];
    const rows: BeneficiaryRow[] = await this.dataSource.query(...beneficiaryRows(query));
    const cell = (row: BeneficiaryRow, column: (typeof BENEFICIARY_COLUMNS)[number]): string => {
      if (column === 'sector') return localized(row.sector_name, locale, row.sector);
      if (column === 'network') return localized(row.network_names, locale, row.network);
      if (column === 'centre') return localized(row.centre_names, locale, row.centre);
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

  /**
   * Pre-test and post-test averages and the learning gain, in total and per network, sector, centre
   * and kind of cohort. Each person counts once per cohort, with their best submitted attempt of
   * each purpose (a retake that went worse does not lower what they showed they know); the gain is
   * post − pre averaged over the people who took both, so that people who skipped one test do not
   * bias it.
   */
  async learningGain(query: ReportQueryDto): Promise<LearningGainReportDto> {
    const rows = await this.learningGainRows(query);
    const of = (set: LearningGainRow['set']) => rows.filter((r) => r.set === set);
    const measures = (r: LearningGainRow): LearningGainDto => ({
      preTestAverage: round1OrNull(r.preTestAverage),
      preTestCount: r.preTestCount,
      postTestAverage: round1OrNull(r.postTestAverage),
      postTestCount: r.postTestCount,
      gain: round1OrNull(r.gain),
      pairedCount: r.pairedCount,
    });
    const total = of('total')[0];
    return {
      total: total
        ? measures(total)
        : {
            preTestAverage: null,
            preTestCount: 0,
            postTestAverage: null,
            postTestCount: 0,
            gain: null,
            pairedCount: 0,
          },
      byNetwork: of('network').map((r) => ({
        networkId: r.key as string,
        name: r.name as string,
        ...measures(r),
      })),
      bySector: of('sector').map((r) => ({ sectorCode: r.key as string, ...measures(r) })),
      byCentre: of('centre').map((r) => ({
        centreId: r.key as string,
        name: r.name as string,
        ...measures(r),
      })),
      byCohortKind: of('kind').map((r) => ({ kind: r.key as CohortKind, ...measures(r) })),
    };
  }

  /** The learning gain as a file for Excel, one row per group, worded in the reader's language. */
  async learningGainCsv(query: ReportQueryDto, readerId: string): Promise<string> {
    const locale = await this.readerLocale(readerId);
    const labels = OUTCOME_LABELS[locale];
    const rows = await this.learningGainRows(query);
    const group = (r: LearningGainRow): string => {
      if (r.set === 'total') return labels.total;
      if (r.set === 'sector') return localized(r.sector_name, locale, r.key as string);
      if (r.set === 'kind') return labels.kind[r.key as string] ?? (r.key as string);
      return localized(r.names, locale, r.name as string);
    };
    const number = (value: number | null) =>
      value === null ? '' : String(round1(value)).replace('.', labels.decimal);
    return toCsv(
      ['dimension', 'group', ...LEARNING_GAIN_COLUMNS].map(
        (c) => labels.header[c as keyof typeof labels.header],
      ),
      rows.map((r) => [
        labels.dimension[r.set],
        group(r),
        number(r.preTestAverage),
        r.preTestCount,
        number(r.postTestAverage),
        r.postTestCount,
        number(r.gain),
        r.pairedCount,
      ]),
      labels.separator,
    );
  }

  /**
   * The trainees' feedback (1–5 averages and answer counts) per network and per expert, over the
   * held sessions that start in the period, of the cohorts in scope. For admins, who may read the
   * answers' authors anyway: no anonymity threshold here.
   */
  async satisfaction(query: ReportQueryDto): Promise<SatisfactionReportDto> {
    const rows = await this.satisfactionRows(query);
    const measures = (r: SatisfactionRow): SatisfactionDto => ({
      content: round2(r.content),
      clarity: round2(r.clarity),
      audioVideo: round2(r.audioVideo),
      answers: r.answers,
      sessions: r.sessions,
    });
    return {
      byNetwork: rows
        .filter((r) => r.set === 'network')
        .map((r) => ({ networkId: r.key, name: r.name, ...measures(r) })),
      byExpert: rows
        .filter((r) => r.set === 'expert')
        .map((r) => ({ expertId: r.key, name: r.name, ...measures(r) })),
    };
  }

  async satisfactionCsv(query: ReportQueryDto, readerId: string): Promise<string> {
    const locale = await this.readerLocale(readerId);
    const labels = OUTCOME_LABELS[locale];
    const rows = await this.satisfactionRows(query);
    const number = (value: number) => String(round2(value)).replace('.', labels.decimal);
    return toCsv(
      ['dimension', 'group', ...SATISFACTION_COLUMNS].map(
        (c) => labels.header[c as keyof typeof labels.header],
      ),
      rows.map((r) => [
        labels.dimension[r.set],
        r.name,
        number(r.content),
        number(r.clarity),
        number(r.audioVideo),
        r.answers,
        r.sessions,
      ]),
      labels.separator,
    );
  }

  private async learningGainRows(query: ReportQueryDto): Promise<LearningGainRow[]> {
    // A test left open past its time limit counts as its trainee left it, not as never taken.
    await this.quizOutcomes.settleOverdue();
    return this.dataSource.query(...learningGainGroups(query));
  }

  private satisfactionRows(query: ReportQueryDto): Promise<SatisfactionRow[]> {
    const period = periodInstants(query, this.config.get('PROGRAMME_TIME_ZONE'));
    return this.dataSource.query(
      ...satisfactionGroups(query, period.start?.toJSDate(), period.end?.toJSDate()),
    );
  }

  /** The language a person reads the app in, for the files made for them. */
  private async readerLocale(readerId: string): Promise<Locale> {
    const [reader]: { locale: string }[] = await this.dataSource.query(...readerLocale(readerId));
    return isLocale(reader?.locale) ? reader.locale : DEFAULT_LOCALE;
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
