import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RECORDING_CONSENT_TEXT_VERSION, type RecordingConsentChoice } from '@mre/contracts';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortNotFoundError } from '@/modules/cohorts/cohorts.errors';
import { CohortPolicy, mayInClasses, seesCohort } from '@/modules/cohorts/cohort-policy';
import type {
  CohortRecordingConsentDto,
  RecordingConsentAnswerDto,
  SessionRecordingConsentDto,
} from './dto/recording-consent.dto';
import * as queries from './recording-consent.queries';
import { RecordingConsentEntity } from './recording-consent.entity';
import { ConsentSessionNotFoundError, NotAHostError, NotAnAttendeeError } from './recording-consent.errors';

const answer = (row: RecordingConsentEntity): RecordingConsentAnswerDto => ({
  choice: row.choice,
  textVersion: row.textVersion,
  decidedAt: row.decidedAt.toISOString(),
});

/**
 * Recording consent: a cohort says whether its sessions may be recorded; each enrolled person
 * acknowledges it or objects (who, when, which wording), and a host sees the objections before
 * starting a recording.
 */
@Injectable()
export class RecordingConsentService {
  constructor(
    @InjectRepository(RecordingConsentEntity) private readonly answers: Repository<RecordingConsentEntity>,
    private readonly dataSource: DataSource,
    private readonly policy: CohortPolicy,
    private readonly audit: AuditService,
  ) {}

  /** The notice and the caller's answer, for anyone who sees the cohort. */
  async ofCohort(cohortId: string, actor: AuthUser): Promise<CohortRecordingConsentDto> {
    const recordingAllowed = await this.visibleCohort(cohortId, actor);
    const mine = await this.answers.findOne({ where: { cohortId, userId: actor.id } });
    return {
      recordingAllowed,
      textVersion: RECORDING_CONSENT_TEXT_VERSION,
      mine: mine ? answer(mine) : null,
    };
  }

  /** The caller's answer (enrolled or waitlisted in the cohort); the latest counts, each is audited. */
  async answer(
    cohortId: string,
    choice: RecordingConsentChoice,
    textVersion: string,
    actor: AuthUser,
  ): Promise<CohortRecordingConsentDto> {
    const recordingAllowed = await this.visibleCohort(cohortId, actor);
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing?.enrollment || standing.enrollment === 'withdrawn') throw new NotAnAttendeeError();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = manager.create(RecordingConsentEntity, {
        cohortId,
        userId: actor.id,
        choice,
        textVersion,
        decidedAt: new Date(),
      });
      await manager.upsert(RecordingConsentEntity, row, ['cohortId', 'userId']);
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: `recording-consent.${choice}`,
            entityType: 'cohort',
            entityId: cohortId,
            data: { textVersion },
          },
        ],
        manager,
      );
      return row;
    });
    return { recordingAllowed, textVersion: RECORDING_CONSENT_TEXT_VERSION, mine: answer(saved) };
  }

  /** For those who may record the session: who objected, before they press "Record". */
  async ofSession(sessionId: string, actor: AuthUser): Promise<SessionRecordingConsentDto> {
    const [session] = (await this.dataSource.query(...queries.cohortOfSession(sessionId))) as Array<{
      cohortId: string;
    }>;
    if (!session) throw new ConsentSessionNotFoundError();
    const standing = await this.policy.standing(session.cohortId, actor);
    if (!standing || !seesCohort(standing, actor)) throw new ConsentSessionNotFoundError();
    if (!standing.relation || !mayInClasses(standing.relation, 'host')) throw new NotAHostError();
    const recordingAllowed = await this.recordingAllowed(session.cohortId);
    const rows = (await this.dataSource.query(...queries.answersOfAttendees(session.cohortId))) as Array<{
      userId: string;
      fullName: string;
      choice: RecordingConsentChoice | null;
      decidedAt: Date | null;
    }>;
    return {
      recordingAllowed,
      objections: rows
        .filter((r) => r.choice === 'objected')
        .map((r) => ({
          userId: r.userId,
          fullName: r.fullName,
          decidedAt: (r.decidedAt as Date).toISOString(),
        })),
      accepted: rows.filter((r) => r.choice === 'accepted').length,
      unanswered: rows.filter((r) => r.choice === null).length,
    };
  }

  private async visibleCohort(cohortId: string, actor: AuthUser): Promise<boolean> {
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing || !seesCohort(standing, actor)) throw new CohortNotFoundError();
    return this.recordingAllowed(cohortId);
  }

  private async recordingAllowed(cohortId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT recording_allowed AS "allowed" FROM cohorts WHERE id = $1`,
      [cohortId],
    )) as Array<{ allowed: boolean }>;
    if (!row) throw new CohortNotFoundError();
    return row.allowed;
  }
}
