import type { Statement } from '@/core/database/sql-params';

/** Tables whose identifying columns the erasure rewrites by the person's id, not by searching text. */
const HANDLED_BY_ID = ['users', 'certificates'];

/** A text or JSON column of the schema, where a name or an e-mail may have been copied. */
export interface TextColumn {
  table: string;
  column: string;
  /** `json` or `jsonb` for JSON columns, rewritten through their text; null for text. */
  json: 'json' | 'jsonb' | null;
}

/**
 * Every text, varchar and JSON column of the application's tables. Read from the catalogue at
 * erasure time, so that a column added later is searched too without anyone remembering to.
 */
export function textColumns(): Statement {
  return [
    `SELECT c.table_name AS "table", c.column_name AS "column", CASE WHEN c.data_type IN ('json', 'jsonb') THEN c.data_type END AS "json"
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'json', 'jsonb') AND c.is_generated = 'NEVER'
        AND c.table_name::text <> ALL($1::text[]) AND c.table_name <> 'migrations'
      ORDER BY c.table_name, c.column_name`,
    [HANDLED_BY_ID],
  ];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Replaces every occurrence of a pattern (a regular expression, case-insensitive) in one column.
 * JSON is rewritten through its text: the pattern is then the JSON-escaped needle.
 */
export function replaceIn(column: TextColumn, pattern: string, replacement: string): Statement {
  const col = quote(column.column);
  const table = quote(column.table);
  const cast = column.json ? '::text' : '';
  const back = column.json ? `::${column.json}` : '';
  return [
    `UPDATE ${table} SET ${col} = regexp_replace(${col}${cast}, $1, $2, 'gi')${back} WHERE ${col}${cast} ~* $1`,
    [pattern, replacement],
  ];
}

/** The account itself: pseudonymous, without a password or a second factor, and disabled for good. */
export function pseudonymiseUser(userId: string, fullName: string, email: string): Statement {
  return [
    `UPDATE users SET full_name = $2, email = $3, password_hash = NULL, two_factor_secret = NULL,
            two_factor_enabled_at = NULL, two_factor_last_step = NULL, last_sign_in_at = NULL,
            data_saver = NULL, status = 'disabled', erased_at = now(), updated_at = now()
      WHERE id = $1`,
    [userId, fullName, email],
  ];
}

/** Sessions, links and codes: nothing left that could sign the person in again. */
export function deleteCredentials(userId: string): Statement[] {
  return ['refresh_tokens', 'invitations', 'password_resets', 'recovery_codes', 'calendar_feeds'].map(
    (table) => [`DELETE FROM ${table} WHERE user_id = $1`, [userId]],
  );
}

/** Their in-app notifications: no figure counts them. */
export function deleteNotifications(userId: string): Statement {
  return [`DELETE FROM notifications WHERE user_id = $1`, [userId]];
}

/**
 * What they wrote in class chats: the words go (they may say anything about the person), the rows
 * stay as deleted messages of a pseudonymous author, so the others' messages keep their context.
 */
export function blankChatMessages(userId: string): Statement {
  return [
    `UPDATE chat_messages SET text = '', deleted_at = COALESCE(deleted_at, now()) WHERE author_id = $1`,
    [userId],
  ];
}

/** The addresses their sign-ins and their actions came from. */
export function dropAddresses(userId: string): Statement {
  return [
    `UPDATE audit_log SET data = data - 'ip'
      WHERE data ? 'ip' AND (actor_id = $1 OR (entity_type = 'user' AND entity_id = $1))`,
    [userId],
  ];
}

/**
 * Their certificates stay counted as issued, but name nobody: the public page says they were
 * withdrawn at the holder's request, and the PDFs (which carry the name) are deleted.
 */
export function withdrawCertificates(userId: string, holderName: string): Statement[] {
  return [
    [
      `UPDATE certificates SET holder_name = $2, withdrawn_at = COALESCE(withdrawn_at, now()) WHERE user_id = $1`,
      [userId, holderName],
    ],
    [
      `DELETE FROM certificate_files WHERE certificate_id IN (SELECT id FROM certificates WHERE user_id = $1)`,
      [userId],
    ],
  ];
}
