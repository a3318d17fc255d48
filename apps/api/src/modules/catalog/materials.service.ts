import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LocalizedText } from '@mre/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import type { PendingUpload } from '@/core/http/uploaded-stream';
import { ObjectStorage } from '@/core/storage/object-storage';
import { AuditService } from '@/modules/audit/audit.service';
import {
  EmptyMaterialError,
  MaterialNotFoundError,
  MaterialOrderMismatchError,
  MaterialTypeRefusedError,
} from './catalog.errors';
import { CourseMaterialEntity } from './course-material.entity';
import { CoursesService } from './courses.service';
import { MaterialFileDto, ModuleDto, ReorderMaterialsDto } from './dto/course.dto';
import { materialAudit } from './material-audit';
import { isMaterialType, sniffContentType } from './material-type';

/** A file received by `MaterialsService.store`, as it can be served (DownloadableFile) and recorded. */
export interface StoredUpload {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  etag: string;
  /** The text fields sent before the file. */
  fields: Record<string, string>;
}

/** Where uploaded materials are kept in the object storage. */
const MATERIALS_PREFIX = 'materials';
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/** Files uploaded to a course's modules: stored, listed, served and removed with them. */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectRepository(CourseMaterialEntity) private readonly materials: Repository<CourseMaterialEntity>,
    private readonly courses: CoursesService,
    private readonly storage: ObjectStorage,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the upload as a material of the module: its type read from its content, its size capped
   * by MATERIAL_MAX_MB. The file goes to storage first, the row after: a cut upload or a refused
   * type leaves neither.
   */
  async upload(
    courseId: string,
    moduleId: string,
    pending: PendingUpload,
    actor: AuthUser,
  ): Promise<MaterialFileDto> {
    await this.courses.editableModule(courseId, moduleId, actor);
    const stored = await this.store(pending, MATERIALS_PREFIX);
    const { fileName, storageKey: key } = stored;
    try {
      const material = this.materials.create({
        courseId,
        moduleId,
        title: titleOf(stored.fields.title, fileName),
        fileName,
        contentType: stored.contentType,
        sizeBytes: stored.sizeBytes,
        storageKey: key,
        etag: stored.etag,
        uploadedBy: actor.id,
      });
      const saved = await this.dataSource.transaction(async (manager) => {
        // Last in the module; two uploads at once may share a place until the next reorder, no harm.
        const last = await manager.maximum(CourseMaterialEntity, 'position', { moduleId });
        material.position = (last ?? 0) + 1;
        const row = await manager.save(material);
        await this.audit.record([materialAudit('material.uploaded', row, actor)], manager);
        return row;
      });
      return MaterialFileDto.from(saved);
    } catch (error) {
      // The module went away meanwhile (or the database did): keep no file that no row names.
      await this.storage.delete(key);
      throw error;
    }
  }

  /**
   * Receives an upload into the storage under `prefix` with the rules of course materials: its type
   * read from its content (one of MATERIAL_CONTENT_TYPES), its size capped by MATERIAL_MAX_MB. Other
   * contexts that take files from people (board questions) store them through here. The caller
   * deletes the stored object if it then fails to record it.
   */
  async store(pending: PendingUpload, prefix: string): Promise<StoredUpload> {
    const upload = await pending.open(this.config.get('MATERIAL_MAX_MB') * 1024 * 1024);
    const sniffed = await sniffContentType(upload.stream);
    if (sniffed.empty) throw new EmptyMaterialError();
    if (!isMaterialType(sniffed.contentType)) throw new MaterialTypeRefusedError(sniffed.contentType);
    const storageKey = `${prefix}/${randomUUID()}`;
    const stored = await this.storage.put(storageKey, sniffed.stream, sniffed.contentType);
    return {
      storageKey,
      fileName: labelOf(upload.fileName),
      contentType: sniffed.contentType,
      sizeBytes: stored.sizeBytes,
      etag: stored.etag,
      fields: upload.fields,
    };
  }

  /** Deletes the material and its file (admin and the course's experts). */
  async remove(materialId: string, actor: AuthUser): Promise<void> {
    const material = await this.materials.findOne({ where: { id: materialId } });
    if (!material) throw new MaterialNotFoundError();
    await this.courses.editableModule(material.courseId, material.moduleId, actor).catch((error) => {
      // Someone who cannot see the course need not learn that the material exists.
      throw error instanceof MaterialNotFoundError || error?.status === 404
        ? new MaterialNotFoundError()
        : error;
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(CourseMaterialEntity, { id: material.id });
      await this.audit.record([materialAudit('material.deleted', material, actor)], manager);
    });
    await this.storage.delete(material.storageKey);
  }

  /**
   * Puts the module's files in the given order (admin and the course's experts): the ids must be
   * exactly the module's files, each once (400 otherwise, so that two editors' orders never mix).
   */
  async reorder(
    courseId: string,
    moduleId: string,
    dto: ReorderMaterialsDto,
    actor: AuthUser,
  ): Promise<ModuleDto> {
    const module = await this.courses.editableModule(courseId, moduleId, actor);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CourseMaterialEntity);
      // Locked: a reorder that read the module's files before an upload or a deletion waits for it.
      const files = await repository.find({
        where: { moduleId },
        order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const current = new Set(files.map((f) => f.id));
      const wanted = dto.materialIds;
      if (wanted.length !== current.size || wanted.some((id) => !current.has(id)))
        throw new MaterialOrderMismatchError();
      const before = files.map((f) => f.id);
      for (const [index, id] of wanted.entries())
        await repository.update({ id, moduleId }, { position: index + 1 });
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'materials.reordered',
            entityType: 'course_module',
            entityId: moduleId,
            data: { courseId, before, after: wanted },
          },
        ],
        manager,
      );
    });
    return ModuleDto.from(module, await this.courses.filesOf([moduleId]));
  }

  /** The material, for a caller whose access was checked by the course's cohorts (GET /materials/:id/file). */
  async find(materialId: string): Promise<CourseMaterialEntity> {
    const material = await this.materials.findOne({ where: { id: materialId } });
    if (!material) throw new MaterialNotFoundError();
    return material;
  }

  /** The materials among `ids` that still exist, for contexts that refer to them (a cohort's announcements). */
  findMany(ids: readonly string[]): Promise<CourseMaterialEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.materials.find({ where: { id: In([...new Set(ids)]) } });
  }
}

/**
 * The name to show and offer when saving: the last segment of what was sent (a browser may send a
 * path), without control characters, at most 255 characters. It is never used as a path.
 */
export function labelOf(sent: string): string {
  const last = sent.split(/[\\/]/).pop() ?? '';
  const clean = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (clean === '' || clean === '.' || clean === '..' ? 'file' : clean).slice(0, 255);
}

function titleOf(sent: string | undefined, fileName: string): LocalizedText {
  const text = sent?.trim();
  if (text?.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const title: LocalizedText = {};
      for (const language of ['ar', 'fr', 'en'] as const) {
        const value = parsed[language];
        if (typeof value === 'string' && value.trim() !== '') title[language] = value.trim().slice(0, 300);
      }
      if (Object.keys(title).length > 0) return title;
    } catch {
      // Not JSON after all: a plain title that starts with a brace.
    }
  }
  const plain = (text || fileName).slice(0, 300);
  return ARABIC_LETTER.test(plain) ? { ar: plain } : { fr: plain };
}
