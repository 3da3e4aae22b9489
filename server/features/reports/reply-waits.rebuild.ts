import type BetterSqlite3 from 'better-sqlite3';

import type { Deps } from '../../context.js';
import { category } from '../../lib/logger.js';

/** The settings row that says `reply_waits` was built from history, and when. */
export const REPLY_WAITS_MARKER = 'replyWaitsBuiltAt';
/**
 * Message ids per read: the history is read in id order, one block at a time, straight from the
 * table (NOT INDEXED: the kind index would read every block's texts from the whole history).
 */
const BLOCK = 100_000;

type Opening = 'first' | 'reply';

interface Counted {
  id: number;
  cid: number;
  at: string;
  author: number | null;
  what: 'inbound' | 'reply' | 'reopened';
}

interface Thread {
  open: { id: number; at: string; opening: Opening } | null;
  /** What the next wait opens as: unset until the thread's first reply or reopening. */
  next: Opening | null;
}

/**
 * The counted messages of a block of ids: student texts, people's replies and reopenings.
 * History keeps a reopening only as its activity line, so the rebuild (unlike the live writes,
 * which are told) recognises it by its wording.
 */
const COUNTED = `
  SELECT m.id, m.conversation_id AS cid, m.created_at AS at, m.author_id AS author,
    CASE WHEN m.kind = 'activity' THEN 'reopened'
      WHEN m.direction = 'inbound' THEN 'inbound' ELSE 'reply' END AS what
  FROM messages m NOT INDEXED
  WHERE m.id >= ? AND m.id < ?
    AND ((m.kind = 'sms' AND (m.direction = 'inbound' OR m.author_id IS NOT NULL))
      OR (m.kind = 'activity' AND m.text LIKE '% reopened the conversation'))
  ORDER BY m.id`;

/** Replays the history in id order with the same rules as `ReplyWaitsService`. */
class Replay {
  readonly threads = new Map<number, Thread>();
  waits = 0;
  private readonly insertWait;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.insertWait = sqlite.prepare<[Record<string, string | number | null>]>(
      `INSERT INTO reply_waits (message_id, conversation_id, started_at, opening, ended_at,
         reply_message_id, replied_by, wait_ms)
       VALUES (@id, @cid, @at, @opening, @endedAt, @reply, @author, @waitMs)`,
    );
  }

  apply(row: Counted): void {
    let thread = this.threads.get(row.cid);
    if (!thread) this.threads.set(row.cid, (thread = { open: null, next: null }));
    if (row.what === 'inbound') {
      thread.open ??= { id: row.id, at: row.at, opening: thread.next ?? 'first' };
      return;
    }
    if (thread.open) this.end(row, thread.open);
    thread.open = null;
    thread.next = row.what === 'reply' ? 'reply' : 'first';
  }

  /** Writes the waits still open and each thread's turn. */
  finish(): number {
    const turn = this.sqlite.prepare<[number, Opening]>(
      'INSERT INTO reply_turns (conversation_id, next_opening) VALUES (?, ?)',
    );
    let turns = 0;
    for (const [cid, thread] of this.threads) {
      const open = thread.open;
      if (open) this.write(open, cid, null, null);
      if (thread.next) turns += turn.run(cid, thread.next).changes;
    }
    return turns;
  }

  private end(row: Counted, open: NonNullable<Thread['open']>): void {
    const reply = row.what === 'reply' ? row : null;
    this.write(open, row.cid, row.at, reply);
  }

  private write(
    open: NonNullable<Thread['open']>,
    cid: number,
    endedAt: string | null,
    reply: Counted | null,
  ): void {
    this.insertWait.run({
      ...open,
      cid,
      endedAt,
      reply: reply?.id ?? null,
      author: reply?.author ?? null,
      waitMs: reply ? Date.parse(reply.at) - Date.parse(open.at) : null,
    });
    this.waits += 1;
  }
}

/**
 * Rebuilds `reply_waits` and `reply_turns` from the whole message history in one transaction,
 * then sets the marker. For databases written before the tables existed, and for data loaded
 * around the services (the benchmark generator, SQL-seeded tests).
 */
export function rebuildReplyWaits(sqlite: BetterSqlite3.Database, at = new Date()) {
  return sqlite.transaction(() => replayHistory(sqlite, at))();
}

function replayHistory(sqlite: BetterSqlite3.Database, at: Date) {
  const counted = sqlite.prepare<[number, number], Counted>(COUNTED);
  sqlite.exec('DELETE FROM reply_waits; DELETE FROM reply_turns;');
  const replay = new Replay(sqlite);
  const top = sqlite.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM messages');
  const last = top.get()?.id ?? 0;
  for (let from = 1; from <= last; from += BLOCK) {
    for (const row of counted.all(from, from + BLOCK)) replay.apply(row);
  }
  const turns = replay.finish();
  sqlite
    .prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(REPLY_WAITS_MARKER, JSON.stringify(at.toISOString()));
  return { waits: replay.waits, turns };
}

/**
 * At start-up: builds the waits once for a database that has never had them. Returns what it
 * built and how long it took, or null when the marker says it was done before.
 */
export function ensureReplyWaits(deps: Pick<Deps, 'db' | 'clock' | 'logger'>) {
  const { sqlite } = deps.db;
  const built = sqlite
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(REPLY_WAITS_MARKER);
  if (built) return null;
  const started = performance.now();
  const counts = rebuildReplyWaits(sqlite, deps.clock.now());
  const ms = Math.round(performance.now() - started);
  category(deps.logger, 'db').info({ ...counts, ms }, 'reply waits built from message history');
  return { ...counts, ms };
}
