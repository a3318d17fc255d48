import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CHAT_DELETED_TOPIC, CHAT_TOPIC, type ChatDeletedRelay, type ChatRelay } from '@mre/contracts';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { queryPage } from '@/core/database/page-query';
import type { PageQueryDto } from '@/core/http/pagination';
import { RateLimiter } from '@/core/redis/rate-limiter';
import { AuditService } from '@/modules/audit/audit.service';
import { mayInClasses } from '@/modules/cohorts/cohort-policy';
import { ChatMessageEntity } from './chat-message.entity';
import { chatPage, type ChatMessageRow } from './chat.queries';
import { ChatMessageDto, ChatMessageListDto, PostChatMessageDto } from './dto/chat.dto';
import { ChatMessageNotFoundError, TooManyChatMessagesError } from './live.errors';
import { RoomService } from './room.service';
import { SessionsService } from './sessions.service';

/** A person may write this many messages in one session's chat per window; a flood beyond waits. */
const CHAT_BURST = { max: 10, windowSeconds: 10 };

/**
 * The class chat: the API is its one source of truth. A message is stored with its session, then
 * relayed to the room through LiveKit's data channel; the cohort reads the stored chat during and
 * after class, and a host's deletion is relayed the same way.
 */
@Injectable()
export class ChatService {
  constructor(
    @InjectRepository(ChatMessageEntity) private readonly messages: Repository<ChatMessageEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly room: RoomService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
  ) {}

  /** Hosts and trainees while the room admits them; the message is kept, then relayed to the room. */
  async post(sessionId: string, dto: PostChatMessageDto, actor: AuthUser): Promise<ChatMessageDto> {
    const speaker = await this.room.speaker(sessionId, actor);
    const wait = await this.limiter.consume([{ key: `chat:${actor.id}:${sessionId}`, ...CHAT_BURST }]);
    if (wait !== null) throw new TooManyChatMessagesError(wait);
    const saved = await this.messages.save(
      this.messages.create({
        sessionId,
        authorId: actor.id,
        text: dto.text,
        deletedAt: null,
        deletedBy: null,
      }),
    );
    const message: ChatMessageDto = {
      id: saved.id,
      sessionId,
      authorId: actor.id,
      authorName: speaker.name,
      text: saved.text,
      sentAt: saved.createdAt.toISOString(),
      deletedAt: null,
    };
    const relay: ChatRelay = {
      id: message.id,
      authorId: message.authorId,
      name: message.authorName,
      text: dto.text,
      sentAt: message.sentAt,
    };
    await this.room.relay(speaker.session, CHAT_TOPIC, relay);
    return message;
  }

  /** The stored chat, oldest first: the cohort's people and staff, during and after class. */
  async list(sessionId: string, query: PageQueryDto, actor: AuthUser): Promise<ChatMessageListDto> {
    const { standing } = await this.sessions.accessFor(sessionId, actor, 'attend');
    const page = await queryPage<ChatMessageRow>(this.dataSource, chatPage(sessionId, query));
    return {
      items: page.items.map(toDto),
      total: page.total,
      canDelete: standing.relation !== null && mayInClasses(standing.relation, 'host'),
    };
  }

  /** A host takes a message out of the chat: it shows as deleted for everyone, and the audit keeps who did. */
  async remove(sessionId: string, messageId: string, actor: AuthUser): Promise<void> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'host');
    const message = await this.messages.findOne({ where: { id: messageId, sessionId } });
    if (!message) throw new ChatMessageNotFoundError();
    // Deleting twice (two hosts at once, a retry) changes nothing more.
    if (message.deletedAt) return;
    const deletedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      // The words go; the row stays, so that the chat shows where a message was taken out.
      await manager
        .getRepository(ChatMessageEntity)
        .update(message.id, { deletedAt, deletedBy: actor.id, text: '' });
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'chat.message-deleted',
            entityType: 'session',
            entityId: sessionId,
            data: { messageId, authorId: message.authorId },
          },
        ],
        manager,
      );
    });
    const relay: ChatDeletedRelay = { id: message.id, deletedAt: deletedAt.toISOString() };
    await this.room.relay(session, CHAT_DELETED_TOPIC, relay);
  }
}

function toDto(row: ChatMessageRow): ChatMessageDto {
  return {
    id: row.id,
    sessionId: row.sessionId,
    authorId: row.authorId,
    authorName: row.authorName,
    text: row.deletedAt ? null : row.text,
    sentAt: new Date(row.sentAt).toISOString(),
    deletedAt: row.deletedAt ? new Date(row.deletedAt).toISOString() : null,
  };
}
