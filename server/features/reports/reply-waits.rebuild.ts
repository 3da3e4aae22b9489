import type BetterSqlite3 from 'better-sqlite3';

import type { Deps } from '../../context.js';
import { category } from '../../lib/logger.js';

/** The settings row that says `reply_waits` was built from history, and when. */
export const REPLY_WAITS_MARKER = 'replyWaitsBuiltAt';
/** Conversations per step of the rebuild: bounds the window functions' working set. */
const CHUNK = 20_000;

/**
 * The counted messages of a block of threads: student texts, people's replies and reopenings.
 * History keeps a reopening only as its activity line, so the rebuild (unlike the live writes,
 * which are told) recognises it by its wording.
 */
const COUNTED = `counted AS (
  SELECT m.id, m.conversation_id AS cid, m.created_at AS at, m.author_id AS author,
    CASE WHEN m.kind = 'activity' THEN 'reopened'
      WHEN m.direction = 'inbound' THEN 'inbound' ELSE 'reply' END AS what
  FROM messages m
  WHERE m.conversation_id >= @from AND m.conversation_id < @to
    AND ((m.kind = 'sms' AND (m.direction = 'inbound' OR m.author_id IS NOT NULL))
      OR (m.kind = 'activity' AND m.text LIKE '% reopened the conversation')))`;

/**
 * A wait starts at a student text whose previous counted message is not a student text; the
 * next reply or reopening after it (the next row once repeated student texts are dropped)
 * ends it.
 */
const WAITS = `
  WITH ${COUNTED},
  marked AS (SELECT *, LAG(what) OVER (PARTITION BY cid ORDER BY id) AS previous FROM counted),
  turns AS (SELECT * FROM marked WHERE what <> 'inbound' OR previous IS NOT 'inbound'),
  paired AS (
    SELECT *, LEAD(id) OVER w AS next_id, LEAD(what) OVER w AS next_what,
      LEAD(at) OVER w AS next_at, LEAD(author) OVER w AS next_author
    FROM turns WINDOW w AS (PARTITION BY cid ORDER BY id))
  INSERT INTO reply_waits (message_id, conversation_id, started_at, opening, ended_at,
    reply_message_id, replied_by)
  SELECT id, cid, at, CASE previous WHEN 'reply' THEN 'reply' ELSE 'first' END, next_at,
    CASE next_what WHEN 'reply' THEN next_id END, CASE next_what WHEN 'reply' THEN next_author END
  FROM paired WHERE what = 'inbound'`;

/** Each thread's last reply or reopening (SQLite takes `what` from the MAX(id) row). */
const TURNS = `
  WITH ${COUNTED}
  INSERT INTO reply_turns (conversation_id, next_opening)
  SELECT cid, CASE what WHEN 'reply' THEN 'reply' ELSE 'first' END
  FROM (SELECT cid, what, MAX(id) FROM counted WHERE what <> 'inbound' GROUP BY cid)`;

/**
 * Rebuilds `reply_waits` and `reply_turns` from the whole message history in one transaction,
 * then sets the marker. For databases written before the tables existed, and for data loaded
 * around the services (the benchmark generator, SQL-seeded tests).
 */
export function rebuildReplyWaits(sqlite: BetterSqlite3.Database, at = new Date()) {
  const waits = sqlite.prepare<[{ from: number; to: number }]>(WAITS);
  const turns = sqlite.prepare<[{ from: number; to: number }]>(TURNS);
  return sqlite.transaction(() => {
    sqlite.exec('DELETE FROM reply_waits; DELETE FROM reply_turns;');
    const last = sqlite.prepare<[], { id: number | null }>(
      'SELECT MAX(id) AS id FROM conversations',
    );
    const top = last.get()?.id ?? 0;
    const counts = { waits: 0, turns: 0 };
    for (let from = 1; from <= top; from += CHUNK) {
      counts.waits += waits.run({ from, to: from + CHUNK }).changes;
      counts.turns += turns.run({ from, to: from + CHUNK }).changes;
    }
    sqlite
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(REPLY_WAITS_MARKER, JSON.stringify(at.toISOString()));
    return counts;
  })();
}

/** At start-up: builds the waits once for a database that has never had them. */
export function ensureReplyWaits(deps: Pick<Deps, 'db' | 'clock' | 'logger'>): void {
  const { sqlite } = deps.db;
  const built = sqlite
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(REPLY_WAITS_MARKER);
  if (built) return;
  const started = performance.now();
  const counts = rebuildReplyWaits(sqlite, deps.clock.now());
  const ms = Math.round(performance.now() - started);
  category(deps.logger, 'db').info({ ...counts, ms }, 'reply waits built from message history');
}
