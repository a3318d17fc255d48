import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_ROW_PROBLEMS, type ImportRowProblem } from '@mre/contracts';

export class ImportFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'CSV (UTF-8, `,` or `;`) with columns email, full_name and optionally locale, time_zone; at most 5 MB',
  })
  file: unknown;
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
