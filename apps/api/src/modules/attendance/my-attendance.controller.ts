import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { AttendanceService } from './attendance.service';
import { MyAttendanceListDto, MyAttendanceQueryDto } from './dto/attendance.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('me/attendance')
export class MyAttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @ApiOkResponse({ type: MyAttendanceListDto, description: "The caller's attendance in past sessions" })
  list(@Query() query: MyAttendanceQueryDto, @CurrentUser() user: AuthUser): Promise<MyAttendanceListDto> {
    return this.attendance.mine(query.sessionIds, user);
  }
}
