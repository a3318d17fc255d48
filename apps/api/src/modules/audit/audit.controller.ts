import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@/core/auth/decorators';
import { AuditService } from './audit.service';
import { AuditListDto, ListAuditQueryDto } from './dto/audit.dto';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first. */
  @Get()
  @ApiOkResponse({ type: AuditListDto })
  @Roles('admin')
  list(@Query() query: ListAuditQueryDto): Promise<AuditListDto> {
    return this.audit.list(query);
  }
}
