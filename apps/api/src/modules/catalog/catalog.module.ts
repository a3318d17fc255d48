import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '@/modules/identity/users.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { CourseModuleEntity } from './course-module.entity';
import { CourseEntity } from './course.entity';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';

@Module({
  imports: [TypeOrmModule.forFeature([CourseEntity, CourseModuleEntity]), OrganizationsModule, UsersModule],
  controllers: [CoursesController],
  providers: [CoursesService],
  exports: [CoursesService],
})
export class CatalogModule {}
