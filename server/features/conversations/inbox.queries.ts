import type { Statement } from 'better-sqlite3';

import type { InboxConversationDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import {
  CONVERSATION_COLUMNS,
  type ConversationPresenter,
  type ConversationRow,
} from './conversation.presenter.js';

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
  /** Only threads with this tag: its id, or its name in any case. */
  tag?: string | null;
}

export function parseView(value: string | undefined): View {
  if (!value || value === 'all') return { kind: 'all' };
  if (value === 'mine' || value === 'unassigned' || value === 'participating')
    return { kind: value };
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

const PARTICIPATION_CROSSOVER = 1_000;
const PARTICIPATES =
  'EXISTS (SELECT 1 FROM participants p WHERE p.conversation_id = c.id AND p.user_id = ?)';

/**
 * The inbox: one keyset-paged query per view, each served by an index on
 * (assignee_key | status, last_message_at) so a page stays cheap at 100,000 threads.
 */
export class InboxQueries {
  private readonly participationCount;
  /** Prepared list statements by SQL: a few dozen shapes (view × status × cursor × search). */
  private readonly prepared = new Map<string, Statement<unknown[], Row>>();

  constructor(
    private readonly deps: Deps,
    private readonly presenter: ConversationPresenter,
  ) {
    this.participationCount = deps.db.sqlite.prepare<[number, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM participants WHERE user_id = ? LIMIT ?)',
    );
  }

  list(query: InboxQuery): { conversations: InboxConversationDto[]; nextCursor: string | null } {
    const { sql, params } = this.build(query);
    const rows = this.statement(sql).all(...params);
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

  /**
   * Whether a user is in enough threads that scanning by activity finds a page sooner than
   * sorting all of theirs: at 100,000 threads both cost about 4 ms at the crossover, against
   * 30 ms to sort 10,000 or 80 ms to scan for a user in none.
   */
  participatesWidely(userId: number): boolean {
    const crossover = PARTICIPATION_CROSSOVER;
    return (this.participationCount.get(userId, crossover)?.n ?? 0) >= crossover;
  }

  private statement(sql: string): Statement<unknown[], Row> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      if (this.prepared.size >= 200) this.prepared.clear();
      statement = this.deps.db.sqlite.prepare<unknown[], Row>(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
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
        if (this.participatesWidely(query.userId)) {
          // Many threads: walk the activity index, probing participants; a page stops early.
          where.push(PARTICIPATES);
        } else {
          // Few: read them all from the participants index, then sort (a temp B-tree, small).
          from = 'participants p JOIN conversations c ON c.id = p.conversation_id';
          where.push('p.user_id = ?');
        }
        params.push(query.userId);
        break;
      case 'all':
        break;
    }
    if (query.status) {
      where.push('c.status = ?');
      params.push(query.status);
    }
    if (query.tag) {
      const byId = /^\d+$/.test(query.tag);
      where.push(`c.id IN (SELECT ct.conversation_id FROM conversation_tags ct
        JOIN tags t ON t.id = ct.tag_id WHERE ${byId ? 't.id = ?' : 't.name = ? COLLATE NOCASE'})`);
      params.push(byId ? Number(query.tag) : query.tag);
    }
    if (query.cursor) {
      // The first term is an index range; the OR only sorts out rows at the cursor's instant.
      where.push('c.last_message_at <= ? AND (c.last_message_at < ? OR c.id < ?)');
      params.push(query.cursor.at, query.cursor.at, query.cursor.id);
    }
    if (query.ids) return searchPage(query, from, where, params.slice(1));
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

/**
 * A page of a search: the matched ids drive it (rowid lookups; scanning a view's index for a few
 * matches would read all of it), the view's filters and the cursor apply to them, and only the
 * page's rows are joined with contacts and reads — the sort sees (last_message_at, id) alone.
 */
function searchPage(query: InboxQuery, from: string, where: string[], filters: unknown[]) {
  const page = `SELECT c.id FROM json_each(?) j CROSS JOIN ${from}
    WHERE ${['c.id = j.value', ...where].join(' AND ')}
    ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`;
  const sql = `SELECT ${CONVERSATION_COLUMNS}, r.last_read_message_id AS last_read
    FROM conversations c
    JOIN contacts ct ON ct.id = c.contact_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ?
    WHERE c.id IN (${page})
    ORDER BY c.last_message_at DESC, c.id DESC
    LIMIT ?`;
  const limit = query.limit + 1;
  return { sql, params: [query.userId, JSON.stringify(query.ids), ...filters, limit, limit] };
}
