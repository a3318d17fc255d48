import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Page } from '../http/pagination';

/** Builds the parameter list of a hand-written statement: `param(value)` answers its `$n`. */
export class SqlParams {
  readonly values: unknown[];

  constructor(first: unknown[] = []) {
    this.values = [...first];
  }

  param(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** The part of pg's Pool used here (TypeORM's driver keeps it untyped). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementNames = new Map<string, string>();

/**
 * Runs a read as a named prepared statement: each pooled connection parses and plans it once,
 * then only executes it. For the hot reads, PostgreSQL spent several times longer planning than
 * executing them (see bench/README.md). Only for statements whose text comes from a few fixed
 * shapes (values go in parameters), since every distinct text stays prepared on every connection.
 */
export async function queryPrepared<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `read_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  const pool = (dataSource.driver as PostgresDriver).master as PgPool;
  try {
    return (await pool.query({ name, text, values })).rows as Row[];
  } catch (error) {
    // As TypeORM wraps it, so that the error filter maps PostgreSQL's refusals (a NUL byte: 400) the same way.
    throw new QueryFailedError(text, values, error as Error);
  }
}

export interface PageQuery {
  /** The table and its alias, as the conditions and columns name it: `live_sessions s`. */
  table: string;
  /** Every matching row satisfies all of them (none: the whole table). */
  where: string[];
  /** Sort columns of the table, unique together (the id breaks ties when listed last). */
  orderBy: string[];
  /** The page's columns, over the table's alias (named as the caller wants them), `id` among them. */
  columns: string;
  params: SqlParams;
  skip: number;
  take: number;
}

/**
 * A page and the total of all matching rows in one prepared statement, so one round trip to
 * PostgreSQL: the matches (ids and sort keys only) are found once, counted, and the page's rows
 * alone are read in full. A page past the end still answers the total.
 */
export async function queryPage<Row>(dataSource: DataSource, query: PageQuery): Promise<Page<Row>> {
  const alias = query.table.split(' ').pop() as string;
  const keys = [...new Set(['id', ...query.orderBy])];
  const where = query.where.length > 0 ? `WHERE ${query.where.join(' AND ')}` : '';
  const sql = `WITH matches AS MATERIALIZED (SELECT ${keys.map((k) => `${alias}.${k}`).join(', ')} FROM ${query.table} ${where}),
       page AS (SELECT * FROM matches ORDER BY ${query.orderBy.join(', ')} LIMIT ${query.params.param(query.take)} OFFSET ${query.params.param(query.skip)})
  SELECT (SELECT count(*) FROM matches)::int AS matches_total, ${query.columns}
  FROM (SELECT 1) AS one LEFT JOIN (page JOIN ${query.table} ON ${alias}.id = page.id) ON true
  ORDER BY ${query.orderBy.map((k) => `page.${k}`).join(', ')}`;
  const rows = await queryPrepared<Row & { matches_total: number; id: string | null }>(dataSource, sql, query.params.values);
  return { items: rows.filter((row) => row.id !== null), total: rows[0].matches_total };
}
