import type { AuthUser } from '@/core/auth/auth-user';
import type { PageQuery } from '@/core/database/page-query';
import { SqlParams, type Statement } from '@/core/database/sql-params';
import { pageWindow } from '@/core/http/pagination';
import type { ListCoursesQueryDto } from './dto/course.dto';

/** What CourseDto shows, read by id or for a list; the experts' ids sorted as the DTO lists them. */
const COURSE_COLUMNS = `c.id, c.code, c.title, c.summary, c.sector_code AS "sectorCode", c.network_id AS "networkId", c.format,
  c.duration_hours AS "durationHours", c.status, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  ARRAY(SELECT ce.user_id::text FROM course_experts ce WHERE ce.course_id = c.id ORDER BY ce.user_id) AS "expertIds"`;

/** Admins see every course; others the published ones, and experts also the courses they edit. */
function visibleTo(actor: AuthUser, params: SqlParams): string[] {
  if (actor.role === 'admin') return [];
  if (actor.role !== 'expert') return ["c.status = 'published'"];
  return [
    `(c.status = 'published' OR EXISTS (SELECT 1 FROM course_experts ce WHERE ce.course_id = c.id AND ce.user_id = ${params.param(actor.id)}))`,
  ];
}

/** A page of the catalogue as the actor sees it; the search runs once, on the indexed search column (see bench/README.md). */
export function coursePage(query: ListCoursesQueryDto, actor: AuthUser): PageQuery {
  const params = new SqlParams();
  const where = visibleTo(actor, params);
  if (query.sector) where.push(`c.sector_code = ${params.param(query.sector)}`);
  if (query.networkId) where.push(`c.network_id = ${params.param(query.networkId)}`);
  if (query.status && actor.role === 'admin') where.push(`c.status = ${params.param(query.status)}`);
  if (query.q) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The column is lower(…) and so is the pattern, by the same function: case folds as ILIKE did.
    where.push(`c.search LIKE lower(${params.param(like)})`);
  }
  return {
    table: 'courses c',
    where,
    orderBy: ['c.code'],
    columns: COURSE_COLUMNS,
    params,
    ...pageWindow(query),
    // A search is the costly part: run it once, not for the count and again for the page.
    matchOnce: Boolean(query.q),
  };
}

/** The course when the actor sees it (no row otherwise). */
export function courseById(id: string, actor: AuthUser): Statement {
  const params = new SqlParams();
  const where = [...visibleTo(actor, params), `c.id = ${params.param(id)}`];
  return [`SELECT ${COURSE_COLUMNS} FROM courses c WHERE ${where.join(' AND ')}`, params.values];
}
