import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { QuestionAnswer } from '@mre/contracts';
import { DataSource, EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { isUniqueViolation } from '@/core/database/postgres-errors';
import { CohortPolicy, seesCohort } from '@/modules/cohorts/cohort-policy';
import { CohortNotFoundError } from '@/modules/cohorts/cohorts.errors';
import {
  AttemptNotFoundError,
  AttemptsExhaustedError,
  AttemptSubmittedError,
  AttemptTimeUpError,
  InvalidAnswerError,
  NotCohortTraineeError,
  QuizNotOpenError,
} from './assessment.errors';
import { CohortQuizEntity } from './cohort-quiz.entity';
import { AttemptDto, MyQuizStandingDto, QuestionFeedbackDto, SavedAnswersDto } from './dto/attempt.dto';
import { answerFits, attemptOrder, gradedFields, percentOf, publicQuestions } from './questions';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { QuizEntity } from './quiz.entity';
import { QuizzesService } from './quizzes.service';

/**
 * Answers sent this long after the deadline still count: on a weak link, an answer given in the
 * last seconds may arrive a little late.
 */
export const ANSWER_GRACE_MS = 30_000;

/**
 * A trainee's attempts at a cohort's quiz: started, answered a little at a time (saved as given,
 * so a dropped connection loses nothing), submitted once and graded here, never by the browser.
 * The time limit is the server's: an attempt past its deadline is submitted with what was saved.
 */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectRepository(QuizAttemptEntity) private readonly attempts: Repository<QuizAttemptEntity>,
    @InjectRepository(CohortQuizEntity) private readonly windows: Repository<CohortQuizEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quizzes: QuizzesService,
    private readonly policy: CohortPolicy,
  ) {}

  /**
   * The trainee's attempt in progress (`created: false`), or a new one when the quiz is open to
   * the cohort and attempts are left. Only the cohort's attending trainees take its quizzes.
   */
  async start(
    cohortId: string,
    quizId: string,
    actor: AuthUser,
  ): Promise<{ attempt: AttemptDto; created: boolean }> {
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing || !seesCohort(standing, actor)) throw new CohortNotFoundError();
    if (standing.relation !== 'trainee') throw new NotCohortTraineeError();
    const quiz = await this.quizzes.ofCohort(cohortId, quizId);
    await this.submitOverdue({ cohortId, quizId, userId: actor.id });
    const current = await this.inProgress(cohortId, quizId, actor.id);
    if (current) return { attempt: this.view(quiz, current), created: false };

    const window = await this.windows.findOne({ where: { cohortId, quizId } });
    const now = new Date();
    if (!window || now < window.opensAt || (window.closesAt && now >= window.closesAt))
      throw new QuizNotOpenError(window?.opensAt ?? null);
    const used = await this.attempts.count({ where: { cohortId, quizId, userId: actor.id } });
    if (used >= quiz.attemptsAllowed) {
      // The last one allowed may have been started a moment ago by the same trainee (a second tab).
      const justStarted = await this.inProgress(cohortId, quizId, actor.id);
      if (justStarted) return { attempt: this.view(quiz, justStarted), created: false };
      throw new AttemptsExhaustedError(quiz.attemptsAllowed);
    }
    const limit = quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null;
    const deadlines = [limit, window.closesAt].filter((d): d is Date => d !== null);
    try {
      const attempt = await this.attempts.save(
        this.attempts.create({
          quizId,
          cohortId,
          userId: actor.id,
          number: used + 1,
          startedAt: now,
          deadlineAt: deadlines.length > 0 ? new Date(Math.min(...deadlines.map((d) => d.getTime()))) : null,
          order: attemptOrder(quiz.questions, {
            questions: quiz.shuffleQuestions,
            choices: quiz.shuffleChoices,
          }),
          answers: {},
        }),
      );
      return { attempt: this.view(quiz, attempt), created: true };
    } catch (error) {
      // The same trainee started it twice at once (two tabs, a retried request): one attempt wins.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.inProgress(cohortId, quizId, actor.id);
      if (!winner) throw error;
      return { attempt: this.view(quiz, winner), created: false };
    }
  }

  /** The attempt, for its trainee and for the cohort's staff; submitted first if its time is up. */
  async get(attemptId: string, actor: AuthUser): Promise<AttemptDto> {
    const found = await this.attempts.findOne({ where: { id: attemptId } });
    if (!found) throw new AttemptNotFoundError();
    if (found.userId !== actor.id) {
      const standing = await this.policy.standing(found.cohortId, actor);
      if (!standing?.permissions.viewRoster) throw new AttemptNotFoundError();
    }
    const quiz = await this.quizzes.find(found.quizId);
    const attempt = isOverdue(found, new Date())
      ? (await this.submitOne(found.id, quiz, undefined)).attempt
      : found;
    return this.view(quiz, attempt);
  }

  /**
   * Merges answers into the attempt (null removes one). 409 once submitted, or when its time is up
   * (it is then submitted with what was saved before).
   */
  async save(
    attemptId: string,
    answers: Record<string, QuestionAnswer | null>,
    actor: AuthUser,
  ): Promise<SavedAnswersDto> {
    const { quiz } = await this.own(attemptId, actor);
    const saved = await this.dataSource.transaction(async (manager) => {
      const attempt = await this.locked(manager, attemptId);
      if (attempt.submittedAt) throw new AttemptSubmittedError();
      if (isOverdue(attempt, new Date())) return null;
      attempt.answers = merged(quiz, attempt.answers, answers);
      await manager.update(QuizAttemptEntity, { id: attempt.id }, { answers: attempt.answers });
      return attempt;
    });
    if (!saved) {
      await this.submitOne(attemptId, quiz, undefined);
      throw new AttemptTimeUpError();
    }
    return { savedAt: new Date().toISOString(), answered: Object.keys(saved.answers).length };
  }

  /**
   * Submits and grades the attempt, with last answers if they arrive in time; after the deadline
   * (and its grace) only what was saved before counts. 409 when it was submitted already.
   */
  async submit(
    attemptId: string,
    answers: Record<string, QuestionAnswer | null> | undefined,
    actor: AuthUser,
  ): Promise<AttemptDto> {
    const { quiz, attempt } = await this.own(attemptId, actor);
    if (attempt.submittedAt) throw new AttemptSubmittedError();
    if (answers) merged(quiz, attempt.answers, answers); // refuses a bad answer before anything is written
    const { attempt: submitted, now } = await this.submitOne(attemptId, quiz, answers);
    // Submitted by another request meanwhile (a retry, a second tab): that one counted.
    if (!now) throw new AttemptSubmittedError();
    return this.view(quiz, submitted);
  }

  /**
   * Submits every attempt whose time is up (of a cohort, or of one of its quizzes, or one trainee's;
   * everywhere without a filter), so that what reads the results sees it as its trainee left it.
   */
  async submitOverdue(where: { cohortId?: string; quizId?: string; userId?: string } = {}): Promise<void> {
    const overdue = await this.attempts.find({
      where: {
        ...where,
        submittedAt: IsNull(),
        deadlineAt: LessThan(new Date(Date.now() - ANSWER_GRACE_MS)),
      },
      select: { id: true, quizId: true },
    });
    const quizzes = new Map<string, QuizEntity>();
    for (const attempt of overdue) {
      if (!quizzes.has(attempt.quizId)) quizzes.set(attempt.quizId, await this.quizzes.find(attempt.quizId));
      await this.submitOne(attempt.id, quizzes.get(attempt.quizId) as QuizEntity, undefined);
    }
  }

  /** The trainee's standing at each of these quizzes in the cohort (for the cohort's quiz list). */
  async standingsOf(
    cohortId: string,
    userId: string,
    quizzes: QuizEntity[],
  ): Promise<Map<string, MyQuizStandingDto>> {
    await this.submitOverdue({ cohortId, userId });
    const theirs = await this.attempts.find({ where: { cohortId, userId }, order: { number: 'ASC' } });
    return new Map(
      quizzes.map((quiz) => {
        const attempts = theirs.filter((a) => a.quizId === quiz.id);
        const submitted = attempts.filter((a) => a.submittedAt !== null);
        const percents = submitted.map((a) => percentOf(a.score ?? 0, a.maxScore ?? 0));
        return [
          quiz.id,
          {
            attemptsUsed: attempts.length,
            inProgressAttemptId: attempts.find((a) => a.submittedAt === null)?.id ?? null,
            bestPercent: percents.length > 0 ? Math.max(...percents) : null,
            passed: submitted.some((a) => a.passed === true),
            lastAttemptId: submitted[submitted.length - 1]?.id ?? null,
          },
        ];
      }),
    );
  }

  /**
   * Submits one attempt under a row lock: the answers sent with it count when they arrive before the
   * deadline and its grace. Returns the attempt as it is afterwards, and whether this call submitted it.
   */
  private async submitOne(
    attemptId: string,
    quiz: QuizEntity,
    answers: Record<string, QuestionAnswer | null> | undefined,
  ): Promise<{ attempt: QuizAttemptEntity; now: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const attempt = await this.locked(manager, attemptId);
      if (attempt.submittedAt) return { attempt, now: false };
      const now = new Date();
      const late = isOverdue(attempt, now);
      if (answers && !late) attempt.answers = merged(quiz, attempt.answers, answers);
      Object.assign(attempt, gradedFields(quiz, attempt.answers), {
        submittedAt: late ? (attempt.deadlineAt as Date) : now,
        autoSubmitted: late,
      });
      return { attempt: await manager.save(attempt), now: true };
    });
  }

  private inProgress(cohortId: string, quizId: string, userId: string): Promise<QuizAttemptEntity | null> {
    return this.attempts.findOne({ where: { cohortId, quizId, userId, submittedAt: IsNull() } });
  }

  private async own(
    attemptId: string,
    actor: AuthUser,
  ): Promise<{ quiz: QuizEntity; attempt: QuizAttemptEntity }> {
    const attempt = await this.attempts.findOne({ where: { id: attemptId } });
    if (!attempt || attempt.userId !== actor.id) throw new AttemptNotFoundError();
    return { quiz: await this.quizzes.find(attempt.quizId), attempt };
  }

  private async locked(manager: EntityManager, attemptId: string): Promise<QuizAttemptEntity> {
    return manager.findOneOrFail(QuizAttemptEntity, {
      where: { id: attemptId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private view(quiz: QuizEntity, attempt: QuizAttemptEntity): AttemptDto {
    const dto: AttemptDto = {
      id: attempt.id,
      quizId: attempt.quizId,
      cohortId: attempt.cohortId,
      userId: attempt.userId,
      title: quiz.title,
      purpose: quiz.purpose,
      number: attempt.number,
      status: attempt.submittedAt ? 'submitted' : 'in-progress',
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      autoSubmitted: attempt.autoSubmitted,
      questions: publicQuestions(quiz.questions, attempt.order),
      answers: attempt.answers,
    };
    if (attempt.submittedAt && attempt.score !== null && attempt.maxScore !== null) {
      dto.result = {
        score: attempt.score,
        maxScore: attempt.maxScore,
        percent: percentOf(attempt.score, attempt.maxScore),
        passed: attempt.passed === true,
      };
      if (quiz.showFeedback) dto.result.questions = feedback(quiz, attempt);
    }
    return dto;
  }
}

function isOverdue(attempt: QuizAttemptEntity, now: Date): boolean {
  return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + ANSWER_GRACE_MS;
}

/** The saved answers with these merged in; 400 for an answer that is not to one of the quiz's questions or does not fit it. */
function merged(
  quiz: QuizEntity,
  saved: Record<string, QuestionAnswer>,
  sent: Record<string, QuestionAnswer | null>,
): Record<string, QuestionAnswer> {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const result = { ...saved };
  for (const [questionId, answer] of Object.entries(sent)) {
    const question = questions.get(questionId);
    if (!question) throw new InvalidAnswerError(questionId);
    if (answer === null) {
      delete result[questionId];
      continue;
    }
    if (!answerFits(question, answer)) throw new InvalidAnswerError(questionId);
    result[questionId] = answer;
  }
  return result;
}

function feedback(quiz: QuizEntity, attempt: QuizAttemptEntity): QuestionFeedbackDto[] {
  const results = new Map((attempt.results ?? []).map((r) => [r.questionId, r]));
  return quiz.questions.map((q) => {
    const result = results.get(q.id);
    const item: QuestionFeedbackDto = {
      questionId: q.id,
      correct: result?.correct ?? false,
      points: result?.points ?? 0,
    };
    if (q.choices) item.correctChoiceIds = q.choices.filter((c) => c.correct).map((c) => c.id);
    if (q.kind === 'true-false') item.correctAnswer = q.correct;
    if (q.kind === 'short') item.acceptedAnswers = q.accepted;
    if (q.kind === 'numeric') {
      item.value = q.value;
      item.tolerance = q.tolerance;
    }
    return item;
  });
}
