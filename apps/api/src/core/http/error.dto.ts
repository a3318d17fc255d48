import { ApiProperty } from '@nestjs/swagger';

/** Every error answer: Nest's shape, with every bad field listed for validation errors. */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['timeZone must be an IANA time zone such as Africa/Casablanca'],
  })
  message: string | string[];
}
