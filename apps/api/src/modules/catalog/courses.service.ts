import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { UnknownReferenceError } from '@/core/errors/domain-error';
import { queryPage } from '@/core/database/page-query';
import { Page, pageWindow } from '@/core/http/pagination';
import { StampedCache } from '@/core/redis/stamped-cache';
import { ObjectStorage } from '@/core/storage/object-storage';
import { VersionStamps } from '@/core/redis/version-stamps';
import type { UserEntity } from '@/modules/identity/user.entity';
import { UsersService } from '@/modules/identity/users.service';
import { isUniqueViolation } from '@/core/database/postgres-errors';
import { OrganizationsService } from '@/modules/organizations/organizations.service';
import { AuditService } from '@/modules/audit/audit.service';
import { materialAudit } from './material-audit';
import {
  CourseNotFoundError,
  CourseCodeTakenError,
  ModuleNotFoundError,
  NotCourseEditorError,
} from './catalog.errors';
import { CourseMaterialEntity } from './course-material.entity';
import { CourseModuleEntity } from './course-module.entity';
import { CourseEntity } from './course.entity';
import { courseById, coursePage } from './courses.queries';
import {
  CourseDetailDto,
  CourseDto,
  CourseFields,
  CreateCourseDto,
  CreateModuleDto,
  ListCoursesQueryDto,
  ModuleDto,
  UpdateCourseDto,
  UpdateModuleDto,
} from './dto/course.dto';

/** Every change to a course (fields, status, experts) replaces this stamp once committed. */
const CATALOG_STAMP = 'catalog';
/** List pages kept per process: the trainees browsing a sector ask for the same few pages. */
const PAGES = { maxEntries: 2_000, maxAgeMs: 60_000 };

@Injectable()
export class CoursesService {
  private readonly pages = new StampedCache<Page<CourseDto>>(PAGES);

  constructor(
    @InjectRepository(CourseEntity) private readonly courses: Repository<CourseEntity>,
    @InjectRepository(CourseModuleEntity) private readonly modules: Repository<CourseModuleEntity>,
    @InjectRepository(CourseMaterialEntity) private readonly files: Repository<CourseMaterialEntity>,
    private readonly storage: ObjectStorage,
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly stamps: VersionStamps,
    private readonly audit: AuditService,
  ) {}

  /**
   * Admins see every course; others the published ones, and experts also the courses they edit.
   * A page is kept in memory while the catalogue's stamp holds (one Redis read instead of the
   * search); without a stamp (Redis down) it is read from PostgreSQL every time.
   */
  async list(query: ListCoursesQueryDto, actor: AuthUser): Promise<Page<CourseDto>> {
    const stamp = await this.stamps.read(CATALOG_STAMP);
    if (!stamp) return this.listFromDatabase(query, actor);
    return this.pages.get(pageKey(query, actor), stamp, () => this.listFromDatabase(query, actor));
  }

  /** One statement for the page, its experts and the total. */
  private async listFromDatabase(query: ListCoursesQueryDto, actor: AuthUser): Promise<Page<CourseDto>> {
    const page = await queryPage<CourseFields>(this.dataSource, coursePage(query, actor));
    return { items: page.items.map(CourseDto.from), total: page.total };
  }

  async get(id: string, actor: AuthUser): Promise<CourseDetailDto> {
    const [course]: CourseFields[] = await this.courses.query(...courseById(id, actor));
    if (!course) throw new CourseNotFoundError();
    const modules = await this.modules.find({
      where: { courseId: id },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const files = await this.filesOf(modules.map((m) => m.id));
    return {
      ...CourseDto.from(course),
      modules: modules.map((m) =>
        ModuleDto.from(
          m,
          files.filter((f) => f.moduleId === m.id),
        ),
      ),
    };
  }

  async create(dto: CreateCourseDto, actor: AuthUser): Promise<CourseDetailDto> {
    await this.assertReferences(dto);
    try {
      const course = await this.courses.save(
        this.courses.create({
          ...dto,
          summary: dto.summary ?? null,
          status: dto.status ?? 'draft',
          experts: (dto.expertIds ?? []).map((id) => ({ id })),
        }),
      );
      await this.stamps.bump(CATALOG_STAMP);
      return this.get(course.id, actor);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CourseCodeTakenError();
      throw error;
    }
  }

  async update(id: string, dto: UpdateCourseDto, actor: AuthUser): Promise<CourseDetailDto> {
    const course = await this.editable(id, actor);
    if (dto.expertIds && actor.role !== 'admin') throw new NotCourseEditorError('change its experts');
    await this.assertReferences(dto);
    const { expertIds, ...fields } = dto;
    this.courses.merge(course, fields);
    if (expertIds) course.experts = expertIds.map((expertId) => ({ id: expertId }) as UserEntity);
    await this.courses.save(course);
    await this.stamps.bump(CATALOG_STAMP);
    return this.get(id, actor);
  }

  async addModule(courseId: string, dto: CreateModuleDto, actor: AuthUser): Promise<ModuleDto> {
    await this.editable(courseId, actor);
    const saved = await this.modules.save(
      this.modules.create({ ...dto, courseId, materials: dto.materials ?? [] }),
    );
    return ModuleDto.from(saved);
  }

  async updateModule(
    courseId: string,
    moduleId: string,
    dto: UpdateModuleDto,
    actor: AuthUser,
  ): Promise<ModuleDto> {
    await this.editable(courseId, actor);
    const module = await this.modules.findOne({ where: { id: moduleId, courseId } });
    if (!module) throw new ModuleNotFoundError();
    const saved = await this.modules.save(this.modules.merge(module, dto));
    return ModuleDto.from(saved, await this.filesOf([moduleId]));
  }

  /** Deletes the module with its uploaded files (rows, then the stored files); each file's deletion is audited. */
  async removeModule(courseId: string, moduleId: string, actor: AuthUser): Promise<void> {
    await this.editable(courseId, actor);
    const files = await this.filesOf([moduleId]);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(CourseModuleEntity, { id: moduleId, courseId });
      if (result.affected !== 1) throw new ModuleNotFoundError();
      await this.audit.record(
        files.map((file) => materialAudit('material.deleted', file, actor, 'module-removed')),
        manager,
      );
    });
    for (const file of files) await this.storage.delete(file.storageKey);
  }

  /** The module, when the actor may edit its course (404 for a module of another course). */
  async editableModule(courseId: string, moduleId: string, actor: AuthUser): Promise<CourseModuleEntity> {
    await this.editable(courseId, actor);
    const module = await this.modules.findOne({ where: { id: moduleId, courseId } });
    if (!module) throw new ModuleNotFoundError();
    return module;
  }

  /** Whether the actor is an admin or one of the course's experts. */
  async isEditor(courseId: string, actor: AuthUser): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role !== 'expert') return false;
    return this.courses.exists({ where: { id: courseId, experts: { id: actor.id } } });
  }

  /** The uploaded files of these modules, in their order within each module. */
  filesOf(moduleIds: string[]): Promise<CourseMaterialEntity[]> {
    if (moduleIds.length === 0) return Promise.resolve([]);
    return this.files.find({
      where: { moduleId: In(moduleIds) },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Finds a course by code, creating it when missing (demo data). */
  async ensureCourse(dto: CreateCourseDto, modules: CreateModuleDto[]): Promise<void> {
    if (await this.courses.exists({ where: { code: dto.code } })) return;
    await this.dataSource.transaction(async (manager) => {
      const course = await manager.save(
        manager.create(CourseEntity, { ...dto, summary: dto.summary ?? null, status: dto.status ?? 'draft' }),
      );
      await manager.save(
        modules.map((m) =>
          manager.create(CourseModuleEntity, { ...m, courseId: course.id, materials: m.materials ?? [] }),
        ),
      );
    });
    await this.stamps.bump(CATALOG_STAMP);
  }

  private async editable(id: string, actor: AuthUser): Promise<CourseEntity> {
    const course = await this.courses.findOne({ where: { id }, relations: { experts: true } });
    const isEditor =
      actor.role === 'admin' || (actor.role === 'expert' && course?.experts?.some((e) => e.id === actor.id));
    if (!course || (!isEditor && course.status !== 'published')) throw new CourseNotFoundError();
    if (!isEditor) throw new NotCourseEditorError();
    return course;
  }

  private async assertReferences(dto: UpdateCourseDto): Promise<void> {
    if (dto.networkId) {
      await this.organizations.getNetwork(dto.networkId).catch(() => {
        throw new UnknownReferenceError('networkId', 'a network');
      });
    }
    if (dto.expertIds) await this.users.assertExperts(dto.expertIds);
  }
}

/** What makes two list requests the same page: whose view (drafts differ per role and expert) and the query. */
function pageKey(query: ListCoursesQueryDto, actor: AuthUser): string {
  const view =
    actor.role === 'admin' ? 'admin' : actor.role === 'expert' ? `expert:${actor.id}` : 'published';
  const status = actor.role === 'admin' ? (query.status ?? null) : null;
  return JSON.stringify([
    view,
    query.sector ?? null,
    query.networkId ?? null,
    status,
    query.q?.trim() ?? '',
    pageWindow(query),
  ]);
}
