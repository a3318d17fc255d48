import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QUESTION_WAITING_HOURS } from '@mre/contracts';
import { Brackets, DataSource, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import type { DomainError } from '@/core/errors/domain-error';
import type { DownloadableFile } from '@/core/http/send-stored-file';
import type { PendingUpload } from '@/core/http/uploaded-stream';
import { ObjectStorage } from '@/core/storage/object-storage';
import { MaterialsService } from '@/modules/catalog/materials.service';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortNotFoundError } from '@/modules/cohorts/cohorts.errors';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { AnswerEntity } from './answer.entity';
import { authorOf, BoardAccess, type BoardStanding } from './board-access';
import { boardPermissions, mayOnBoard, type BoardAction } from './board-policy';
import {
  AttachmentNotFoundError,
  QuestionAskerOnlyError,
  AnswerNotFoundError,
  AnswerNotOfQuestionError,
  BoardStaffOnlyError,
  BoardTeachersOnlyError,
  BoardTraineesOnlyError,
  QuestionNotFoundError,
} from './cohort-board.errors';
import {
  BoardAnswerDto,
  BoardQuestionDto,
  BoardQuestionListDto,
  BoardQuestionQueryDto,
} from './dto/board.dto';
import { NO_VISIBLE_ANSWER } from './board.queries';
import { excerpt } from './question-excerpt';
import { QuestionEntity } from './question.entity';

const WAITING_MS = QUESTION_WAITING_HOURS * 3600_000;
/** Where the files attached to questions are kept in the object storage. */
const QUESTION_FILES_PREFIX = 'board';

/** What each refusal says when a person of the cohort may not do an action. */
const REFUSED: Record<Exclude<BoardAction, 'read'>, () => DomainError> = {
  announce: () => new BoardStaffOnlyError('post announcements'),
  ask: () => new BoardTraineesOnlyError(),
  lead: () => new BoardTeachersOnlyError('accept answers and pin questions'),
  moderate: () => new BoardStaffOnlyError('moderate the board'),
};

/**
 * A cohort's question board: trainees ask, anyone of the cohort answers, teachers accept an answer
 * and pin questions for the next session, staff hide and restore (audited with a reason). Hidden
 * posts vanish for trainees; staff see them marked. Questions with no visible answer for
 * QUESTION_WAITING_HOURS are listed for staff.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>,
    @InjectRepository(AnswerEntity) private readonly answers: Repository<AnswerEntity>,
    private readonly access: BoardAccess,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly files: MaterialsService,
    private readonly storage: ObjectStorage,
  ) {}

  async list(cohortId: string, query: BoardQuestionQueryDto, actor: AuthUser): Promise<BoardQuestionListDto> {
    const standing = await this.inCohort(cohortId, actor, 'read');
    const staff = mayOnBoard(standing.relation, 'moderate');
    if (query.waiting && !staff) throw REFUSED.moderate();
    const take = query.pageSize ?? 20;
    const qb = this.authored(this.questions.createQueryBuilder('q')).where('q.cohortId = :cohortId', {
      cohortId,
    });
    if (!staff) qb.andWhere('q.hiddenAt IS NULL');
    if (query.waiting) this.whereWaiting(qb).orderBy('q.createdAt', 'ASC');
    else qb.orderBy('q.pinnedAt', 'DESC', 'NULLS LAST').addOrderBy('q.createdAt', 'DESC');
    const [rows, total] = await qb
      .addOrderBy('q.id', 'DESC')
      .offset(((query.page ?? 1) - 1) * take)
      .limit(take)
      .getManyAndCount();
    const waitingCount = staff
      ? await this.whereWaiting(
          this.questions.createQueryBuilder('q').where('q.cohortId = :cohortId', { cohortId }),
        ).getCount()
      : null;
    return {
      items: await this.toDtos(rows, standing),
      total,
      waitingCount,
      permissions: boardPermissions(standing.relation),
    };
  }

  async ask(cohortId: string, body: string, actor: AuthUser): Promise<BoardQuestionDto> {
    const standing = await this.inCohort(cohortId, actor, 'ask');
    const row = await this.questions.save(
      this.questions.create({
        cohortId,
        authorId: actor.id,
        body,
        acceptedAnswerId: null,
        pinnedAt: null,
        hiddenAt: null,
        hiddenReason: null,
        attachmentKey: null,
        attachmentName: null,
        attachmentType: null,
        attachmentSize: null,
        attachmentEtag: null,
      }),
    );
    return this.one(row.id, standing);
  }

  /**
   * Attaches one file to the caller's own question (a second replaces the first), received with
   * the rules of course materials: type by content, MATERIAL_MAX_MB.
   */
  async attach(questionId: string, pending: PendingUpload, actor: AuthUser): Promise<BoardQuestionDto> {
    const { question, standing } = await this.question(questionId, actor, 'ask');
    if (question.authorId !== actor.id) throw new QuestionAskerOnlyError();
    const stored = await this.files.store(pending, QUESTION_FILES_PREFIX);
    try {
      await this.questions.update(
        { id: questionId },
        {
          attachmentKey: stored.storageKey,
          attachmentName: stored.fileName,
          attachmentType: stored.contentType,
          attachmentSize: stored.sizeBytes,
          attachmentEtag: stored.etag,
        },
      );
    } catch (error) {
      await this.storage.delete(stored.storageKey);
      throw error;
    }
    if (question.attachmentKey) await this.storage.delete(question.attachmentKey);
    return this.one(questionId, standing);
  }

  /** The question's file, for whoever may see the question. */
  async attachment(questionId: string, actor: AuthUser): Promise<DownloadableFile> {
    const { question } = await this.question(questionId, actor, 'read');
    const { attachmentKey, attachmentName, attachmentType, attachmentSize, attachmentEtag } = question;
    if (!attachmentKey || !attachmentName || !attachmentType || attachmentSize === null || !attachmentEtag)
      throw new AttachmentNotFoundError();
    return {
      storageKey: attachmentKey,
      fileName: attachmentName,
      contentType: attachmentType,
      sizeBytes: attachmentSize,
      etag: attachmentEtag,
    };
  }

  /** Anyone of the cohort answers a visible question; the asker is told (not of their own answer). */
  async answer(questionId: string, body: string, actor: AuthUser): Promise<BoardQuestionDto> {
    const { question, standing } = await this.question(questionId, actor, 'read');
    await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(AnswerEntity, {
          questionId,
          authorId: actor.id,
          body,
          hiddenAt: null,
          hiddenReason: null,
        }),
      );
      if (question.authorId && question.authorId !== actor.id)
        await this.notifications.add(
          [
            {
              userId: question.authorId,
              kind: 'question-answered',
              params: { cohortId: question.cohortId, questionId, question: excerpt(question.body) },
              // Each answer is news of its own: the second answer is e-mailed too.
              key: `question-answered-${saved.id}`,
            },
          ],
          manager,
        );
    });
    return this.one(questionId, standing);
  }

  async accept(questionId: string, answerId: string, actor: AuthUser): Promise<BoardQuestionDto> {
    const { question, standing } = await this.question(questionId, actor, 'lead');
    const answer = await this.answers.findOne({ where: { id: answerId } });
    if (!answer) throw new AnswerNotFoundError();
    if (answer.questionId !== questionId) throw new AnswerNotOfQuestionError();
    if (answer.hiddenAt) throw new AnswerNotFoundError();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(QuestionEntity, { id: questionId }, { acceptedAnswerId: answerId });
      await this.audit.record(
        [
          this.entry('question.answer-accepted', 'question', questionId, actor, {
            cohortId: question.cohortId,
            answerId,
            before: question.acceptedAnswerId,
          }),
        ],
        manager,
      );
    });
    return this.one(questionId, standing);
  }

  async pin(questionId: string, pinned: boolean, actor: AuthUser): Promise<BoardQuestionDto> {
    const { standing } = await this.question(questionId, actor, 'lead');
    await this.questions.update({ id: questionId }, { pinnedAt: pinned ? new Date() : null });
    return this.one(questionId, standing);
  }

  async hideQuestion(questionId: string, reason: string | null, actor: AuthUser): Promise<BoardQuestionDto> {
    const { question, standing } = await this.question(questionId, actor, 'moderate');
    const hidden = reason !== null;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        QuestionEntity,
        { id: questionId },
        { hiddenAt: hidden ? new Date() : null, hiddenReason: reason },
      );
      await this.audit.record(
        [
          {
            ...this.entry(hidden ? 'question.hidden' : 'question.restored', 'question', questionId, actor, {
              cohortId: question.cohortId,
              authorId: question.authorId,
            }),
            reason,
          },
        ],
        manager,
      );
    });
    return this.one(questionId, standing);
  }

  async hideAnswer(answerId: string, reason: string | null, actor: AuthUser): Promise<BoardQuestionDto> {
    const answer = await this.answers.findOne({ where: { id: answerId } });
    if (!answer) throw new AnswerNotFoundError();
    const { question, standing } = await this.question(
      answer.questionId,
      actor,
      'moderate',
      () => new AnswerNotFoundError(),
    );
    const hidden = reason !== null;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AnswerEntity,
        { id: answerId },
        { hiddenAt: hidden ? new Date() : null, hiddenReason: reason },
      );
      await this.audit.record(
        [
          {
            ...this.entry(hidden ? 'answer.hidden' : 'answer.restored', 'question_answer', answerId, actor, {
              cohortId: question.cohortId,
              questionId: question.id,
              authorId: answer.authorId,
            }),
            reason,
          },
        ],
        manager,
      );
    });
    return this.one(question.id, standing);
  }

  private inCohort(cohortId: string, actor: AuthUser, action: BoardAction): Promise<BoardStanding> {
    const hidden = () => new CohortNotFoundError();
    return this.access.require(cohortId, actor, action, hidden, action === 'read' ? hidden : REFUSED[action]);
  }

  /**
   * The question and the caller's standing when they may do `action` on it: 404 when they are not
   * of its cohort, or when it is hidden and they do not moderate.
   */
  private async question(
    questionId: string,
    actor: AuthUser,
    action: BoardAction,
    missing: () => DomainError = () => new QuestionNotFoundError(),
  ): Promise<{ question: QuestionEntity; standing: BoardStanding }> {
    const question = await this.questions.findOne({ where: { id: questionId } });
    if (!question) throw missing();
    const standing = await this.access.require(question.cohortId, actor, 'read', missing, missing);
    if (question.hiddenAt && !mayOnBoard(standing.relation, 'moderate')) throw missing();
    if (action !== 'read' && !mayOnBoard(standing.relation, action)) throw REFUSED[action]();
    return { question, standing };
  }

  /** Visible, older than the waiting time, and no visible answer. */
  private whereWaiting(qb: SelectQueryBuilder<QuestionEntity>): SelectQueryBuilder<QuestionEntity> {
    return qb.andWhere(
      new Brackets((w) =>
        w
          .where('q.hiddenAt IS NULL')
          .andWhere('q.createdAt < :waitingSince', { waitingSince: new Date(Date.now() - WAITING_MS) })
          .andWhere(NO_VISIBLE_ANSWER),
      ),
    );
  }

  private authored<T extends QuestionEntity | AnswerEntity>(
    qb: SelectQueryBuilder<T>,
  ): SelectQueryBuilder<T> {
    return qb.leftJoin(`${qb.alias}.author`, 'u').addSelect(['u.id', 'u.fullName']);
  }

  private async one(questionId: string, standing: BoardStanding): Promise<BoardQuestionDto> {
    const row = await this.authored(this.questions.createQueryBuilder('q'))
      .where('q.id = :questionId', { questionId })
      .getOneOrFail();
    const [dto] = await this.toDtos([row], standing);
    return dto;
  }

  private async toDtos(rows: QuestionEntity[], standing: BoardStanding): Promise<BoardQuestionDto[]> {
    if (rows.length === 0) return [];
    const staff = mayOnBoard(standing.relation, 'moderate');
    const qb = this.authored(this.answers.createQueryBuilder('x')).where({
      questionId: In(rows.map((r) => r.id)),
    });
    if (!staff) qb.andWhere('x.hiddenAt IS NULL');
    const answers = await qb.orderBy('x.createdAt', 'ASC').addOrderBy('x.id', 'ASC').getMany();
    const now = Date.now();
    return rows.map((row) => {
      const own = answers.filter((a) => a.questionId === row.id);
      const accepted = own.find((a) => a.id === row.acceptedAnswerId && !a.hiddenAt)?.id ?? null;
      return {
        id: row.id,
        cohortId: row.cohortId,
        body: row.body,
        author: authorOf(row.author, standing),
        createdAt: row.createdAt.toISOString(),
        pinned: row.pinnedAt !== null,
        acceptedAnswerId: accepted,
        waiting:
          !row.hiddenAt && now - row.createdAt.getTime() >= WAITING_MS && !own.some((a) => !a.hiddenAt),
        hidden: row.hiddenAt !== null,
        hiddenReason: staff ? row.hiddenReason : null,
        attachment:
          row.attachmentKey && row.attachmentName && row.attachmentType
            ? {
                fileName: row.attachmentName,
                contentType: row.attachmentType,
                sizeBytes: row.attachmentSize ?? 0,
                url: `/api/questions/${row.id}/attachment`,
              }
            : null,
        answers: own.map((a): BoardAnswerDto => ({
          id: a.id,
          body: a.body,
          author: authorOf(a.author, standing),
          createdAt: a.createdAt.toISOString(),
          accepted: a.id === accepted,
          hidden: a.hiddenAt !== null,
          hiddenReason: staff ? a.hiddenReason : null,
        })),
      };
    });
  }

  private entry(action: string, entityType: string, entityId: string, actor: AuthUser, data: object) {
    return { actorId: actor.id, action, entityType, entityId, data };
  }
}
