import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { MaterialFilesController } from './material-files.controller';
import { MaterialFilesService } from './material-files.service';
import { MaterialCompletionEntity } from './material-completion.entity';
import { MaterialProgressController } from './material-progress.controller';
import { MaterialProgressService } from './material-progress.service';

/**
 * What a course's cohorts may take away from it: its files, served to the people who follow one of
 * its cohorts, and each person's marks on them. Depends on catalog (the files) and cohorts (who follows them), never the reverse.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MaterialCompletionEntity]), CatalogModule, CohortsModule],
  controllers: [MaterialFilesController, MaterialProgressController],
  providers: [MaterialFilesService, MaterialProgressService],
})
export class CourseContentModule {}
