import type { Deps } from '../../context.js';
import type { OfficeDay } from './office-days.js';

const DAYS = `days AS (
  SELECT json_extract(value, '$.day') AS day, json_extract(value, '$.start') AS start,
    json_extract(value, '$.end') AS end FROM json_each(?))`;

/** The waits of a range that share an opening and the author of their reply. */
export interface WaitGroup {
  /** 'first' when the text opened or reopened the thread, 'reply' when staff wrote last. */
  opening: 'first' | 'reply';
  /** The author of the person's replies that ended the waits; null for the unanswered. */
  authorId: number | null;
  count: number;
  /** Each answered wait, student text to reply, in milliseconds. */
  waitsMs: number[];
}

/** Open threads per age of their open wait: bucket 0–5 in AGE_BUCKETS order, -1 for none. */
export interface OpenAgeRow {
  bucket: number;
  count: number;
}

/** Bucket bounds: a wait that started after `h1` is under an hour old, and so on. */
export interface AgeBounds {
  h1: string;
  h4: string;
  h24: string;
  h72: string;
  h168: string;
}

/**
 * The reports' SQL. Day counts walk `messages(kind, direction, created_at)` or
 * `consent_events(kind, created_at)`; response times read `reply_waits` by `started_at`, and
 * open age reads each open thread's open wait from the partial index of open waits.
 */
export class ReportQueries {
  private readonly statements;

  constructor(deps: Pick<Deps, 'db'>) {
    const { sqlite } = deps.db;
    this.statements = {
      volume: sqlite.prepare<[string], { day: string; inbound: number; outbound: number }>(
        `WITH ${DAYS}
         SELECT d.day,
           (SELECT COUNT(*) FROM messages m WHERE m.kind = 'sms' AND m.direction = 'inbound'
              AND m.created_at >= d.start AND m.created_at < d.end) AS inbound,
           (SELECT COUNT(*) FROM messages m WHERE m.kind = 'sms' AND m.direction = 'outbound'
              AND m.created_at >= d.start AND m.created_at < d.end) AS outbound
         FROM days d ORDER BY d.day`,
      ),
      optOuts: sqlite.prepare<[string], { day: string; optOuts: number; optIns: number }>(
        `WITH ${DAYS}
         SELECT d.day,
           (SELECT COUNT(*) FROM consent_events e WHERE e.kind = 'opt_out'
              AND e.created_at >= d.start AND e.created_at < d.end) AS optOuts,
           (SELECT COUNT(*) FROM consent_events e WHERE e.kind = 'opt_in'
              AND e.created_at >= d.start AND e.created_at < d.end) AS optIns
         FROM days d ORDER BY d.day`,
      ),
      waits: sqlite.prepare<[string, string], Omit<WaitGroup, 'waitsMs'> & { waitsMs: string }>(
        `SELECT w.opening, w.replied_by AS authorId, COUNT(*) AS count,
           json_group_array(w.wait_ms) FILTER (WHERE w.wait_ms IS NOT NULL) AS waitsMs
         FROM reply_waits w WHERE w.started_at >= ? AND w.started_at < ?
         GROUP BY w.replied_by, w.opening`,
      ),
      openAge: sqlite.prepare<[AgeBounds], OpenAgeRow>(
        `SELECT CASE WHEN w.message_id IS NULL THEN -1 WHEN w.started_at > @h1 THEN 0
             WHEN w.started_at > @h4 THEN 1 WHEN w.started_at > @h24 THEN 2
             WHEN w.started_at > @h72 THEN 3 WHEN w.started_at > @h168 THEN 4 ELSE 5 END
             AS bucket, COUNT(*) AS count
         FROM conversations c
         LEFT JOIN reply_waits w ON w.conversation_id = c.id AND w.ended_at IS NULL
         WHERE c.status = 'open' GROUP BY bucket`,
      ),
      users: sqlite.prepare<[], { id: number; name: string }>(
        'SELECT id, name FROM users ORDER BY name, id',
      ),
      teams: sqlite.prepare<[], { id: number; name: string }>(
        'SELECT id, name FROM teams ORDER BY name, id',
      ),
      members: sqlite.prepare<[], { teamId: number; userId: number }>(
        'SELECT team_id AS teamId, user_id AS userId FROM team_members',
      ),
    };
  }

  volume(days: OfficeDay[]) {
    return this.statements.volume.all(JSON.stringify(days));
  }

  optOuts(days: OfficeDay[]) {
    return this.statements.optOuts.all(JSON.stringify(days));
  }

  /** The waits that began with a student text in [start, end), grouped by author and opening. */
  waits(start: string, end: string): WaitGroup[] {
    return this.statements.waits
      .all(start, end)
      .map((group) => ({ ...group, waitsMs: JSON.parse(group.waitsMs) as number[] }));
  }

  /** Open threads counted by the age of their open wait (bucket -1: none is waiting). */
  openAge(bounds: AgeBounds): OpenAgeRow[] {
    return this.statements.openAge.all(bounds);
  }

  /** The SQL of the report queries, for the query-plan tests. */
  statementsForPlans(): string[] {
    const { volume, optOuts, waits, openAge } = this.statements;
    return [volume.source, optOuts.source, waits.source, openAge.source];
  }

  directory() {
    return {
      users: this.statements.users.all(),
      teams: this.statements.teams.all(),
      members: this.statements.members.all(),
    };
  }
}
