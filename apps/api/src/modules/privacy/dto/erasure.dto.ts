import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ErasureResult } from '../erasure.service';

export class EraseUserDto {
  @ApiProperty({
    example: 'Request by letter of 2026-11-30 (law 09-08, art. 8)',
    description: 'Why, for the audit log (a name or e-mail it quotes is pseudonymised with the rest)',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class ErasureResultDto implements ErasureResult {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'date-time', description: 'When the data was erased (the first time)' })
  erasedAt: string;
  @ApiProperty({ description: 'Erased before: this request changed nothing' }) alreadyErased: boolean;
}
