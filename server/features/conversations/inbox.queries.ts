import type { InboxConversationDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { CONVERSATION_COLUMNS, type ConversationPresenter, type ConversationRow } from './conversation.presenter.js';

export type View =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'unassigned' }
  | { kind: 'participating' }
  | { kind: 'team'; teamId: number };

export interface InboxQuery {
  view: View;
  status: 'open' | 'closed' | null;
  cursor: { at: string; id: number } | null;
  limit: number;
  userId: number;
  /** Conversation ids a search matched, newest first; null for no search. */
  ids?: number[] | null;
}

export function parseView(value: string | undefined): View {
  if (!value || value === 'all') return { kind: 'all' };
  if (value === 'mine' || value === 'unassigned' || value === 'participating') return { kind: value };
  const team = /^team:(\d+)$/.exec(value);
  if (team?.[1]) return { kind: 'team', teamId: Number(team[1]) };
  throw errors.invalidInput('view: use all, mine, unassigned, participating or team:<id>');
}

export function encodeCursor(row: { lastMessageAt: string; id: number }): string {
  return Buffer.from(`${row.lastMessageAt}|${row.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined): { at: string; id: number } | null {
  if (!value) return null;
  const [at, id] = Buffer.from(value, 'base64url').toString().split('|');
  if (!at || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(at))) {
    throw errors.invalidInput('cursor: not a cursor this server gave out');
  }
  return { at, id: Number(id) };
}

type Row = ConversationRow & { last_read: number | null };

/**
 * The inbox: one keyset-paged query per view, each served by an index on
 * (assignee_key | status, last_message_at) so a page stays cheap at 100,000 threads.
 */
export class InboxQueries {
  constructor(
    private readonly deps: Deps,
    private readonly presenter: ConversationPresenter,
  ) {}

  list(query: InboxQuery): { conversations: InboxConversationDto[]; nextCursor: string | null } {
    const { sql, params } = this.build(query);
    const rows = this.deps.db.sqlite.prepare<unknown[], Row>(sql).all(...params);
    const page = rows.slice(0, query.limit);
    const dtos = this.presenter.present(page);
    const conversations = dtos.map((dto, index) => {
      const row = page[index] as Row;
      const unread = (row.last_inbound_message_id ?? 0) > (row.last_read ?? 0);
      return { ...dto, unread };
    });
    const last = dtos[dtos.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor(last) : null;
    return { conversations, nextCursor };
  }

  /** The SQL of a list query; exported for the query-plan checks. */
  build(query: InboxQuery): { sql: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [query.userId];
    let from = 'conversations c';

    switch (query.view.kind) {
      case 'mine':
        where.push('c.assignee_key = ?');
        params.push(`u:${query.userId}`);
        break;
      case 'team':
        where.push('c.assignee_key = ?');
        params.push(`t:${query.view.teamId}`);
        break;
      case 'unassigned':
        where.push(`c.assignee_key = ''`);
        break;
      case 'participating':
        from = 'participants p JOIN conversations c ON c.id = p.conversation_id';
        where.push('p.user_id = ?');
        params.push(query.userId);
        break;
      case 'all':
        break;
    }
    if (query.status) {
      where.push('c.status = ?');
      params.push(query.status);
    }
    if (query.ids) {
      where.push(`c.id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(query.ids));
    }
    if (query.cursor) {
      where.push('(c.last_message_at < ? OR (c.last_message_at = ? AND c.id < ?))');
      params.push(query.cursor.at, query.cursor.at, query.cursor.id);
    }
    params.push(query.limit + 1);

    const sql = `SELECT ${CONVERSATION_COLUMNS}, r.last_read_message_id AS last_read
      FROM ${from}
      JOIN contacts ct ON ct.id = c.contact_id
      LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ?
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.last_message_at DESC, c.id DESC
      LIMIT ?`;
    return { sql, params };
  }
}
