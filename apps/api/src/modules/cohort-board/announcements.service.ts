import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { PageQueryDto } from '@/core/http/pagination';
import { AuditService } from '@/modules/audit/audit.service';
import { MaterialFileDto } from '@/modules/catalog/dto/course.dto';
import { MaterialsService } from '@/modules/catalog/materials.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CohortNotFoundError } from '@/modules/cohorts/cohorts.errors';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { AnnouncementEntity } from './announcement.entity';
import { authorOf, BoardAccess, type BoardStanding } from './board-access';
import { boardPermissions } from './board-policy';
import {
  AnnouncementNotFoundError,
  AttachmentNotOfCourseError,
  BoardStaffOnlyError,
} from './cohort-board.errors';
import {
  AnnouncementDto,
  AnnouncementListDto,
  CreateAnnouncementDto,
  UpdateAnnouncementDto,
} from './dto/board.dto';

/**
 * A cohort's announcements: posted by its staff, read by its trainees (who get a notice), edited
 * and deleted with an audit entry that keeps the title before and after.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectRepository(AnnouncementEntity) private readonly announcements: Repository<AnnouncementEntity>,
    private readonly access: BoardAccess,
    private readonly cohorts: CohortAccessService,
    private readonly materials: MaterialsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async list(cohortId: string, query: PageQueryDto, actor: AuthUser): Promise<AnnouncementListDto> {
    const standing = await this.inCohort(cohortId, actor, 'read');
    const take = query.pageSize ?? 20;
    const [rows, total] = await this.announcements
      .createQueryBuilder('a')
      .leftJoin('a.author', 'u')
      .addSelect(['u.id', 'u.fullName'])
      .where('a.cohortId = :cohortId AND a.deletedAt IS NULL', { cohortId })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(((query.page ?? 1) - 1) * take)
      .limit(take)
      .getManyAndCount();
    return {
      items: await this.toDtos(rows, standing),
      total,
      permissions: boardPermissions(standing.relation),
    };
  }

  /** Posts the announcement and tells each attending trainee of the cohort, in the same transaction. */
  async post(cohortId: string, dto: CreateAnnouncementDto, actor: AuthUser): Promise<AnnouncementDto> {
    const standing = await this.inCohort(cohortId, actor, 'announce');
    const materialIds = await this.courseMaterials(cohortId, dto.materialIds ?? []);
    const trainees = await this.cohorts.attendingTraineeIds(cohortId);
    const cohortName = await this.cohorts.nameOf(cohortId);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(AnnouncementEntity, {
          cohortId,
          authorId: actor.id,
          title: dto.title,
          body: dto.body,
          materialIds,
          editedAt: null,
          deletedAt: null,
        }),
      );
      await this.audit.record([this.entry('announcement.posted', row, actor, { title: row.title })], manager);
      await this.notifications.add(
        trainees
          .filter((id) => id !== actor.id)
          .map((userId) => ({
            userId,
            kind: 'announcement-posted' as const,
            params: { cohortId, cohortName, announcementId: row.id, title: row.title },
          })),
        manager,
      );
      return row;
    });
    return this.one(saved.id, standing);
  }

  async update(id: string, dto: UpdateAnnouncementDto, actor: AuthUser): Promise<AnnouncementDto> {
    const { row, standing } = await this.editable(id, actor, 'edit announcements');
    const before = { title: row.title, body: row.body, materialIds: row.materialIds };
    if (dto.materialIds) row.materialIds = await this.courseMaterials(row.cohortId, dto.materialIds);
    if (dto.title !== undefined) row.title = dto.title;
    if (dto.body !== undefined) row.body = dto.body;
    row.editedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.save(row);
      await this.audit.record(
        [
          this.entry('announcement.edited', row, actor, {
            before: { title: before.title },
            after: { title: row.title },
            bodyChanged: before.body !== row.body,
            attachmentsChanged: before.materialIds.join() !== row.materialIds.join(),
          }),
        ],
        manager,
      );
    });
    return this.one(row.id, standing);
  }

  /** Hides the announcement from everyone for good; the row stays for the audit log. */
  async remove(id: string, actor: AuthUser): Promise<void> {
    const { row } = await this.editable(id, actor, 'delete announcements');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(AnnouncementEntity, { id: row.id }, { deletedAt: new Date() });
      await this.audit.record(
        [this.entry('announcement.deleted', row, actor, { title: row.title })],
        manager,
      );
    });
  }

  private inCohort(cohortId: string, actor: AuthUser, action: 'read' | 'announce') {
    return this.access.require(
      cohortId,
      actor,
      action,
      () => new CohortNotFoundError(),
      () => new BoardStaffOnlyError('post announcements'),
    );
  }

  /** A live announcement the caller may change; 404 for one deleted or in a cohort they are not in. */
  private async editable(id: string, actor: AuthUser, what: string) {
    const row = await this.announcements.findOne({ where: { id } });
    if (!row || row.deletedAt) throw new AnnouncementNotFoundError();
    const standing = await this.access.require(
      row.cohortId,
      actor,
      'announce',
      () => new AnnouncementNotFoundError(),
      () => new BoardStaffOnlyError(what),
    );
    return { row, standing };
  }

  /** The ids, when each is a file of the course the cohort runs (400 naming those that are not). */
  private async courseMaterials(cohortId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const courseId = await this.cohorts.courseIdOf(cohortId);
    const found = new Set(
      (await this.materials.findMany(ids)).filter((m) => m.courseId === courseId).map((m) => m.id),
    );
    const strangers = ids.filter((id) => !found.has(id));
    if (strangers.length > 0) throw new AttachmentNotOfCourseError(strangers);
    return ids;
  }

  private async one(id: string, standing: BoardStanding): Promise<AnnouncementDto> {
    const row = await this.announcements
      .createQueryBuilder('a')
      .leftJoin('a.author', 'u')
      .addSelect(['u.id', 'u.fullName'])
      .where('a.id = :id', { id })
      .getOneOrFail();
    const [dto] = await this.toDtos([row], standing);
    return dto;
  }

  private async toDtos(rows: AnnouncementEntity[], standing: BoardStanding): Promise<AnnouncementDto[]> {
    const files = new Map(
      (await this.materials.findMany(rows.flatMap((r) => r.materialIds))).map((m) => [m.id, m]),
    );
    return rows.map((row) => ({
      id: row.id,
      cohortId: row.cohortId,
      title: row.title,
      body: row.body,
      author: authorOf(row.author, standing),
      attachments: row.materialIds.flatMap((id) => {
        const file = files.get(id);
        return file ? [MaterialFileDto.from(file)] : [];
      }),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
    }));
  }

  private entry(action: string, row: AnnouncementEntity, actor: AuthUser, data: object) {
    return {
      actorId: actor.id,
      action,
      entityType: 'announcement',
      entityId: row.id,
      data: { cohortId: row.cohortId, ...data },
    };
  }
}
