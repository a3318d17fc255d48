import { Module } from '@nestjs/common';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { MaterialFilesController } from './material-files.controller';
import { MaterialFilesService } from './material-files.service';

/**
 * What a course's cohorts may take away from it: its files, served to the people who follow one of
 * its cohorts. Depends on catalog (the files) and cohorts (who follows them), never the reverse.
 */
@Module({
  imports: [CatalogModule, CohortsModule],
  controllers: [MaterialFilesController],
  providers: [MaterialFilesService],
})
export class CourseContentModule {}
