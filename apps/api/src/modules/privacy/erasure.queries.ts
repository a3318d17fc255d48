import type { Statement } from '@/core/database/sql-params';

/** Tables whose identifying columns the erasure rewrites by the person's id, not by searching text. */
const HANDLED_BY_ID = ['users', 'certificates'];

/** A text or JSON column of the schema, where a name or an e-mail may have been copied. */
export interface TextColumn {
  table: string;
  column: string;
  /** `json` or `jsonb` for JSON columns, rewritten through their text; null for text. */
  json: 'json' | 'jsonb' | null;
  /** A varchar's length limit; null when unlimited. */
  maxLength: number | null;
}

/**
 * Every text, varchar and JSON column of the application's tables. Read from the catalogue at
 * erasure time, so that a column added later is searched too without anyone remembering to.
 */
export function textColumns(): Statement {
  return [
    `SELECT c.table_name AS "table", c.column_name AS "column", CASE WHEN c.data_type IN ('json', 'jsonb') THEN c.data_type END AS "json",
            c.character_maximum_length::int AS "maxLength"
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

/** A row that may hold a needle: its physical address (stable while locked) and the column's value. */
export interface CandidateRow {
  ctid: string;
  value: unknown;
}

/**
 * The rows of one column whose text holds the pattern anywhere (a case-insensitive regular
 * expression, matched loosely), locked until the erasure commits. The exact whole-word rule is
 * applied to them in TypeScript (see name-scrub.ts), which also leaves JSON keys alone.
 */
export function candidateRows(column: TextColumn, pattern: string): Statement {
  const col = quote(column.column);
  const cast = column.json ? '::text' : '';
  return [
    `SELECT ctid::text AS ctid, ${col} AS value FROM ${quote(column.table)} WHERE ${col}${cast} ~* $1 FOR UPDATE`,
    [pattern],
  ];
}

/** Writes one row's rewritten value back (JSON as its text, cast to the column's type). */
export function rewriteRow(column: TextColumn, ctid: string, value: unknown): Statement {
  const cast = column.json ? `::${column.json}` : '';
  return [
    `UPDATE ${quote(column.table)} SET ${quote(column.column)} = $2${cast} WHERE ctid = $1::tid`,
    [ctid, column.json ? JSON.stringify(value) : value],
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

/** The files attached to their questions, to delete from the object storage. */
export function questionAttachments(userId: string): Statement {
  return [
    `SELECT attachment_key AS "key" FROM cohort_questions
      WHERE author_id = $1 AND attachment_key IS NOT NULL FOR UPDATE`,
    [userId],
  ];
}

/**
 * Their questions and answers on cohort boards, as their chat messages: the words and the attached
 * file go, the rows stay hidden under the pseudonymous author so that the threads keep their shape.
 */
export function blankBoardPosts(userId: string): Statement[] {
  return [
    [
      `UPDATE cohort_questions
          SET body = '', hidden_at = COALESCE(hidden_at, now()), hidden_reason = NULL, attachment_key = NULL,
              attachment_name = NULL, attachment_type = NULL, attachment_size = NULL, attachment_etag = NULL
        WHERE author_id = $1`,
      [userId],
    ],
    [
      `UPDATE question_answers SET body = '', hidden_at = COALESCE(hidden_at, now()), hidden_reason = NULL
        WHERE author_id = $1`,
      [userId],
    ],
  ];
}
