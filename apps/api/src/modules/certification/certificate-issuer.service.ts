import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { pickLocalized } from '@mre/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import type { CertificateIssueJob, CertificateIssueResult } from '@/core/queue/queue-name';
import { type FinalQuizPass, QuizOutcomesService } from '@/modules/assessment/quiz-outcomes.service';
import { AttendanceService } from '@/modules/attendance/attendance.service';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CohortFacts, CohortsService } from '@/modules/cohorts/cohorts.service';
import type { UserDto } from '@/modules/identity/dto/user.dto';
import { UsersService } from '@/modules/identity/users.service';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { OrganizationsService } from '@/modules/organizations/organizations.service';
import { newCertificateCode } from './certificate-code';
import { certificateHtml } from './certificate-document';
import { CertificateFileEntity } from './certificate-file.entity';
import { CertificatePdfRenderer } from './certificate-pdf.renderer';
import { CertificateEntity } from './certificate.entity';
import { verifyUrl } from './dto/certificate.dto';

/**
 * Who earns a certificate: a person enrolled for good (active or completed) who attended at least
 * `minAttendancePercent` of the cohort's held sessions, counting present, late and excused. A
 * cohort with no held session certifies nobody. When the cohort `requiresFinalQuizPass`, the
 * person must also have passed a `final` quiz opened for it (see QuizOutcomesService); with no
 * such quiz, nobody is eligible and the issuing result says `finalQuizMissing`.
 */
export function isEligible(attended: number, heldSessions: number, minAttendancePercent: number): boolean {
  return heldSessions > 0 && attended * 100 >= minAttendancePercent * heldSessions;
}

/** Issues a cohort's certificates (worker side): decides who is eligible, renders and stores each PDF. */
@Injectable()
export class CertificateIssuer {
  constructor(
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortsService,
    private readonly access: CohortAccessService,
    private readonly attendance: AttendanceService,
    private readonly quizOutcomes: QuizOutcomesService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly renderer: CertificatePdfRenderer,
    private readonly config: AppConfig,
  ) {}

  async issue(
    job: CertificateIssueJob,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<CertificateIssueResult> {
    const cohort = await this.cohorts.facts(job.cohortId);
    const networkName = (await this.organizations.getNetwork(cohort.networkId)).name;
    const enrolled = await this.access.enrolledIds(cohort.id);
    const { heldSessions, attended } = await this.attendance.tally(cohort.id, enrolled);
    const attending = enrolled.filter((id) =>
      isEligible(attended.get(id) ?? 0, heldSessions, cohort.minAttendancePercent),
    );
    const finalPasses = cohort.requiresFinalQuizPass
      ? await this.quizOutcomes.finalPasses(cohort.id, attending)
      : null;
    // The rule with no final quiz to pass certifies nobody: the result says why.
    const finalQuizMissing =
      cohort.requiresFinalQuizPass && !(await this.quizOutcomes.hasFinalQuiz(cohort.id));
    const eligible = finalPasses ? attending.filter((id) => finalPasses.has(id)) : attending;
    const holders = new Set(
      eligible.length === 0
        ? []
        : (
            await this.certificates.find({
              select: { userId: true },
              where: { cohortId: cohort.id, userId: In(eligible) },
            })
          ).map((c) => c.userId),
    );
    const candidates = await this.users.getMany(eligible.filter((id) => !holders.has(id)));
    // An erased person keeps their place in the figures, but a new certificate would name a
    // pseudonym and be sent to nobody: they are counted as not eligible.
    const people = candidates.filter((person) => !person.erasedAt);
    const erased = candidates.length - people.length;

    let issued = 0;
    for (const [index, person] of people.entries()) {
      if (
        await this.issueOne(cohort, networkName, person, job.requestedBy, {
          attended: attended.get(person.id) ?? 0,
          heldSessions,
          ...(finalPasses ? { finalQuiz: finalPasses.get(person.id) } : {}),
        })
      )
        issued++;
      await onProgress(Math.floor(((index + 1) * 100) / people.length));
    }
    return {
      issued,
      alreadyIssued: eligible.length - erased - issued,
      notEligible: enrolled.length - eligible.length + erased,
      heldSessions,
      finalQuizMissing,
    };
  }

  /**
   * Renders first, then stores the certificate, its PDF, the audit entry and the holder's
   * notification together. Another run that got there first (a second request, a retried job)
   * owns the (cohort, person) pair: this one then stores nothing and answers false.
   */
  private async issueOne(
    cohort: CohortFacts,
    networkName: string,
    person: UserDto,
    requestedBy: string,
    evidence: { attended: number; heldSessions: number; finalQuiz?: FinalQuizPass },
  ): Promise<boolean> {
    const certificate = this.certificates.create({
      id: randomUUID(),
      code: newCertificateCode(),
      cohortId: cohort.id,
      userId: person.id,
      holderName: person.fullName,
      courseTitle: cohort.courseTitle,
      cohortName: cohort.name,
      cohortKind: cohort.kind,
      centreName: cohort.centreName,
      networkName,
      hours: cohort.courseHours,
      issuedAt: new Date(),
      status: 'valid',
      revokedAt: null,
      revokedBy: null,
      revocationReason: null,
    });
    const pdf = await this.renderer.render(
      await certificateHtml({
        locale: person.locale,
        code: certificate.code,
        holderName: certificate.holderName,
        courseTitle: pickLocalized(certificate.courseTitle, person.locale),
        cohortName: certificate.cohortName,
        centreName: certificate.centreName,
        networkName,
        hours: certificate.hours,
        issuedAt: certificate.issuedAt,
        verifyUrl: verifyUrl(this.config.publicUrl, certificate.code),
      }),
    );
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(CertificateEntity)
        .values(certificate)
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      await manager.insert(CertificateFileEntity, { certificateId: certificate.id, pdf });
      await this.audit.record(
        [
          {
            actorId: requestedBy,
            action: 'certificate.issued',
            entityType: 'certificate',
            entityId: certificate.id,
            data: {
              code: certificate.code,
              cohortId: cohort.id,
              userId: person.id,
              ...evidence,
              minAttendancePercent: cohort.minAttendancePercent,
              requiresFinalQuizPass: cohort.requiresFinalQuizPass,
            },
          },
        ],
        manager,
      );
      await this.notifications.add(
        [
          {
            userId: person.id,
            kind: 'certificate-issued',
            params: {
              certificateId: certificate.id,
              code: certificate.code,
              courseTitle: certificate.courseTitle,
              cohortName: cohort.name,
            },
            key: `certificate-issued-${certificate.id}`,
          },
        ],
        manager,
      );
      return true;
    });
  }
}
