import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BENEFICIARY_STATUSES } from '@mre/contracts';
import { Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortPolicy, mayInClasses, type CohortStanding } from '@/modules/cohorts/cohort-policy';
import type { LiveSessionEntity } from '@/modules/live/live-session.entity';
import { SessionsService } from '@/modules/live/sessions.service';
import { FEEDBACK_OPEN_MS } from '@/modules/notifications/reminders.service';
import {
  FEEDBACK_ANONYMITY_THRESHOLD,
  FeedbackCommentDto,
  FeedbackDto,
  FeedbackSummaryDto,
  PutFeedbackDto,
} from './dto/feedback.dto';
import {
  FeedbackClosedError,
  FeedbackNotFoundError,
  FeedbackNotOpenError,
  FeedbackSessionNotFoundError,
  FeedbackStaffOnlyError,
  FeedbackTraineesOnlyError,
} from './feedback.errors';
import { feedbackComments, feedbackTotals } from './feedback.queries';
import { SessionFeedbackEntity } from './session-feedback.entity';

const round2 = (value: number) => Math.round(value * 100) / 100;
const closesAtOf = (session: LiveSessionEntity) => new Date(session.endsAt.getTime() + FEEDBACK_OPEN_MS);

/**
 * The survey after each held session: the cohort's trainees (enrolled for good) answer it from the
 * session's end for FEEDBACK_OPEN_DAYS; staff see aggregates only from FEEDBACK_ANONYMITY_THRESHOLD
 * answers; an admin may see who wrote what, and that look is audited.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectRepository(SessionFeedbackEntity) private readonly answers: Repository<SessionFeedbackEntity>,
    private readonly sessions: SessionsService,
    private readonly policy: CohortPolicy,
    private readonly audit: AuditService,
  ) {}

  /** Creates or replaces the caller's answer while the survey is open. */
  async answer(sessionId: string, dto: PutFeedbackDto, actor: AuthUser): Promise<FeedbackDto> {
    const session = await this.traineeSession(sessionId, actor);
    const closesAt = closesAtOf(session);
    const now = Date.now();
    if (session.status !== 'scheduled' || now < session.endsAt.getTime()) throw new FeedbackNotOpenError();
    if (now >= closesAt.getTime()) throw new FeedbackClosedError(closesAt);
    await this.answers.upsert(
      {
        sessionId,
        userId: actor.id,
        content: dto.content,
        clarity: dto.clarity,
        audioVideo: dto.audioVideo,
        comment: dto.comment?.trim() || null,
      },
      ['sessionId', 'userId'],
    );
    return this.mine(sessionId, actor);
  }

  async mine(sessionId: string, actor: AuthUser): Promise<FeedbackDto> {
    const session = await this.traineeSession(sessionId, actor);
    const answer = await this.answers.findOne({ where: { sessionId, userId: actor.id } });
    if (!answer) throw new FeedbackNotFoundError();
    return FeedbackDto.from(answer, closesAtOf(session));
  }

  /** For the cohort's staff: counts always, averages and comments from the threshold on. */
  async summary(sessionId: string, actor: AuthUser, withAuthors = false): Promise<FeedbackSummaryDto> {
    const { session, standing } = await this.load(sessionId, actor);
    if (!standing.relation) throw new FeedbackSessionNotFoundError();
    if (!mayInClasses(standing.relation, 'run')) throw new FeedbackStaffOnlyError('the cohort’s staff');
    if (withAuthors && actor.role !== 'admin') throw new FeedbackStaffOnlyError('admins');
    const [totals]: { answers: number; content: number; clarity: number; audioVideo: number }[] =
      await this.answers.query(...feedbackTotals(sessionId));
    const shown = totals.answers >= FEEDBACK_ANONYMITY_THRESHOLD;
    let comments: FeedbackCommentDto[] | null = null;
    if (shown || withAuthors) {
      const rows: { comment: string; authorId: string; authorName: string }[] = await this.answers.query(
        ...feedbackComments(sessionId),
      );
      comments = rows.map((row) => (withAuthors ? row : { comment: row.comment }));
    }
    if (withAuthors)
      await this.audit.record([
        {
          actorId: actor.id,
          action: 'feedback.authors-viewed',
          entityType: 'session',
          entityId: sessionId,
          data: { answers: totals.answers, comments: comments?.length ?? 0 },
        },
      ]);
    return {
      sessionId,
      answers: totals.answers,
      threshold: FEEDBACK_ANONYMITY_THRESHOLD,
      averages:
        shown || withAuthors
          ? {
              content: round2(totals.content),
              clarity: round2(totals.clarity),
              audioVideo: round2(totals.audioVideo),
            }
          : null,
      comments,
      opensAt: session.endsAt.toISOString(),
      closesAt: closesAtOf(session).toISOString(),
    };
  }

  /**
   * The session, when the caller is one of its cohort's trainees enrolled for good (active or
   * completed: a trainee whose enrollment completed still rates its last class); staff get 403,
   * anyone else 404.
   */
  private async traineeSession(sessionId: string, actor: AuthUser): Promise<LiveSessionEntity> {
    const { session, standing } = await this.load(sessionId, actor);
    const enrolled = standing.enrollment !== null && BENEFICIARY_STATUSES.includes(standing.enrollment);
    if (actor.role === 'trainee' && enrolled) return session;
    if (standing.relation) throw new FeedbackTraineesOnlyError();
    throw new FeedbackSessionNotFoundError();
  }

  private async load(
    sessionId: string,
    actor: AuthUser,
  ): Promise<{ session: LiveSessionEntity; standing: CohortStanding }> {
    const session = await this.sessions.find(sessionId);
    const standing = session && (await this.policy.standing(session.cohortId, actor));
    if (!session || !standing) throw new FeedbackSessionNotFoundError();
    return { session, standing };
  }
}
