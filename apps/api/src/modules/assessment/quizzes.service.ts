import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AuditService } from '@/modules/audit/audit.service';
import { CoursesService } from '@/modules/catalog/courses.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { InvalidQuestionError, QuizHasAttemptsError, QuizNotFoundError } from './assessment.errors';
import { CreateQuizDto, QuizDto, RegradeResultDto, UpdateQuizDto } from './dto/quiz.dto';
import { gradedFields, QuestionProblem, settleQuestions, type QuestionInput } from './questions';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { QuizEntity } from './quiz.entity';

/** The quizzes of a course's modules, as their editors (admins and the course's experts) write them. */
@Injectable()
export class QuizzesService {
  constructor(
    @InjectRepository(QuizEntity) private readonly quizzes: Repository<QuizEntity>,
    @InjectRepository(QuizAttemptEntity) private readonly attempts: Repository<QuizAttemptEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly cohorts: CohortAccessService,
    private readonly audit: AuditService,
  ) {}

  async list(courseId: string, moduleId: string, actor: AuthUser): Promise<QuizDto[]> {
    await this.courses.editableModule(courseId, moduleId, actor);
    const quizzes = await this.quizzes.find({ where: { moduleId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return quizzes.map(QuizDto.from);
  }

  async create(courseId: string, moduleId: string, dto: CreateQuizDto, actor: AuthUser): Promise<QuizDto> {
    await this.courses.editableModule(courseId, moduleId, actor);
    return this.dataSource.transaction(async (manager) => {
      const quiz = await manager.save(
        manager.create(QuizEntity, {
          courseId,
          moduleId,
          title: dto.title,
          purpose: dto.purpose,
          questions: settled(dto.questions),
          passPercent: dto.passPercent ?? 50,
          timeLimitMinutes: dto.timeLimitMinutes ?? null,
          attemptsAllowed: dto.attemptsAllowed ?? 1,
          shuffleQuestions: dto.shuffleQuestions ?? false,
          shuffleChoices: dto.shuffleChoices ?? false,
          showFeedback: dto.showFeedback ?? true,
          createdBy: actor.id,
        }),
      );
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.created',
            entityType: 'quiz',
            entityId: quiz.id,
            data: { courseId },
          },
        ],
        manager,
      );
      return QuizDto.from(quiz);
    });
  }

  async get(courseId: string, moduleId: string, quizId: string, actor: AuthUser): Promise<QuizDto> {
    return QuizDto.from(await this.editable(courseId, moduleId, quizId, actor));
  }

  /**
   * Changes the quiz; new questions (or choices) get a version, and attempts already submitted keep
   * their score until someone regrades them (POST …/regrade), which is audited.
   */
  async update(
    courseId: string,
    moduleId: string,
    quizId: string,
    dto: UpdateQuizDto,
    actor: AuthUser,
  ): Promise<QuizDto> {
    const quiz = await this.editable(courseId, moduleId, quizId, actor);
    const { questions, ...rest } = dto;
    Object.assign(quiz, rest);
    if (questions) {
      quiz.questions = settled(questions);
      quiz.version += 1;
    }
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(quiz);
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.updated',
            entityType: 'quiz',
            entityId: quiz.id,
            data: { version: quiz.version, fields: Object.keys(dto) },
          },
        ],
        manager,
      );
      return QuizDto.from(saved);
    });
  }

  /** Deletes a quiz nobody has taken yet; one with attempts is kept (409). */
  async remove(courseId: string, moduleId: string, quizId: string, actor: AuthUser): Promise<void> {
    const quiz = await this.editable(courseId, moduleId, quizId, actor);
    if (await this.attempts.exists({ where: { quizId } })) throw new QuizHasAttemptsError();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(QuizEntity, { id: quiz.id });
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.deleted',
            entityType: 'quiz',
            entityId: quiz.id,
            data: { courseId },
          },
        ],
        manager,
      );
    });
  }

  /** Grades every submitted attempt again on the questions as they are now; audited with what changed. */
  async regrade(
    courseId: string,
    moduleId: string,
    quizId: string,
    actor: AuthUser,
  ): Promise<RegradeResultDto> {
    const quiz = await this.editable(courseId, moduleId, quizId, actor);
    return this.dataSource.transaction(async (manager) => {
      const submitted = await manager.find(QuizAttemptEntity, {
        where: { quizId, submittedAt: Not(IsNull()) },
        lock: { mode: 'pessimistic_write' },
      });
      let changed = 0;
      for (const attempt of submitted) {
        const fields = gradedFields(quiz, attempt.answers);
        if (fields.score !== attempt.score || fields.passed !== attempt.passed) changed += 1;
        await manager.update(QuizAttemptEntity, { id: attempt.id }, fields);
      }
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'quiz.regraded',
            entityType: 'quiz',
            entityId: quiz.id,
            data: { version: quiz.version, regraded: submitted.length, changed },
          },
        ],
        manager,
      );
      return { regraded: submitted.length, changed };
    });
  }

  /** The quiz, for a caller that checked access itself; 404 when missing. */
  async find(quizId: string): Promise<QuizEntity> {
    const quiz = await this.quizzes.findOne({ where: { id: quizId } });
    if (!quiz) throw new QuizNotFoundError();
    return quiz;
  }

  /** The quiz when it belongs to the course the cohort runs; 404 otherwise. */
  async ofCohort(cohortId: string, quizId: string): Promise<QuizEntity> {
    const [courseId, quiz] = await Promise.all([
      this.cohorts.courseIdOf(cohortId),
      this.quizzes.findOne({ where: { id: quizId } }),
    ]);
    if (!quiz || quiz.courseId !== courseId) throw new QuizNotFoundError();
    return quiz;
  }

  /** The course's quizzes, oldest first. */
  ofCourse(courseId: string): Promise<QuizEntity[]> {
    return this.quizzes.find({ where: { courseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async editable(
    courseId: string,
    moduleId: string,
    quizId: string,
    actor: AuthUser,
  ): Promise<QuizEntity> {
    await this.courses.editableModule(courseId, moduleId, actor);
    const quiz = await this.quizzes.findOne({ where: { id: quizId, moduleId } });
    if (!quiz) throw new QuizNotFoundError();
    return quiz;
  }
}

function settled(questions: QuestionInput[]) {
  try {
    return settleQuestions(questions);
  } catch (error) {
    if (error instanceof QuestionProblem) throw new InvalidQuestionError(error.path, error.problem);
    throw error;
  }
}
