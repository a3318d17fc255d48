import { ApiProperty } from '@nestjs/swagger';
import { RECORDING_OUTPUTS, type RecordingOutput } from '@mre/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { SignedFileLinkDto } from '@/core/storage/signed-file-links';

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

export class PlaybackLinkDto extends SignedFileLinkDto {
  @ApiProperty({ example: 'video/mp4' }) contentType: string;
}
