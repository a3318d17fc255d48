import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { AttendanceService } from './attendance.service';
import { AttendanceListDto, AttendanceRowDto, CheckInDto, CorrectAttendanceDto } from './dto/attendance.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('sessions/:id/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @ApiOkResponse({ type: AttendanceListDto })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<AttendanceListDto> {
    return this.attendance.list(id, user);
  }

  @Post('check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceRowDto })
  checkIn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CheckInDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttendanceRowDto> {
    return this.attendance.checkIn(id, dto.userId, user);
  }

  @Put(':userId')
  @ApiOkResponse({ type: AttendanceRowDto })
  correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: CorrectAttendanceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttendanceRowDto> {
    return this.attendance.correct(id, userId, dto, user);
  }
}
