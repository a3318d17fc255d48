import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { JOB_STATES, type JobState } from '@mre/contracts';
import type { JobStatus } from '../job-source';

/** The 202 answer of every endpoint that starts a job: the id GET /jobs/{jobId} follows. */
export class JobStartedDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
}

export class JobDto implements JobStatus {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: JOB_STATES }) state: JobState;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  // The reports are named, not imported: each job source declares its own (ApiExtraModels), and
  // this module depends on none of them.
  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath('ImportResultDto') }, { $ref: getSchemaPath('CertificateIssueResultDto') }],
    description:
      'Once completed: ImportResultDto for an enrollment import, CertificateIssueResultDto for certificate issuing',
  })
  result?: object;
  @ApiPropertyOptional({ description: 'Why the job failed' }) failureReason?: string;
}
