import type { Deps } from '../../context.js';
import type { OfficeDay } from './office-days.js';

/** A staff member's own text: outbound, an SMS, written by a person (not a bot or a rule). */
const personReply = (m: string) =>
  `(${m}.kind = 'sms' AND ${m}.direction = 'outbound' AND ${m}.author_id IS NOT NULL)`;
/** The activity line of a reopened thread: a reopening starts a new wait. */
const reopened = (m: string) =>
  `(${m}.kind = 'activity' AND ${m}.text LIKE '%reopened the conversation')`;

const DAYS = `days AS (
  SELECT json_extract(value, '$.day') AS day, json_extract(value, '$.start') AS start,
    json_extract(value, '$.end') AS end FROM json_each(?))`;

export interface WaitRow {
  id: number;
  at: string;
  /** 'first' when the text opened or reopened the thread, 'reply' when staff wrote last. */
  opening: 'first' | 'reply';
  repliedAt: string | null;
  authorId: number | null;
}

/**
 * The reports' SQL. Every range is walked through `messages(kind, direction, created_at)` or
 * `consent_events(kind, created_at)`; the steps back and forth inside a thread use
 * `messages(conversation_id, id)`.
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
      waits: sqlite.prepare<[string, string], WaitRow>(waitsSql()),
      waitingSince: sqlite.prepare<[], { id: number; since: string | null }>(waitingSinceSql()),
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

  /** Every wait that began with a student text in [start, end), with its reply if any. */
  waits(start: string, end: string): WaitRow[] {
    return this.statements.waits.all(start, end);
  }

  /** Each open conversation and when its student's oldest unanswered text came (or null). */
  waitingSince() {
    return this.statements.waitingSince.all();
  }

  /** The SQL of the range and thread walks, for the query-plan tests. */
  statementsForPlans(): string[] {
    const { volume, optOuts, waits, waitingSince } = this.statements;
    return [volume.source, optOuts.source, waits.source, waitingSince.source];
  }

  directory() {
    return {
      users: this.statements.users.all(),
      teams: this.statements.teams.all(),
      members: this.statements.members.all(),
    };
  }
}

/**
 * A student text begins a wait when the thread's previous counted message is not a student text:
 * there is none (the student opened the thread), it is a reopening, or it is a person's reply.
 * The wait ends at the next person's reply, or unanswered at the next reopening.
 */
function waitsSql(): string {
  return `
    WITH texts AS MATERIALIZED (
      SELECT m.id, m.conversation_id AS cid, m.created_at AS at,
        (SELECT CASE WHEN p.kind = 'activity' THEN 'reopened' ELSE p.direction END
         FROM messages p WHERE p.conversation_id = m.conversation_id AND p.id < m.id
           AND ((p.kind = 'sms' AND p.direction = 'inbound') OR ${personReply('p')}
             OR ${reopened('p')})
         ORDER BY p.id DESC LIMIT 1) AS previous
      FROM messages m
      WHERE m.kind = 'sms' AND m.direction = 'inbound' AND m.created_at >= ? AND m.created_at < ?
    ),
    waits AS MATERIALIZED (
      SELECT id, cid, at, previous,
        (SELECT n.id FROM messages n WHERE n.conversation_id = texts.cid AND n.id > texts.id
           AND (${personReply('n')} OR ${reopened('n')})
         ORDER BY n.id LIMIT 1) AS next_id
      FROM texts WHERE previous IS NULL OR previous <> 'inbound'
    )
    SELECT w.id, w.at,
      CASE WHEN w.previous IS NULL OR w.previous = 'reopened' THEN 'first' ELSE 'reply' END
        AS opening,
      CASE WHEN r.kind = 'sms' THEN r.created_at END AS repliedAt,
      CASE WHEN r.kind = 'sms' THEN r.author_id END AS authorId
    FROM waits w LEFT JOIN messages r ON r.id = w.next_id`;
}

/** For each open thread: the first student text after the last person's reply or reopening. */
function waitingSinceSql(): string {
  return `
    SELECT c.id,
      (SELECT m.created_at FROM messages m
       WHERE m.conversation_id = c.id AND m.kind = 'sms' AND m.direction = 'inbound'
         AND m.id > COALESCE(
           (SELECT r.id FROM messages r WHERE r.conversation_id = c.id
              AND (${personReply('r')} OR ${reopened('r')})
            ORDER BY r.id DESC LIMIT 1), 0)
       ORDER BY m.id LIMIT 1) AS since
    FROM conversations c WHERE c.status = 'open'`;
}
