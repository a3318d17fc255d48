import { Module } from '@nestjs/common';
import { AssessmentModule } from '@/modules/assessment/assessment.module';
import { ReportingController } from './reporting.controller';
import { ReportingService } from './reporting.service';

/**
 * The programme dashboard: a read model over the other contexts' tables, owning none. It asks
 * assessment to submit the attempts past their deadline before it reads the quizzes' scores.
 */
@Module({ imports: [AssessmentModule], controllers: [ReportingController], providers: [ReportingService] })
export class ReportingModule {}
