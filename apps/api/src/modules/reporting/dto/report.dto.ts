import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COHORT_KINDS, SECTOR_CODES, type CohortKind } from '@mre/contracts';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists. */
function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE_ONLY, { message: `${String(key)} must be a date written YYYY-MM-DD` })(target, key);
    IsISO8601({ strict: true }, { message: `${String(key)} must be a date that exists` })(target, key);
  };
}

/**
 * The dashboard's filters. `from`/`to` pick the cohorts that run at least one day in the period
 * (their startsOn–endsOn overlaps it); of those, sessions count when they start in the period
 * (days in the programme's zone, PROGRAMME_TIME_ZONE: Africa/Casablanca by default). `networkId` is the course's network.
 */
export class ReportQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'First day of the period (inclusive)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Last day of the period (inclusive)',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @ApiPropertyOptional({ enum: SECTOR_CODES })
  @IsOptional()
  @IsIn(SECTOR_CODES)
  sectorCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;
}

export class NetworkCountDto {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

export class SectorCountDto {
  @ApiProperty({ enum: SECTOR_CODES }) sectorCode: string;
  @ApiProperty() count: number;
}

export class CentreCountDto {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

export class CohortKindCountDto {
  @ApiProperty({ enum: COHORT_KINDS }) kind: CohortKind;
  @ApiProperty() count: number;
}

export class BeneficiariesDto {
  @ApiProperty({
    description: 'Distinct people with an active or completed enrollment in the cohorts of the filter',
  })
  total: number;
  @ApiProperty({
    type: [NetworkCountDto],
    description: 'Each person once per network (a person may count under several)',
  })
  byNetwork: NetworkCountDto[];
  @ApiProperty({ type: [SectorCountDto] }) bySector: SectorCountDto[];
  @ApiProperty({ type: [CentreCountDto] }) byCentre: CentreCountDto[];
  @ApiProperty({
    type: [CohortKindCountDto],
    description: 'trainees (cohorts of trainees) and trainers (train-the-trainer cohorts)',
  })
  byCohortKind: CohortKindCountDto[];
}

export class MonthDeliveryDto {
  @ApiProperty({
    example: '2026-03',
    description:
      'Month of the sessions’ start, in the programme’s zone (PROGRAMME_TIME_ZONE, by default Africa/Casablanca)',
  })
  month: string;
  @ApiProperty() sessionsHeld: number;
  @ApiProperty() hoursDelivered: number;
  @ApiProperty({ type: Number, nullable: true }) averageAttendancePercent: number | null;
}

export class CascadeLinkDto {
  @ApiProperty({ format: 'uuid' }) trainersCohortId: string;
  @ApiProperty() trainersCohortName: string;
  @ApiProperty({ description: 'People holding a valid certificate of this trainers cohort' })
  certifiedTrainers: number;
  @ApiProperty({ description: 'Cohorts of the filter that these trainers teach' }) taughtCohorts: number;
  @ApiProperty({
    description:
      'Distinct people reached through this trainers cohort (not already direct beneficiaries of the network)',
  })
  trainees: number;
}

export class CascadeDto {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'People enrolled in the network’s own cohorts' }) direct: number;
  @ApiProperty({
    description:
      'People enrolled in cohorts taught by trainers the network certified, each once, not counted in direct',
  })
  indirect: number;
  @ApiProperty({
    type: [CascadeLinkDto],
    description: 'Network → trainers cohort → certified trainers → cohorts they teach → trainees',
  })
  chain: CascadeLinkDto[];
}

export class ReportOverviewDto {
  @ApiProperty({ type: BeneficiariesDto }) beneficiaries: BeneficiariesDto;
  @ApiProperty({ description: 'Sessions held: scheduled (not cancelled) and over' }) sessionsHeld: number;
  @ApiProperty({ description: 'Scheduled hours of the sessions held' }) hoursDelivered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Mean share of each held session attended by each enrolled person (the `percent` of the attendance list; an in-person check-in is 100); null when nothing was held',
  })
  averageAttendancePercent: number | null;
  @ApiProperty({ description: 'Valid (not revoked) certificates of the cohorts of the filter' })
  certificatesIssued: number;
  @ApiProperty({
    type: [MonthDeliveryDto],
    description: 'The same measures month by month (attendance over time)',
  })
  byMonth: MonthDeliveryDto[];
  @ApiProperty({ type: [CascadeDto], description: 'The train-the-trainer cascade, per network' })
  cascade: CascadeDto[];
}

/**
 * Pre-test and post-test scores of one group. A unit is a person in a cohort (active or completed
 * enrollment); their score for a purpose is the best percent of their submitted attempts at the
 * cohort's quizzes of that purpose. Averages are rounded to 1 decimal; null when no one took it.
 */
export class LearningGainDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean best pre-test percent' })
  preTestAverage: number | null;
  @ApiProperty({ description: 'People (per cohort) with a submitted pre-test' }) preTestCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean best post-test percent' })
  postTestAverage: number | null;
  @ApiProperty({ description: 'People (per cohort) with a submitted post-test' }) postTestCount: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Mean of post − pre, in percentage points, over the people who took both (null when no one did)',
  })
  gain: number | null;
  @ApiProperty({ description: 'People (per cohort) who took both: the base of the gain' })
  pairedCount: number;
}

export class NetworkLearningGainDto extends LearningGainDto {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
}

export class SectorLearningGainDto extends LearningGainDto {
  @ApiProperty({ enum: SECTOR_CODES }) sectorCode: string;
}

export class CentreLearningGainDto extends LearningGainDto {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty() name: string;
}

export class CohortKindLearningGainDto extends LearningGainDto {
  @ApiProperty({ enum: COHORT_KINDS }) kind: CohortKind;
}

export class LearningGainReportDto {
  @ApiProperty({ type: LearningGainDto, description: 'All the cohorts of the filter' })
  total: LearningGainDto;
  @ApiProperty({ type: [NetworkLearningGainDto] }) byNetwork: NetworkLearningGainDto[];
  @ApiProperty({ type: [SectorLearningGainDto] }) bySector: SectorLearningGainDto[];
  @ApiProperty({ type: [CentreLearningGainDto] }) byCentre: CentreLearningGainDto[];
  @ApiProperty({ type: [CohortKindLearningGainDto] }) byCohortKind: CohortKindLearningGainDto[];
}

/** Feedback answers of a group (1–5 averages rounded to 2 decimals). */
export class SatisfactionDto {
  @ApiProperty() content: number;
  @ApiProperty() clarity: number;
  @ApiProperty() audioVideo: number;
  @ApiProperty({ description: 'Feedback answers counted' }) answers: number;
  @ApiProperty({ description: 'Sessions these answers rate' }) sessions: number;
}

export class NetworkSatisfactionDto extends SatisfactionDto {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
}

export class ExpertSatisfactionDto extends SatisfactionDto {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() name: string;
}

export class SatisfactionReportDto {
  @ApiProperty({ type: [NetworkSatisfactionDto], description: 'Per network of the course' })
  byNetwork: NetworkSatisfactionDto[];
  @ApiProperty({
    type: [ExpertSatisfactionDto],
    description: 'Per teacher of the cohorts: each teacher counts every answer about their cohort’s sessions',
  })
  byExpert: ExpertSatisfactionDto[];
}
