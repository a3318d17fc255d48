import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Query } from 'typeorm/driver/Query';
import { prepareEnvironment } from '@/core/config/prepare-environment';
import { databaseOptions } from './database-options';

/**
 * Writes a migration with the SQL that brings the migrated database to the entities.
 * Usage: node generate-migration.js <Name>   (run through `npm run migration:generate -- --name=Name`)
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name');
  const { env, release } = await prepareEnvironment();
  const dataSource = new DataSource({ ...databaseOptions(env.DATABASE_URL as string), migrationsRun: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The schema matches the entities: no migration needed.');
      return;
    }
    const timestamp = Date.now();
    const database = dataSource.driver.database;
    // Some statements have parameters (TypeORM's own rows for generated columns): they are kept,
    // and the name of this throwaway database becomes the name of the one the migration runs in.
    const argument = (value: unknown) =>
      value === database ? 'queryRunner.dataSource.driver.database' : JSON.stringify(value);
    const call = (q: Query) =>
      `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, [${q.parameters.map(argument).join(', ')}]` : ''});`;
    const up = sql.upQueries.map(call).join('\n');
    const down = sql.downQueries.reverse().map(call).join('\n');
    const file = join(process.cwd(), 'apps/api/src/core/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}`);
  } finally {
    await dataSource.destroy();
    await release();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
