import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveKitWebhookController } from './livekit-webhook.controller';
import { WebhookEventEntity } from './webhook-event.entity';
import { WebhookInboxService } from './webhook-inbox.service';

/**
 * LiveKit's news about rooms, participants and recordings: received and stored here, then turned
 * into live and attendance state by the worker (LiveKitWebhooksWorkerModule). This module depends
 * on `live` and `attendance`; they never depend on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEventEntity])],
  controllers: [LiveKitWebhookController],
  providers: [WebhookInboxService],
  exports: [WebhookInboxService],
})
export class LiveKitWebhooksModule {}
