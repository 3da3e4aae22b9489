import type { Assignee, AssignmentChangeDto, BoardDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';

interface AssignedPayload {
  conversationId: number;
  assignee: Assignee | null;
  previous: Assignee | null;
  actor?: { id: number; name: string } | null;
}

/**
 * The supervisor board: open conversations counted per assignee key (one GROUP BY over the
 * covering `(assignee_key, status, …)` index) and the newest `conversation:assigned` events of
 * the log, which keeps them as long as it keeps anything (7 days).
 */
export class BoardQueries {
  private readonly statements;

  constructor(deps: Deps) {
    const { sqlite } = deps.db;
    this.statements = {
      counts: sqlite.prepare<[], { key: string; open: number }>(
        `SELECT assignee_key AS key, COUNT(*) AS open FROM conversations
         WHERE status = 'open' GROUP BY assignee_key`,
      ),
      users: sqlite.prepare<[], { id: number; name: string; active: number }>(
        'SELECT id, name, active FROM users ORDER BY name, id',
      ),
      teams: sqlite.prepare<[], { id: number; name: string }>(
        'SELECT id, name FROM teams ORDER BY name, id',
      ),
      feed: sqlite.prepare<[number], { seq: number; payload: string; created_at: string }>(
        `SELECT seq, payload, created_at FROM events WHERE type = 'conversation:assigned'
         ORDER BY seq DESC LIMIT ?`,
      ),
      names: sqlite.prepare<[string], { id: number; name: string }>(
        'SELECT id, name FROM conversations WHERE id IN (SELECT value FROM json_each(?))',
      ),
    };
  }

  board(feedLimit: number): BoardDto {
    const counts = new Map(this.statements.counts.all().map((row) => [row.key, row.open]));
    const open = (key: string) => counts.get(key) ?? 0;

    const users = this.statements.users
      .all()
      .map((user) => ({
        id: user.id,
        name: user.name,
        active: user.active === 1,
        open: open(`u:${user.id}`),
      }))
      .filter((user) => user.active || user.open > 0);
    const teams = this.statements.teams
      .all()
      .map((team) => ({ id: team.id, name: team.name, open: open(`t:${team.id}`) }));
    return { unassigned: open(''), teams, users, feed: this.feed(feedLimit) };
  }

  feed(limit: number): AssignmentChangeDto[] {
    const rows = this.statements.feed.all(limit);
    const changes = rows.map((row) => ({
      row,
      payload: JSON.parse(row.payload) as AssignedPayload,
    }));
    const ids = [...new Set(changes.map((change) => change.payload.conversationId))];
    const names = new Map(
      this.statements.names.all(JSON.stringify(ids)).map((row) => [row.id, row.name]),
    );

    return changes.map(({ row, payload }) => ({
      seq: row.seq,
      conversationId: payload.conversationId,
      conversationName: names.get(payload.conversationId) ?? null,
      assignee: payload.assignee,
      previous: payload.previous,
      actor: payload.actor ?? null,
      at: row.created_at,
    }));
  }
}
