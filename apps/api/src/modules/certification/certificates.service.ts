import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { PageQueryDto, pageWindow } from '@/core/http/pagination';
import { CertificateIssueJob, CertificateIssueResult, QueueName } from '@/core/queue/queue-name';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CohortPolicy } from '@/modules/cohorts/cohort-policy';
import { CohortsService } from '@/modules/cohorts/cohorts.service';
import type { JobStartedDto } from '@/modules/jobs/dto/job.dto';
import type { JobSource, JobStatus } from '@/modules/jobs/job-source';
import { JobsService } from '@/modules/jobs/jobs.service';
import { queueJobStatus } from '@/modules/jobs/queue-job-status';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { normalizeCertificateCode } from './certificate-code';
import { CertificateFileEntity } from './certificate-file.entity';
import { CertificateEntity } from './certificate.entity';
import { AlreadyRevokedError, CertificateNotFoundError } from './certification.errors';
import { CertificateDto, CertificateListDto, PublicCertificateDto } from './dto/certificate.dto';

export interface CertificatePdf {
  filename: string;
  pdf: Buffer;
}

/**
 * Certificates through the API: asking for them (a worker issues them) and following that job,
 * reading, verifying, revoking.
 */
@Injectable()
export class CertificatesService implements JobSource, OnModuleInit {
  readonly kind = 'certificate-issue';

  constructor(
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
    @InjectRepository(CertificateFileEntity) private readonly files: Repository<CertificateFileEntity>,
    @InjectQueue(QueueName.CertificateIssue)
    private readonly queue: Queue<CertificateIssueJob, CertificateIssueResult>,
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortsService,
    private readonly access: CohortAccessService,
    private readonly policy: CohortPolicy,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  /** Queues the issuing; follow it with GET /jobs/{jobId}. */
  async requestIssue(cohortId: string, actor: AuthUser): Promise<JobStartedDto> {
    await this.policy.require(cohortId, actor, 'issueCertificates', 'issue certificates');
    const jobId = randomUUID();
    await this.queue.add('issue', { cohortId, requestedBy: actor.id }, { jobId });
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'certificates.requested',
        entityType: 'cohort',
        entityId: cohortId,
        data: { jobId },
      },
    ]);
    return { jobId };
  }

  /**
   * The issuing job, for the person who asked for it only. BullMQ keeps its state: the issuing is
   * idempotent, so it needs no row of its own.
   */
  find(jobId: string, actor: AuthUser): Promise<JobStatus | null> {
    return queueJobStatus(this.queue, jobId, (job) => job.requestedBy === actor.id);
  }

  async mine(actor: AuthUser, query: PageQueryDto): Promise<CertificateListDto> {
    const [items, total] = await this.certificates.findAndCount({
      where: { userId: actor.id },
      order: { issuedAt: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: items.map((c) => CertificateDto.from(c, this.config.publicUrl)), total };
  }

  /** The cohort's certificates, for its staff (404 for anyone who cannot see the cohort). */
  async ofCohort(cohortId: string, actor: AuthUser, query: PageQueryDto): Promise<CertificateListDto> {
    await this.policy.require(cohortId, actor, 'viewRoster', 'see its certificates');
    const [items, total] = await this.certificates.findAndCount({
      where: { cohortId },
      order: { holderName: 'ASC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: items.map((c) => CertificateDto.from(c, this.config.publicUrl)), total };
  }

  /** The PDF, for its holder and the cohort's staff; to anyone else the certificate does not exist. */
  async pdf(id: string, actor: AuthUser): Promise<CertificatePdf> {
    const certificate = await this.certificates.findOne({ where: { id } });
    if (!certificate || !(await this.maySee(certificate, actor))) throw new CertificateNotFoundError();
    const file = await this.files.findOne({ where: { certificateId: id } });
    if (!file) throw new CertificateNotFoundError();
    return { filename: `certificate-${certificate.code}.pdf`, pdf: file.pdf };
  }

  async verify(code: string): Promise<PublicCertificateDto> {
    const normalized = normalizeCertificateCode(code);
    const certificate = normalized ? await this.certificates.findOne({ where: { code: normalized } }) : null;
    if (!certificate) throw new CertificateNotFoundError();
    return PublicCertificateDto.from(certificate);
  }

  /** Takes effect at once: the public page reads the same row. */
  async revoke(id: string, reason: string, actor: AuthUser): Promise<CertificateDto> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const certificate = await manager.findOne(CertificateEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!certificate) throw new CertificateNotFoundError();
      if (certificate.status === 'revoked') throw new AlreadyRevokedError();
      Object.assign(certificate, {
        status: 'revoked',
        revokedAt: new Date(),
        revokedBy: actor.id,
        revocationReason: reason.trim(),
      });
      await manager.save(certificate);
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'certificate.revoked',
            entityType: 'certificate',
            entityId: id,
            reason: reason.trim(),
            data: { code: certificate.code, userId: certificate.userId, cohortId: certificate.cohortId },
          },
        ],
        manager,
      );
      await this.notifications.add(
        [
          {
            userId: certificate.userId,
            kind: 'certificate-revoked',
            params: {
              certificateId: certificate.id,
              code: certificate.code,
              courseTitle: certificate.courseTitle,
              reason: reason.trim(),
            },
            key: `certificate-revoked-${certificate.id}`,
          },
        ],
        manager,
      );
      const untaught =
        certificate.cohortKind === 'trainers'
          ? await this.cohorts.withdrawCertifiedTeacher(
              certificate.userId,
              actor.id,
              `certificate ${certificate.code} revoked: ${reason.trim()}`,
              manager,
            )
          : [];
      return { certificate, untaught };
    });
    // Join rules kept in memory name the teachers: replaced once the removal is committed.
    for (const cohortId of revoked.untaught) await this.access.accessChanged(cohortId);
    return CertificateDto.from(revoked.certificate, this.config.publicUrl);
  }

  private async maySee(certificate: CertificateEntity, actor: AuthUser): Promise<boolean> {
    if (certificate.userId === actor.id) return true;
    return (await this.policy.standing(certificate.cohortId, actor))?.permissions.viewRoster ?? false;
  }
}
