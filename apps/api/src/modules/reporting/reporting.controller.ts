import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { ReportOverviewDto, ReportQueryDto } from './dto/report.dto';
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
}
