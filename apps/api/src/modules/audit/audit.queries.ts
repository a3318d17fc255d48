import type { Statement } from '@/core/database/sql-params';

/**
 * Names for audit entries, read where the records live: who acted, what the entry is about (a
 * cohort's name, a session's title, a person's name, a certificate's code) and the person it
 * concerns (`data.userId`). A record deleted since (an erased person) has no name: the id stays.
 */
export function auditNames(entryIds: string[]): Statement {
  return [
    `SELECT a.id,
            actor.full_name AS "actorName",
            CASE a.entity_type
              WHEN 'cohort' THEN (SELECT c.name FROM cohorts c WHERE c.id = a.entity_id)
              WHEN 'session' THEN (SELECT s.title FROM live_sessions s WHERE s.id = a.entity_id)
              WHEN 'user' THEN (SELECT u.full_name FROM users u WHERE u.id = a.entity_id)
              WHEN 'certificate' THEN (SELECT ce.code FROM certificates ce WHERE ce.id = a.entity_id)
            END AS "entityName",
            CASE a.entity_type
              WHEN 'session' THEN (SELECT s.titles FROM live_sessions s WHERE s.id = a.entity_id)
            END AS "entityTitles",
            subject.full_name AS "subjectName"
       FROM audit_log a
       LEFT JOIN users actor ON actor.id = a.actor_id
       LEFT JOIN users subject ON a.data->>'userId' ~* '^[0-9a-f-]{36}$' AND subject.id = (a.data->>'userId')::uuid
      WHERE a.id = ANY($1::uuid[])`,
    [entryIds],
  ];
}
