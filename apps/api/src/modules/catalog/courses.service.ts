import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { InvalidInputError } from '../../core/errors/domain-error';
import { Page, pageWindow } from '../../core/http/pagination';
import type { UserEntity } from '../identity/user.entity';
import { UsersService } from '../identity/users.service';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { CourseNotFoundError, CourseCodeTakenError, ModuleNotFoundError, NotCourseEditorError } from './catalog.errors';
import { CourseModuleEntity } from './course-module.entity';
import { CourseEntity } from './course.entity';
import {
  CourseDetailDto,
  CourseDto,
  CreateCourseDto,
  CreateModuleDto,
  ListCoursesQueryDto,
  ModuleDto,
  UpdateCourseDto,
  UpdateModuleDto,
} from './dto/course.dto';

@Injectable()
export class CoursesService {
  constructor(
    @InjectRepository(CourseEntity) private readonly courses: Repository<CourseEntity>,
    @InjectRepository(CourseModuleEntity) private readonly modules: Repository<CourseModuleEntity>,
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Admins see every course; others the published ones, and experts also the courses they edit.
   * The page is read without joining the experts: with a join, TypeORM pages through a DISTINCT
   * subquery and runs the search three times (see bench/README.md).
   */
  async list(query: ListCoursesQueryDto, actor: AuthUser): Promise<Page<CourseDto>> {
    const qb = this.visibleTo(actor).orderBy('c.code', 'ASC');
    if (query.sector) qb.andWhere('c.sector_code = :sector', { sector: query.sector });
    if (query.networkId) qb.andWhere('c.network_id = :networkId', { networkId: query.networkId });
    if (query.status && actor.role === 'admin') qb.andWhere('c.status = :status', { status: query.status });
    if (query.q) {
      const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.code ILIKE :like', { like })
            .orWhere("c.title->>'ar' ILIKE :like")
            .orWhere("c.title->>'fr' ILIKE :like")
            .orWhere("c.title->>'en' ILIKE :like"),
        ),
      );
    }
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.skip(skip).take(take).getManyAndCount();
    const experts = await this.expertIdsOf(items.map((c) => c.id));
    return { items: items.map((c) => CourseDto.from(Object.assign(c, { experts: (experts.get(c.id) ?? []).map((id) => ({ id }) as UserEntity) }))), total };
  }

  async get(id: string, actor: AuthUser): Promise<CourseDetailDto> {
    const course = await this.visibleTo(actor).leftJoinAndSelect('c.experts', 'expert').andWhere('c.id = :id', { id }).getOne();
    if (!course) throw new CourseNotFoundError();
    const modules = await this.modules.find({ where: { courseId: id }, order: { position: 'ASC', createdAt: 'ASC' } });
    return { ...CourseDto.from(course), modules: modules.map(ModuleDto.from) };
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
    return this.get(id, actor);
  }

  async addModule(courseId: string, dto: CreateModuleDto, actor: AuthUser): Promise<ModuleDto> {
    await this.editable(courseId, actor);
    const saved = await this.modules.save(this.modules.create({ ...dto, courseId, materials: dto.materials ?? [] }));
    return ModuleDto.from(saved);
  }

  async updateModule(courseId: string, moduleId: string, dto: UpdateModuleDto, actor: AuthUser): Promise<ModuleDto> {
    await this.editable(courseId, actor);
    const module = await this.modules.findOne({ where: { id: moduleId, courseId } });
    if (!module) throw new ModuleNotFoundError();
    return ModuleDto.from(await this.modules.save(this.modules.merge(module, dto)));
  }

  async removeModule(courseId: string, moduleId: string, actor: AuthUser): Promise<void> {
    await this.editable(courseId, actor);
    const result = await this.modules.delete({ id: moduleId, courseId });
    if (result.affected !== 1) throw new ModuleNotFoundError();
  }

  /** Finds a course by code, creating it when missing (demo data). */
  async ensureCourse(dto: CreateCourseDto, modules: CreateModuleDto[]): Promise<void> {
    if (await this.courses.exists({ where: { code: dto.code } })) return;
    await this.dataSource.transaction(async (manager) => {
      const course = await manager.save(manager.create(CourseEntity, { ...dto, summary: dto.summary ?? null, status: dto.status ?? 'draft' }));
      await manager.save(modules.map((m) => manager.create(CourseModuleEntity, { ...m, courseId: course.id, materials: m.materials ?? [] })));
    });
  }

  private async expertIdsOf(courseIds: string[]): Promise<Map<string, string[]>> {
    const byCourse = new Map<string, string[]>();
    if (courseIds.length === 0) return byCourse;
    const rows: { course_id: string; user_id: string }[] = await this.courses.query(
      'SELECT course_id, user_id FROM course_experts WHERE course_id = ANY($1::uuid[])',
      [courseIds],
    );
    for (const row of rows) byCourse.set(row.course_id, [...(byCourse.get(row.course_id) ?? []), row.user_id]);
    return byCourse;
  }

  private visibleTo(actor: AuthUser): SelectQueryBuilder<CourseEntity> {
    const qb = this.courses.createQueryBuilder('c');
    if (actor.role === 'admin') return qb;
    return qb.where(
      new Brackets((w) => {
        w.where("c.status = 'published'");
        if (actor.role === 'expert') {
          w.orWhere('EXISTS (SELECT 1 FROM course_experts ce WHERE ce.course_id = c.id AND ce.user_id = :actorId)', { actorId: actor.id });
        }
      }),
    );
  }

  private async editable(id: string, actor: AuthUser): Promise<CourseEntity> {
    const course = await this.courses.findOne({ where: { id }, relations: { experts: true } });
    const isEditor = actor.role === 'admin' || (actor.role === 'expert' && course?.experts?.some((e) => e.id === actor.id));
    if (!course || (!isEditor && course.status !== 'published')) throw new CourseNotFoundError();
    if (!isEditor) throw new NotCourseEditorError();
    return course;
  }

  private async assertReferences(dto: UpdateCourseDto): Promise<void> {
    if (dto.networkId) {
      await this.organizations.getNetwork(dto.networkId).catch(() => {
        throw new InvalidInputError('networkId does not name a network');
      });
    }
    if (dto.expertIds) await this.users.assertExperts(dto.expertIds);
  }
}
