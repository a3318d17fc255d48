import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * GET /jobs/:jobId for every kind of background job. Contexts that run jobs import this module and
 * register a JobSource with JobsService; it imports none of them.
 */
@Module({
  controllers: [JobsController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
