import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { UsersModule } from '@/modules/identity/users.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { ChatMessageEntity } from './chat-message.entity';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { JoinContexts } from './join-contexts';
import { LiveSessionEntity } from './live-session.entity';
import { RecordingViewEntity } from './recording-view.entity';
import { RecordingEntity } from './recording.entity';
import { RecordingsController } from './recordings.controller';
import { RecordingsService } from './recordings.service';
import { RoomRemovalEntity } from './room-removal.entity';
import { RoomService } from './room.service';
import { SessionAnchoringService } from './session-anchoring.service';
import { SessionNoticesService } from './session-notices.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TimeZoneRulesEntity } from './time-zone-rules.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      LiveSessionEntity,
      RoomRemovalEntity,
      RecordingEntity,
      RecordingViewEntity,
      TimeZoneRulesEntity,
      ChatMessageEntity,
    ]),
    CohortsModule,
    UsersModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [SessionsController, RecordingsController, ChatController],
  providers: [
    SessionsService,
    SessionNoticesService,
    SessionAnchoringService,
    RoomService,
    JoinContexts,
    RecordingsService,
    ChatService,
  ],
  exports: [SessionsService, SessionAnchoringService, RoomService, RecordingsService],
})
export class LiveModule {}
