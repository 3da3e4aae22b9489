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
const n = (row: { n: number } | undefined) => row?.n ?? 0;

/**
 * The inbox tab counts: per view, open and closed threads and the open ones this user has not
 * read. Each number is its own small COUNT on the index that serves the view (PERFORMANCE.md:
 * separate counts beat one `COUNT … FILTER`). Open and closed are exact, from covering indexes
 * (all closed = every thread − open, which SQLite counts from the b-tree alone). Counts that
 * need a row lookup per thread — participating, unread — stop at {@link COUNT_CAP}, newest
 * first. The counts that are the same for everyone (all, unassigned, teams) are kept until the
 * event log moves: every change of a thread's status or assignee writes an event.
 */
export class InboxCounts {
  private readonly statements;
  private shared: { key: string; views: InboxViewCount[] } | null = null;

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
      head: sqlite.prepare<[], { head: number | null }>('SELECT MAX(seq) AS head FROM events'),
    };
  }

  /** Every tab's counts for one user; `unread` is the all view's, for the badge and title. */
  forUser(userId: number): InboxCountsDto {
    const s = this.statements;
    const [all, unassigned, ...teams] = this.sharedCounts();
    const withUnread = (view: InboxViewCount, key: string | null): InboxViewCount => ({
      ...view,
      unread: n(key === null ? s.unreadAll.get(userId) : s.unreadByKey.get(userId, key)),
    });

    const mine = `u:${userId}`;
    const views = [
      withUnread(all as InboxViewCount, null),
      withUnread(this.byKey('mine', mine), mine),
      withUnread(unassigned as InboxViewCount, ''),
      {
        view: 'participating',
        open: n(s.participating.get(userId, 'open')),
        closed: n(s.participating.get(userId, 'closed')),
        unread: n(s.unreadParticipating.get(userId, userId)),
      },
      ...teams.map((team) => withUnread(team, `t:${team.view.slice('team:'.length)}`)),
    ];
    return { views, unread: views[0]?.unread ?? 0, cap: COUNT_CAP };
  }

  /** All, unassigned and each team, open and closed: recounted when the log or teams change. */
  private sharedCounts(): InboxViewCount[] {
    const s = this.statements;
    const teams = s.teams.all();
    const key = `${s.head.get()?.head ?? ''}|${teams.map((team) => team.id).join(',')}`;
    if (this.shared?.key === key) return this.shared.views;

    const open = n(s.open.get());
    const views = [
      { view: 'all', open, closed: n(s.total.get()) - open, unread: 0 },
      this.byKey('unassigned', ''),
      ...teams.map((team) => this.byKey(`team:${team.id}`, `t:${team.id}`)),
    ];
    this.shared = { key, views };
    return views;
  }

  private byKey(view: string, key: string): InboxViewCount {
    const { byKey } = this.statements;
    return {
      view,
      open: n(byKey.get(key, 'open')),
      closed: n(byKey.get(key, 'closed')),
      unread: 0,
    };
  }

  /** The SQL of every count, for the query-plan checks. */
  statementsForPlans(): string[] {
    return Object.values(this.statements).map((statement) => statement.source);
  }
}
