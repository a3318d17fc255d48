import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { withAdvisoryLock } from './advisory-lock';
import { databaseOptions } from './database-options';

/** Any fixed number: every process of the platform takes this advisory lock to migrate. */
const MIGRATION_LOCK = 4_271_901;

/**
 * Brings the schema up to date while holding a PostgreSQL advisory lock, so that several API
 * replicas starting at once migrate one after another instead of racing. Workers never migrate.
 */
async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  await withAdvisoryLock(dataSource, MIGRATION_LOCK, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) new Logger('Database').log(`Applied ${applied.length} migration(s)`);
  });
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        databaseOptions(config.get('DATABASE_URL') as string, config.get('DATABASE_POOL_SIZE')),
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        if (process.env.MRE_PROCESS !== 'worker') await migrateUnderLock(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
