import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, IsNull, Not, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { QueueName, type QuizOpenedJob } from '@/core/queue/queue-name';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CohortPolicy, mayInClasses, seesCohort, type CohortStanding } from '@/modules/cohorts/cohort-policy';
import { CohortNotFoundError, DatesOutOfOrderError } from '@/modules/cohorts/cohorts.errors';
import { UsersService } from '@/modules/identity/users.service';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { NotQuizRunnerError } from './assessment.errors';
import { AttemptsService } from './attempts.service';
import { CohortQuizEntity } from './cohort-quiz.entity';
import {
  CohortQuizDto,
  CohortQuizWindowDto,
  ItemAnalysisDto,
  QuizResultsDto,
  TraineeQuizResultDto,
} from './dto/attempt.dto';
import { percentOf } from './questions';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { QuizEntity } from './quiz.entity';
import { QuizzesService } from './quizzes.service';

/** The quizzes of a cohort's course as the cohort runs them: when they open, and how its trainees did. */
@Injectable()
export class CohortQuizzesService {
  constructor(
    @InjectRepository(CohortQuizEntity) private readonly windows: Repository<CohortQuizEntity>,
    @InjectRepository(QuizAttemptEntity) private readonly attemptRows: Repository<QuizAttemptEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quizzes: QuizzesService,
    private readonly attempts: AttemptsService,
    private readonly policy: CohortPolicy,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @InjectQueue(QueueName.QuizWindows) private readonly quizWindows: Queue<QuizOpenedJob>,
  ) {}

  /** Staff see every quiz of the course; trainees the ones scheduled for them, with their own standing. */
  async list(cohortId: string, actor: AuthUser): Promise<CohortQuizDto[]> {
    const standing = await this.visible(cohortId, actor);
    const courseId = (await this.access.courseIdOf(cohortId)) as string;
    const [quizzes, windows] = await Promise.all([
      this.quizzes.ofCourse(courseId),
      this.windows.find({ where: { cohortId } }),
    ]);
    const windowOf = new Map(windows.map((w) => [w.quizId, w]));
    const now = new Date();
    // A trainee, or someone who sees the cohort without taking part now (a completed or withdrawn enrollment).
    if (standing.relation === 'trainee' || standing.relation === null) {
      const shown = quizzes.filter((q) => windowOf.has(q.id));
      const mine = await this.attempts.standingsOf(cohortId, actor.id, shown);
      return shown.map((q) => ({ ...cohortQuiz(q, windowOf.get(q.id), now), mine: mine.get(q.id) }));
    }
    const submitted: { quiz_id: string; trainees: string }[] = await this.attemptRows
      .createQueryBuilder('a')
      .select('a.quiz_id', 'quiz_id')
      .addSelect('COUNT(DISTINCT a.user_id)', 'trainees')
      .where('a.cohort_id = :cohortId AND a.submitted_at IS NOT NULL', { cohortId })
      .groupBy('a.quiz_id')
      .getRawMany();
    const counts = new Map(submitted.map((r) => [r.quiz_id, Number(r.trainees)]));
    return quizzes.map((q) => ({
      ...cohortQuiz(q, windowOf.get(q.id), now),
      submittedCount: counts.get(q.id) ?? 0,
    }));
  }

  /** Sets when the cohort's trainees may take the quiz (admins, its teachers, its centre's coordinator). */
  async schedule(
    cohortId: string,
    quizId: string,
    dto: CohortQuizWindowDto,
    actor: AuthUser,
  ): Promise<CohortQuizDto> {
    const quiz = await this.runnable(cohortId, quizId, actor);
    const opensAt = new Date(dto.opensAt);
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (closesAt && closesAt <= opensAt) throw new DatesOutOfOrderError('closesAt must be after opensAt');
    const before = await this.windows.findOne({ where: { cohortId, quizId } });
    const window = await this.dataSource.transaction(async (manager) => {
      await manager.upsert(CohortQuizEntity, { cohortId, quizId, opensAt, closesAt, updatedBy: actor.id }, [
        'cohortId',
        'quizId',
      ]);
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.scheduled',
            entityType: 'cohort',
            entityId: cohortId,
            data: { quizId, opensAt: opensAt.toISOString(), closesAt: closesAt?.toISOString() ?? null },
          },
        ],
        manager,
      );
      return manager.findOneByOrFail(CohortQuizEntity, { cohortId, quizId });
    });
    await this.planOpeningNotice(before, window);
    return cohortQuiz(quiz, window, new Date());
  }

  /**
   * Trainees are told when the window opens: now if it is open already (and was not before), else
   * by a delayed job at the opening, which checks that the window still opens then.
   */
  private async planOpeningNotice(before: CohortQuizEntity | null, window: CohortQuizEntity): Promise<void> {
    const now = Date.now();
    if (before && before.opensAt.getTime() <= now) return;
    const job: QuizOpenedJob = {
      cohortId: window.cohortId,
      quizId: window.quizId,
      opensAt: window.opensAt.toISOString(),
    };
    if (window.opensAt.getTime() <= now) return void (await this.tellOpened(job));
    await this.quizWindows.add('quiz-opened', job, {
      jobId: `quiz-opened-${job.cohortId}-${job.quizId}-${window.opensAt.getTime()}`,
      delay: window.opensAt.getTime() - now,
    });
  }

  /** The cohort's trainees learn that the quiz is open, once per opening; nothing if the window moved or went. */
  async tellOpened(job: QuizOpenedJob): Promise<string | null> {
    const window = await this.windows.findOne({ where: { cohortId: job.cohortId, quizId: job.quizId } });
    if (!window || window.opensAt.toISOString() !== job.opensAt) return 'the window moved or was removed';
    const [named] = await this.dataSource.query<{ quizTitles: object; cohortName: string }[]>(
      'SELECT q.title AS "quizTitles", c.name AS "cohortName" FROM quizzes q, cohorts c WHERE q.id = $1 AND c.id = $2',
      [job.quizId, job.cohortId],
    );
    if (!named) return 'the quiz or the cohort is gone';
    const trainees = await this.access.enrolledIds(job.cohortId);
    await this.notifications.add(
      trainees.map((userId) => ({
        userId,
        kind: 'quiz-opened',
        params: {
          cohortId: job.cohortId,
          quizId: job.quizId,
          quizTitles: named.quizTitles,
          cohortName: named.cohortName,
          opensAt: job.opensAt,
          ...(window.closesAt ? { closesAt: window.closesAt.toISOString() } : {}),
        },
        key: `quiz-opened-${job.cohortId}-${job.quizId}-${job.opensAt}`,
      })),
    );
    return null;
  }

  /**
   * Takes the quiz off the cohort's list: no new attempt starts; attempts under way keep their own
   * deadline, and passes already earned still count for the certificate (see QuizOutcomesService).
   */
  async unschedule(cohortId: string, quizId: string, actor: AuthUser): Promise<void> {
    await this.runnable(cohortId, quizId, actor);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(CohortQuizEntity, { cohortId, quizId });
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.unscheduled',
            entityType: 'cohort',
            entityId: cohortId,
            data: { quizId },
          },
        ],
        manager,
      );
    });
  }

  /**
   * Scores per trainee (every attending trainee, attempted or not) and the item analysis over each
   * trainee's last submitted attempt: percent right per question and percent chosen per choice.
   */
  async results(cohortId: string, quizId: string, actor: AuthUser): Promise<QuizResultsDto> {
    await this.policy.require(cohortId, actor, 'viewRoster', "see the cohort's quiz results");
    const quiz = await this.quizzes.ofCohort(cohortId, quizId);
    await this.attempts.submitOverdue({ cohortId, quizId });
    const [window, submitted, traineeIds] = await Promise.all([
      this.windows.findOne({ where: { cohortId, quizId } }),
      this.attemptRows.find({
        where: { cohortId, quizId, submittedAt: Not(IsNull()) },
        order: { number: 'ASC' },
      }),
      this.access.attendingTraineeIds(cohortId),
    ]);
    const ids = [...new Set([...traineeIds, ...submitted.map((a) => a.userId)])];
    const names = await this.users.namesOf(ids);
    const byTrainee = new Map<string, QuizAttemptEntity[]>();
    for (const attempt of submitted)
      byTrainee.set(attempt.userId, [...(byTrainee.get(attempt.userId) ?? []), attempt]);
    const trainees: TraineeQuizResultDto[] = ids
      .map((userId) => {
        const theirs = byTrainee.get(userId) ?? [];
        const percents = theirs.map((a) => percentOf(a.score ?? 0, a.maxScore ?? 0));
        return {
          userId,
          fullName: names.get(userId) ?? '',
          attempts: theirs.length,
          bestPercent: percents.length > 0 ? Math.max(...percents) : null,
          lastPercent: percents.length > 0 ? percents[percents.length - 1] : null,
          passed: theirs.some((a) => a.passed === true),
        };
      })
      .sort((a, b) => a.fullName.localeCompare(b.fullName));
    const bests = trainees.flatMap((t) => (t.bestPercent === null ? [] : [t.bestPercent]));
    const lasts = [...byTrainee.values()].map((theirs) => theirs[theirs.length - 1]);
    return {
      quiz: { ...cohortQuiz(quiz, window ?? undefined, new Date()), submittedCount: byTrainee.size },
      trainees,
      averagePercent:
        bests.length > 0 ? Math.round((bests.reduce((s, p) => s + p, 0) / bests.length) * 10) / 10 : null,
      items: itemAnalysis(quiz, lasts),
    };
  }

  private async visible(cohortId: string, actor: AuthUser): Promise<CohortStanding> {
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing || !seesCohort(standing, actor)) throw new CohortNotFoundError();
    return standing;
  }

  private async runnable(cohortId: string, quizId: string, actor: AuthUser): Promise<QuizEntity> {
    const standing = await this.visible(cohortId, actor);
    if (!standing.relation || !mayInClasses(standing.relation, 'run')) throw new NotQuizRunnerError();
    return this.quizzes.ofCohort(cohortId, quizId);
  }
}

export function cohortQuiz(quiz: QuizEntity, window: CohortQuizEntity | undefined, now: Date): CohortQuizDto {
  const state = !window
    ? 'not-scheduled'
    : now < window.opensAt
      ? 'upcoming'
      : window.closesAt && now >= window.closesAt
        ? 'closed'
        : 'open';
  return {
    quizId: quiz.id,
    moduleId: quiz.moduleId,
    title: quiz.title,
    purpose: quiz.purpose,
    questionCount: quiz.questions.length,
    totalPoints: quiz.questions.reduce((sum, q) => sum + q.points, 0),
    passPercent: quiz.passPercent,
    timeLimitMinutes: quiz.timeLimitMinutes,
    attemptsAllowed: quiz.attemptsAllowed,
    opensAt: window?.opensAt.toISOString() ?? null,
    closesAt: window?.closesAt?.toISOString() ?? null,
    state,
  };
}

function itemAnalysis(quiz: QuizEntity, attempts: QuizAttemptEntity[]): ItemAnalysisDto[] {
  const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);
  return quiz.questions.map((question) => {
    const answered = attempts.length;
    const right = attempts.filter(
      (a) => a.results?.find((r) => r.questionId === question.id)?.correct === true,
    ).length;
    const item: ItemAnalysisDto = {
      questionId: question.id,
      kind: question.kind,
      prompt: question.prompt,
      answered,
      percentRight: answered > 0 ? share(right, answered) : null,
    };
    if (question.choices) {
      item.choices = question.choices.map((choice) => {
        const chosen = attempts.filter((a) => {
          const answer = a.answers[question.id];
          return Array.isArray(answer) && answer.includes(choice.id);
        }).length;
        return {
          id: choice.id,
          text: choice.text,
          correct: choice.correct,
          percentChosen: share(chosen, answered),
        };
      });
    }
    return item;
  });
}
