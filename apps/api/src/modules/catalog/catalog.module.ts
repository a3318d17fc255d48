import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { UsersModule } from '@/modules/identity/users.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { CourseMaterialEntity } from './course-material.entity';
import { CourseModuleEntity } from './course-module.entity';
import { CourseEntity } from './course.entity';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CourseEntity, CourseModuleEntity, CourseMaterialEntity]),
    OrganizationsModule,
    AuditModule,
    UsersModule,
  ],
  controllers: [CoursesController, MaterialsController],
  providers: [CoursesService, MaterialsService],
  exports: [CoursesService, MaterialsService],
})
export class CatalogModule {}
