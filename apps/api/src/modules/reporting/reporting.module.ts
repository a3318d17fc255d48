import { Module } from '@nestjs/common';
import { ReportingController } from './reporting.controller';
import { ReportingService } from './reporting.service';

/** The programme dashboard: a read model over the other contexts' tables, owning none. */
@Module({ controllers: [ReportingController], providers: [ReportingService] })
export class ReportingModule {}
