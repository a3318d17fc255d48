import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config.get('DATABASE_URL') as string),
        // Only the HTTP process migrates, so that scaled workers never race on the schema.
        migrationsRun: process.env.MRE_PROCESS !== 'worker',
      }),
    }),
  ],
})
export class DatabaseModule {}
