import { ApiProperty } from '@nestjs/swagger';
import { CHAT_MESSAGE_MAX_LENGTH } from '@mre/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PostChatMessageDto {
  @ApiProperty({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'Trimmed; not blank' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'text must not be blank' })
  @MaxLength(CHAT_MESSAGE_MAX_LENGTH)
  text: string;
}

export class ChatMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once a host deleted the message' })
  text: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class ChatMessageListDto {
  @ApiProperty({ type: [ChatMessageDto], description: 'Oldest first' }) items: ChatMessageDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Whether the caller hosts the cohort’s classes, and so may delete messages' })
  canDelete: boolean;
}
