import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { type PendingUpload, UploadedStream } from '@/core/http/uploaded-stream';
import { MaterialFileDto, ModuleDto, ReorderMaterialsDto, UploadMaterialDto } from './dto/course.dto';
import { MaterialsService } from './materials.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  /**
   * 201 the material; 413 `file-too-large` past MATERIAL_MAX_MB; 415 `file-type-not-allowed` when
   * the content is none of the material types, whatever its name says.
   */
  @Post('courses/:id/modules/:moduleId/materials')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadMaterialDto })
  @ApiCreatedResponse({ type: MaterialFileDto })
  @Roles('admin', 'expert')
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @UploadedStream('file') file: PendingUpload,
    @CurrentUser() user: AuthUser,
  ): Promise<MaterialFileDto> {
    return this.materials.upload(id, moduleId, file, user);
  }

  /** The module with its files in the new order; 400 `material-order-mismatch` unless the ids are exactly its files. */
  @Put('courses/:id/modules/:moduleId/materials/order')
  @ApiOkResponse({ type: ModuleDto })
  @Roles('admin', 'expert')
  reorder(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: ReorderMaterialsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ModuleDto> {
    return this.materials.reorder(id, moduleId, dto, user);
  }

  @Delete('materials/:id')
  @ApiNoContentResponse()
  @Roles('admin', 'expert')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.materials.remove(id, user);
  }
}
