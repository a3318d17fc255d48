import type { Statement } from '@/core/database/sql-params';

/** Per course: its files, and which of them the person marked done (courses without files give no row). */
export function courseProgress(userId: string, courseIds: string[]): Statement {
  return [
    `SELECT m.course_id AS "courseId",
            count(*)::int AS "totalCount",
            count(d.material_id)::int AS "doneCount",
            COALESCE(array_agg(m.id::text ORDER BY m.id) FILTER (WHERE d.material_id IS NOT NULL), '{}') AS "doneMaterialIds"
       FROM course_materials m
       LEFT JOIN material_completions d ON d.material_id = m.id AND d.user_id = $1
      WHERE m.course_id = ANY($2::uuid[])
      GROUP BY m.course_id`,
    [userId, courseIds],
  ];
}
