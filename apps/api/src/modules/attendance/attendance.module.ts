import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { UsersModule } from '@/modules/identity/users.module';
import { LiveModule } from '@/modules/live/live.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceMarkEntity } from './attendance-mark.entity';
import { AttendanceSegmentEntity } from './attendance-segment.entity';
import { MyAttendanceController } from './my-attendance.controller';
import { AttendanceService } from './attendance.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AttendanceSegmentEntity, AttendanceMarkEntity]),
    LiveModule,
    CohortsModule,
    UsersModule,
    AuditModule,
  ],
  controllers: [AttendanceController, MyAttendanceController],
  providers: [AttendanceService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
