import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  COURSE_FORMATS,
  COURSE_STATUSES,
  MATERIAL_KINDS,
  SECTOR_CODES,
  type CourseFormat,
  type CourseStatus,
  type MaterialKind,
  type SectorCode,
} from '@mre/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasSomeLanguage, LocalizedTextDto } from '@/core/http/localized-text.dto';
import { PageQueryDto } from '@/core/http/pagination';
import type { CourseMaterialEntity } from '../course-material.entity';
import type { CourseModuleEntity } from '../course-module.entity';
import type { CourseEntity } from '../course.entity';

/**
 * A link typed into a module. Files come only from an upload (POST …/materials): a `file` given by
 * hand (API.md still lists the kind here) is kept as a link to where it is, never passed off as an
 * uploaded file.
 */
export class MaterialDto {
  @ApiProperty({
    enum: MATERIAL_KINDS,
    description:
      'Kept as `link`: a `file` given by hand is a link to a file elsewhere; files are uploaded (POST …/materials)',
  })
  @IsIn(MATERIAL_KINDS)
  @Transform(({ value }: { value: unknown }) => (value === 'file' ? 'link' : value))
  kind: 'link';

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  title: LocalizedTextDto;

  @ApiProperty({ example: 'https://example.org/manual.pdf' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;
}

/** A material as a module lists it: a link, or a file uploaded to the module (with its id and size). */
export class ModuleMaterialDto extends OmitType(MaterialDto, ['kind'] as const) {
  @ApiProperty({ enum: MATERIAL_KINDS })
  kind: MaterialKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Uploaded files only: the id of DELETE /materials/:id',
  })
  id?: string;

  @ApiPropertyOptional({ description: 'Uploaded files only: the name it was sent with (a label)' })
  fileName?: string;

  @ApiPropertyOptional({ description: 'Uploaded files only: the type found in its content' })
  contentType?: string;

  @ApiPropertyOptional({ description: 'Uploaded files only' })
  sizeBytes?: number;
}

/** A file uploaded to a module; `url` is GET /materials/:id/file. */
export class MaterialFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['file'] }) kind: 'file';
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ example: '/api/materials/0b7c…/file' }) url: string;
  @ApiProperty({ example: 'دليل الصيانة.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;

  static from(material: CourseMaterialEntity): MaterialFileDto {
    return {
      id: material.id,
      kind: 'file',
      title: material.title,
      url: `/api/materials/${material.id}/file`,
      fileName: material.fileName,
      contentType: material.contentType,
      sizeBytes: material.sizeBytes,
    };
  }
}

/** PUT /courses/:id/modules/:moduleId/materials/order: every uploaded file of the module, in the new order. */
export class ReorderMaterialsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: "The ids of all the module's files" })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  materialIds: string[];
}

/** The multipart fields of an upload besides `file` (sent before it). */
export class UploadMaterialDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;

  @ApiPropertyOptional({
    description:
      'The title: plain text, or a JSON object {"ar"?, "fr"?, "en"?}. Plain text is kept as Arabic when written in Arabic letters, else as French. The file name when left out.',
  })
  title?: string;
}

export class CreateModuleDto {
  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  title: LocalizedTextDto;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  position: number;

  @ApiPropertyOptional({ type: [MaterialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class UpdateModuleDto extends PartialType(CreateModuleDto) {}

export class ModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty() position: number;
  @ApiProperty({
    type: [ModuleMaterialDto],
    description:
      'The links in their given order, then the uploaded files in the order set by PUT …/materials/order',
  })
  materials: ModuleMaterialDto[];

  static from(module: CourseModuleEntity, files: CourseMaterialEntity[] = []): ModuleDto {
    return {
      id: module.id,
      title: module.title,
      position: module.position,
      materials: [...module.materials, ...files.map(MaterialFileDto.from)],
    };
  }
}

export class CreateCourseDto {
  @ApiProperty({ example: 'AERO-101' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    message: 'code must be 1 to 40 letters, digits, dots, dashes or underscores',
  })
  code: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  title: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  summary?: LocalizedTextDto;

  @ApiProperty({ enum: SECTOR_CODES })
  @IsIn(SECTOR_CODES)
  sectorCode: SectorCode;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  networkId: string;

  @ApiProperty({ enum: COURSE_FORMATS })
  @IsIn(COURSE_FORMATS)
  format: CourseFormat;

  @ApiProperty({ minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  durationHours: number;

  @ApiPropertyOptional({ enum: COURSE_STATUSES, description: 'draft when left out' })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Experts who may edit the course' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  expertIds?: string[];
}

export class UpdateCourseDto extends PartialType(OmitType(CreateCourseDto, ['code'] as const)) {}

export class ListCoursesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SECTOR_CODES })
  @IsOptional()
  @IsIn(SECTOR_CODES)
  sector?: SectorCode;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @ApiPropertyOptional({ description: 'Part of the code or of a title in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: COURSE_STATUSES,
    description: 'Admins only; others always see published courses',
  })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;
}

/** What a CourseDto shows of a course, its experts' ids included. */
export type CourseFields = Omit<CourseEntity, 'experts' | 'network' | 'modules' | 'search'> & {
  expertIds: string[];
};

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto, nullable: true }) summary: LocalizedTextDto | null;
  @ApiProperty({ enum: SECTOR_CODES }) sectorCode: SectorCode;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ enum: COURSE_FORMATS }) format: CourseFormat;
  @ApiProperty() durationHours: number;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) expertIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(course: CourseFields): CourseDto {
    return {
      id: course.id,
      code: course.code,
      title: course.title,
      summary: course.summary,
      sectorCode: course.sectorCode as SectorCode,
      networkId: course.networkId,
      format: course.format,
      durationHours: course.durationHours,
      status: course.status,
      expertIds: course.expertIds,
      createdAt: course.createdAt.toISOString(),
      updatedAt: course.updatedAt.toISOString(),
    };
  }
}

export class CourseDetailDto extends CourseDto {
  @ApiProperty({ type: [ModuleDto] }) modules: ModuleDto[];
}

export class CourseListDto {
  @ApiProperty({ type: [CourseDto] }) items: CourseDto[];
  @ApiProperty() total: number;
}
