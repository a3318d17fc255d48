import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@/core/config/app-config';
import { WebhookInboxService } from '../webhook-inbox.service';

/**
 * Each worker nudges the inbox's queue on a timer, so that events stored while Redis was down (or
 * whose nudge was lost with Redis's memory) are processed once it is back. The timer lives in the
 * process, not in Redis as a repeatable job would, so a Redis restart cannot lose it.
 */
@Injectable()
export class SweepWebhookInboxJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly inbox: WebhookInboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.inbox.nudge(), this.config.get('INBOX_SWEEP_MS'));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
