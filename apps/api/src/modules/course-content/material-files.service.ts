import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@/core/auth/auth-user';
import type { DownloadableFile } from '@/core/http/send-stored-file';
import { MaterialNotFoundError } from '@/modules/catalog/catalog.errors';
import { CoursesService } from '@/modules/catalog/courses.service';
import { MaterialsService } from '@/modules/catalog/materials.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';

@Injectable()
export class MaterialFilesService {
  constructor(
    private readonly materials: MaterialsService,
    private readonly courses: CoursesService,
    private readonly cohorts: CohortAccessService,
  ) {}

  /**
   * The material's file for its course's editors and for whoever follows a cohort of the course;
   * 404 for anyone else, who need not learn that it exists.
   */
  async open(materialId: string, actor: AuthUser): Promise<DownloadableFile> {
    const material = await this.materials.find(materialId);
    const allowed =
      (await this.courses.isEditor(material.courseId, actor)) ||
      (await this.cohorts.followsCourse(material.courseId, actor));
    if (!allowed) throw new MaterialNotFoundError();
    return material;
  }
}
