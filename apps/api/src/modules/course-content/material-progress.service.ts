import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CourseProgressDto, CourseProgressListDto } from './dto/course-progress.dto';
import { MaterialCompletionEntity } from './material-completion.entity';
import { MaterialFilesService } from './material-files.service';
import { courseProgress } from './material-progress.queries';

/** A person's marks on the files of their courses, and how far through each course they are. */
@Injectable()
export class MaterialProgressService {
  constructor(
    @InjectRepository(MaterialCompletionEntity)
    private readonly completions: Repository<MaterialCompletionEntity>,
    private readonly files: MaterialFilesService,
    private readonly cohorts: CohortAccessService,
  ) {}

  /**
   * Marks the material done for the person; again is no change (a queued mark sent twice after a
   * weak link is harmless). 404 for whoever may not see the material.
   */
  async markDone(materialId: string, actor: AuthUser): Promise<void> {
    await this.files.open(materialId, actor);
    await this.completions
      .createQueryBuilder()
      .insert()
      .values({ materialId, userId: actor.id })
      .orIgnore()
      .execute();
  }

  /** Takes the mark back; none to take is no change. 404 for whoever may not see the material. */
  async unmarkDone(materialId: string, actor: AuthUser): Promise<void> {
    await this.files.open(materialId, actor);
    await this.completions.delete({ materialId, userId: actor.id });
  }

  /** The person's progress in each course they are enrolled in (no files: 0 of 0). */
  async mine(actor: AuthUser): Promise<CourseProgressListDto> {
    const courseIds = await this.cohorts.enrolledCourseIds(actor.id);
    if (courseIds.length === 0) return { items: [] };
    const rows: CourseProgressDto[] = await this.completions.query(...courseProgress(actor.id, courseIds));
    const byCourse = new Map(rows.map((row) => [row.courseId, row]));
    return {
      items: courseIds.map(
        (courseId) =>
          byCourse.get(courseId) ?? { courseId, doneCount: 0, totalCount: 0, doneMaterialIds: [] },
      ),
    };
  }
}
