import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@mre/contracts';

/**
 * Every error answer: Nest's shape, with every bad field listed for validation errors, plus the
 * stable `code` clients translate and the values (`details`) their sentence may need.
 */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['timeZone must be an IANA time zone such as Africa/Casablanca'],
    description: 'In English, for API users and logs; clients show a sentence of their own for `code`',
  })
  message: string | string[];
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', example: 'validation-failed' }) code: ErrorCode;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { opensAt: '2026-12-07T08:45:00.000Z' },
  })
  details?: Record<string, string | number>;
}
