import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { UsersModule } from '../identity/users.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { JoinContexts } from './join-contexts';
import { LiveKitWebhookController } from './livekit-webhook.controller';
import { LiveSessionEntity } from './live-session.entity';
import { RecordingEntity } from './recording.entity';
import { RecordingsService } from './recordings.service';
import { RoomRemovalEntity } from './room-removal.entity';
import { RoomService } from './room.service';
import { SessionAnchoringService } from './session-anchoring.service';
import { SessionNoticesService } from './session-notices.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TimeZoneRulesEntity } from './time-zone-rules.entity';
import { WebhookEventEntity } from './webhook-event.entity';
import { WebhookInboxService } from './webhook-inbox.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      LiveSessionEntity,
      RoomRemovalEntity,
      RecordingEntity,
      WebhookEventEntity,
      TimeZoneRulesEntity,
    ]),
    CohortsModule,
    UsersModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [SessionsController, LiveKitWebhookController],
  providers: [
    SessionsService,
    SessionNoticesService,
    SessionAnchoringService,
    RoomService,
    JoinContexts,
    RecordingsService,
    WebhookInboxService,
  ],
  exports: [SessionsService, SessionAnchoringService, RoomService, RecordingsService, WebhookInboxService],
})
export class LiveModule {}
