import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@/core/auth/auth-user';
import { API_PREFIX } from '@/core/http/configure-app';
import { contentDisposition, type DownloadableFile } from '@/core/http/send-stored-file';
import { ObjectStorage } from '@/core/storage/object-storage';
import { SignedFileLinkDto, SignedFileLinks } from '@/core/storage/signed-file-links';
import { MaterialNotFoundError } from '@/modules/catalog/catalog.errors';
import { CoursesService } from '@/modules/catalog/courses.service';
import { MaterialsService } from '@/modules/catalog/materials.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';

/**
 * How long a download link may be opened: long enough to start it on a weak link, short enough that
 * a link passed on soon stops working. A download that started goes on past it (S3 checks the
 * signature at the request's start, the API too), and the browser resumes within it.
 */
export const MATERIAL_LINK_SECONDS = 10 * 60;

const subjectOf = (materialId: string) => `material/${materialId}`;

@Injectable()
export class MaterialFilesService {
  constructor(
    private readonly materials: MaterialsService,
    private readonly courses: CoursesService,
    private readonly cohorts: CohortAccessService,
    private readonly storage: ObjectStorage,
    private readonly links: SignedFileLinks,
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

  /**
   * A link the browser opens itself, so that its download manager streams the file to disk and
   * resumes it with Range (a page reading the file into memory does neither): a presigned URL of
   * the store with S3, else the API's own download route with a signed token.
   */
  async link(materialId: string, actor: AuthUser): Promise<SignedFileLinkDto> {
    const file = await this.open(materialId, actor);
    const expiresAt = new Date(Date.now() + MATERIAL_LINK_SECONDS * 1000);
    const url =
      (await this.storage.presignedGetUrl(file.storageKey, {
        expiresInSeconds: MATERIAL_LINK_SECONDS,
        contentType: file.contentType,
        contentDisposition: contentDisposition(file.fileName),
      })) ??
      `/${API_PREFIX}/materials/${materialId}/download?token=${this.links.sign(subjectOf(materialId), actor.id, expiresAt)}`;
    return { url, expiresAt: expiresAt.toISOString() };
  }

  /** The file behind a download link; 404 when the link is not for it or has expired, as for a stranger. */
  async openByLink(materialId: string, token: string): Promise<DownloadableFile> {
    if (!this.links.verify(subjectOf(materialId), token)) throw new MaterialNotFoundError();
    return this.materials.find(materialId);
  }
}
