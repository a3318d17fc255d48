import { ApiProperty } from '@nestjs/swagger';
import { RECORDING_OUTPUTS, type RecordingOutput } from '@mre/contracts';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

export class RecordingOutputParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({
    enum: RECORDING_OUTPUTS,
    description: 'video: the room composite (MP4); audio: the sound alone (OGG)',
  })
  @IsIn(RECORDING_OUTPUTS)
  output: RecordingOutput;
}

export class PlaybackTokenQueryDto {
  @ApiProperty({ description: 'From GET /recordings/{id}/{output}/link' })
  @IsString()
  @MaxLength(300)
  token: string;
}

export class PlaybackLinkDto {
  @ApiProperty({
    description:
      'Where a player loads the file from (with Range): a short-lived store URL, or the API with a signed token',
  })
  url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ example: 'video/mp4' }) contentType: string;
}
