import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import {
  LearningGainReportDto,
  ReportOverviewDto,
  ReportQueryDto,
  SatisfactionReportDto,
} from './dto/report.dto';
import { ReportingService } from './reporting.service';

@ApiTags('reporting')
@ApiBearerAuth()
@Roles('admin')
@Controller('reports')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('overview')
  @ApiOkResponse({ type: ReportOverviewDto })
  overview(@Query() query: ReportQueryDto): Promise<ReportOverviewDto> {
    return this.reporting.overview(query);
  }

  /** UTF-8 with a BOM, so that Excel reads accents and Arabic; formula-like cells are escaped. */
  @Get('beneficiaries.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="beneficiaries.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      "One row per person and cohort (full name, e-mail, network, sector, centre, cohort, kind, status), in the reader's language (their profile's): headers and values worded, `;` separated in French and Arabic, `,` in English",
    schema: { type: 'string' },
  })
  beneficiariesCsv(@Query() query: ReportQueryDto, @CurrentUser() user: AuthUser): Promise<string> {
    return this.reporting.beneficiariesCsv(query, user.id);
  }

  @Get('learning-gain')
  @ApiOperation({
    summary:
      'Pre-test and post-test averages and the gain (post − pre over the people who took both), each person once per cohort with their best submitted attempt of each purpose; in total and per network, sector, centre and kind of cohort',
  })
  @ApiOkResponse({ type: LearningGainReportDto })
  learningGain(@Query() query: ReportQueryDto): Promise<LearningGainReportDto> {
    return this.reporting.learningGain(query);
  }

  @Get('learning-gain.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="learning-gain.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      "One row per group (all, network, sector, centre, kind of cohort) with the measures of GET /reports/learning-gain, in the reader's language",
    schema: { type: 'string' },
  })
  learningGainCsv(@Query() query: ReportQueryDto, @CurrentUser() user: AuthUser): Promise<string> {
    return this.reporting.learningGainCsv(query, user.id);
  }

  @Get('satisfaction')
  @ApiOperation({
    summary:
      'The trainees’ feedback (1–5 averages, answers, sessions) per network and per expert, over the held sessions that start in the period',
  })
  @ApiOkResponse({ type: SatisfactionReportDto })
  satisfaction(@Query() query: ReportQueryDto): Promise<SatisfactionReportDto> {
    return this.reporting.satisfaction(query);
  }

  @Get('satisfaction.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="satisfaction.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      "One row per network and per expert with the measures of GET /reports/satisfaction, in the reader's language",
    schema: { type: 'string' },
  })
  satisfactionCsv(@Query() query: ReportQueryDto, @CurrentUser() user: AuthUser): Promise<string> {
    return this.reporting.satisfactionCsv(query, user.id);
  }
}
