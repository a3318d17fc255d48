import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@/core/config/app-config';
import type { RetentionResult } from '@/core/queue/queue-name';
import { AuditService } from '@/modules/audit/audit.service';
import { WebhookInboxService } from '@/modules/livekit-webhooks/webhook-inbox.service';

const DAY_MS = 24 * 3600_000;

/**
 * Keeps logs no longer than their purpose needs (documented in the README): account and sign-in
 * audit entries, the other audit entries, and processed LiveKit webhooks, each after its own period.
 * What the reports read (enrollments, attendance, certificates) is never touched.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly inbox: WebhookInboxService,
  ) {}

  async prune(now = new Date()): Promise<RetentionResult> {
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const result = {
      auditEntries: await this.audit.prune(
        daysAgo(this.config.get('SECURITY_AUDIT_RETENTION_DAYS')),
        daysAgo(this.config.get('FUNDER_AUDIT_RETENTION_DAYS')),
      ),
      webhookEvents: await this.inbox.prune(daysAgo(this.config.get('WEBHOOK_INBOX_RETENTION_DAYS'))),
    };
    this.logger.log(
      `Retention: ${result.auditEntries} audit entries and ${result.webhookEvents} webhook events deleted`,
    );
    return result;
  }
}
