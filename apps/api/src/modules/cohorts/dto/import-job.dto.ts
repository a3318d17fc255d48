import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IMPORT_ROW_PROBLEMS, JOB_STATES, type ImportRowProblem, type JobState } from '@mre/contracts';
import type { ImportJobEntity } from '../import-job.entity';

export class ImportFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'CSV (UTF-8, `,` or `;`) with columns email, full_name and optionally locale, time_zone; at most 5 MB',
  })
  file: unknown;
}

export class JobStartedDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file, the header being line 1' }) row: number;
  @ApiPropertyOptional({
    enum: IMPORT_ROW_PROBLEMS,
    enumName: 'ImportRowProblem',
    description:
      'What is wrong, for a message in the reader’s language (absent on imports made before codes existed)',
  })
  code?: ImportRowProblem;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The row’s values the message names (email, firstRow, max, locale, timeZone, role, detail)',
  })
  params?: Record<string, string>;
  @ApiProperty({ description: 'The same in English' }) message: string;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Users created (and invited)' }) created: number;
  @ApiProperty({ description: 'Enrolled as active' }) enrolled: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty({ description: 'Already in the cohort, left as they were' }) skipped: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors: ImportRowErrorDto[];
}

export class CertificateIssueResultDto {
  @ApiProperty({ description: 'Certificates issued by this run' }) issued: number;
  @ApiProperty({ description: 'Eligible people who already had their certificate' }) alreadyIssued: number;
  @ApiProperty({ description: 'Enrolled people below the attendance rule' }) notEligible: number;
  @ApiProperty({ description: 'The cohort’s held sessions the rule was measured over' }) heldSessions: number;
}

@ApiExtraModels(ImportResultDto, CertificateIssueResultDto)
export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: JOB_STATES }) state: JobState;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath(ImportResultDto) }, { $ref: getSchemaPath(CertificateIssueResultDto) }],
    description:
      'Once completed: ImportResultDto for an enrollment import, CertificateIssueResultDto for certificate issuing',
  })
  result?: ImportResultDto | CertificateIssueResultDto;
  @ApiPropertyOptional({ description: 'Why the job failed' }) failureReason?: string;

  static from(job: ImportJobEntity): JobDto {
    return {
      id: job.id,
      state: job.state,
      progress: job.progress,
      ...(job.state === 'completed' && job.result ? { result: job.result } : {}),
      ...(job.state === 'failed' && job.failureReason ? { failureReason: job.failureReason } : {}),
    };
  }
}
