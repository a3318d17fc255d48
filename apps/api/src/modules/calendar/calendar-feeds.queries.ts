import type { Statement } from '@/core/database/sql-params';

/**
 * Holds the person's feed until the transaction ends: two resets (or a reset and a notice creating
 * the feed) at once take turns, so that neither trips over the other's new row.
 */
export function lockFeedOf(userId: string): Statement {
  return ['SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-feed:${userId}`]];
}

/** `lockFeedOf` for several people, taken in one order so that two such batches never deadlock. */
export function lockFeedsOf(userIds: string[]): Statement {
  return [
    `SELECT pg_advisory_xact_lock(hashtext('calendar-feed:' || id))
       FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY 1) AS ordered`,
    [userIds],
  ];
}
