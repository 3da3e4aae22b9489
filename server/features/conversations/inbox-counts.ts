import type { InboxCountsDto, InboxViewCount } from '@shared/dto.js';

import type { Deps } from '../../context.js';

type Status = 'open' | 'closed';

/** Counts that need a join per row stop here; the client shows "99+". */
export const COUNT_CAP = 100;

// A thread is unread for a user who has not read up to its newest student text.
const UNREAD = `c.status = 'open' AND c.last_inbound_message_id IS NOT NULL
  AND c.last_inbound_message_id > COALESCE(r.last_read_message_id, 0)`;
const READS = 'LEFT JOIN conversation_reads r ON r.user_id = ? AND r.conversation_id = c.id';
const capped = (sql: string) => `SELECT COUNT(*) AS n FROM (${sql} LIMIT ${COUNT_CAP})`;

/**
 * The inbox tab counts: per view, open and closed threads and the open ones this user has not
 * read. Each number is its own small COUNT on the index that serves the view (PERFORMANCE.md:
 * separate counts beat one `COUNT … FILTER`). Open and closed are exact, from covering indexes
 * (all closed = every thread − open, which SQLite counts from the b-tree alone). Counts that
 * need a row lookup per thread — participating, unread — stop at {@link COUNT_CAP}, newest first.
 */
export class InboxCounts {
  private readonly statements;

  constructor(deps: Deps) {
    const { sqlite } = deps.db;
    const count = <P extends unknown[]>(sql: string) => sqlite.prepare<P, { n: number }>(sql);
    this.statements = {
      total: count<[]>('SELECT COUNT(*) AS n FROM conversations'),
      open: count<[]>(`SELECT COUNT(*) AS n FROM conversations c WHERE c.status = 'open'`),
      byKey: count<[string, Status]>(
        'SELECT COUNT(*) AS n FROM conversations c WHERE c.assignee_key = ? AND c.status = ?',
      ),
      participating: count<[number, Status]>(
        capped(`SELECT 1 FROM participants p CROSS JOIN conversations c ON c.id = p.conversation_id
          WHERE p.user_id = ? AND c.status = ?`),
      ),
      unreadAll: count<[number]>(
        capped(`SELECT 1 FROM conversations c ${READS} WHERE ${UNREAD}
          ORDER BY c.status DESC, c.last_message_at DESC`),
      ),
      unreadByKey: count<[number, string]>(
        capped(`SELECT 1 FROM conversations c ${READS} WHERE c.assignee_key = ? AND ${UNREAD}
          ORDER BY c.assignee_key DESC, c.status DESC, c.last_message_at DESC`),
      ),
      unreadParticipating: count<[number, number]>(
        capped(`SELECT 1 FROM participants p CROSS JOIN conversations c ON c.id = p.conversation_id
          ${READS} WHERE p.user_id = ? AND ${UNREAD}`),
      ),
      teams: sqlite.prepare<[], { id: number }>('SELECT id FROM teams ORDER BY name, id'),
    };
  }

  /** Every tab's counts for one user; `unread` is the all view's, for the badge and title. */
  forUser(userId: number): InboxCountsDto {
    const s = this.statements;
    const n = (row: { n: number } | undefined) => row?.n ?? 0;
    const byKey = (view: string, key: string): InboxViewCount => ({
      view,
      open: n(s.byKey.get(key, 'open')),
      closed: n(s.byKey.get(key, 'closed')),
      unread: n(s.unreadByKey.get(userId, key)),
    });

    const open = n(s.open.get());
    const all = { view: 'all', open, closed: n(s.total.get()) - open, unread: n(s.unreadAll.get(userId)) };
    const participating: InboxViewCount = {
      view: 'participating',
      open: n(s.participating.get(userId, 'open')),
      closed: n(s.participating.get(userId, 'closed')),
      unread: n(s.unreadParticipating.get(userId, userId)),
    };
    const views = [
      all,
      byKey('mine', `u:${userId}`),
      byKey('unassigned', ''),
      participating,
      ...s.teams.all().map((team) => byKey(`team:${team.id}`, `t:${team.id}`)),
    ];
    return { views, unread: all.unread, cap: COUNT_CAP };
  }

  /** The SQL of every count, for the query-plan checks. */
  statementsForPlans(): string[] {
    return Object.values(this.statements).map((statement) => statement.source);
  }
}
