import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CertificateIssueJob, CertificateIssueResult, QueueName } from '@/core/queue/queue-name';
import { CertificateIssuer } from '../certificate-issuer.service';

/** Issues a cohort's certificates; safe to run twice (the second issues none), so retries are too. */
@Processor(QueueName.CertificateIssue, { concurrency: 1 })
export class IssueCertificatesJob extends WorkerHost implements BeforeApplicationShutdown {
  constructor(private readonly issuer: CertificateIssuer) {
    super();
  }

  process(job: Job<CertificateIssueJob>): Promise<CertificateIssueResult> {
    return this.issuer.issue(job.data, (percent) => job.updateProgress(percent));
  }

  /** Lets a running job finish while the database and the browser are still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
