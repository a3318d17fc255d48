import type { PageQuery } from '@/core/database/page-query';
import { SqlParams } from '@/core/database/sql-params';
import type { PageQueryDto } from '@/core/http/pagination';
import { pageWindow } from '@/core/http/pagination';

export interface ChatMessageRow {
  id: string;
  sessionId: string;
  authorId: string;
  authorName: string;
  text: string;
  sentAt: Date;
  deletedAt: Date | null;
}

/** A page of a session's chat, oldest first, with each author's name as it is now. */
export function chatPage(sessionId: string, query: PageQueryDto): PageQuery {
  const params = new SqlParams();
  return {
    table: 'chat_messages m JOIN users u ON u.id = m.author_id',
    where: [`m.session_id = ${params.param(sessionId)}`],
    orderBy: ['m.created_at', 'm.id'],
    columns: `m.id, m.session_id AS "sessionId", m.author_id AS "authorId", u.full_name AS "authorName",
              m.text, m.created_at AS "sentAt", m.deleted_at AS "deletedAt"`,
    params,
    ...pageWindow(query),
  };
}
