import type { LoggedEventName, LoggedEvents } from '@shared/events.js';

import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';

export interface LoggedEvent<K extends LoggedEventName = LoggedEventName> {
  seq: number;
  type: K;
  payload: LoggedEvents[K];
}

type Unsequenced<K extends LoggedEventName> = Omit<LoggedEvents[K], 'seq'>;

/** What a write sees: record an event with the change, or run something after the commit. */
export interface Tx {
  emit<K extends LoggedEventName>(type: K, payload: Unsequenced<K>): LoggedEvents[K];
  afterCommit(fn: () => void): void;
}

export type EventSink = (event: LoggedEvent) => void;

/**
 * The durable event log and the one way to write: `transact` runs a synchronous body in a
 * SQLite transaction; every event it emits is stored in the same transaction, and published to
 * the sink only after the commit, in seq order. A rolled-back body publishes nothing.
 */
export class EventLog {
  private sink: EventSink = () => {};
  private current: { events: LoggedEvent[]; after: Array<() => void> } | null = null;
  private readonly insert;
  private readonly selectSince;
  private readonly selectBounds;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    const { sqlite } = db;
    this.insert = sqlite.prepare<[string, string, string], { seq: number }>(
      'INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?) RETURNING seq',
    );
    this.selectSince = sqlite.prepare<
      [number, number],
      { seq: number; type: string; payload: string }
    >('SELECT seq, type, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectBounds = sqlite.prepare<[], { oldest: number | null; latest: number | null }>(
      'SELECT MIN(seq) AS oldest, MAX(seq) AS latest FROM events',
    );
  }

  setSink(sink: EventSink): void {
    this.sink = sink;
  }

  transact<T>(body: (tx: Tx) => T): T {
    if (this.current) return body(this.txFor(this.current));

    const pending = { events: [] as LoggedEvent[], after: [] as Array<() => void> };
    const run = this.db.sqlite.transaction(() => {
      this.current = pending;
      try {
        return body(this.txFor(pending));
      } finally {
        this.current = null;
      }
    });
    const result = run.immediate();

    for (const event of pending.events) this.sink(event);
    for (const fn of pending.after) fn();
    return result;
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  since(seq: number, limit = 10_000): LoggedEvent[] {
    return this.selectSince.all(seq, limit).map((row) => ({
      seq: row.seq,
      type: row.type as LoggedEventName,
      payload: { ...JSON.parse(row.payload), seq: row.seq } as LoggedEvents[LoggedEventName],
    }));
  }

  bounds(): { oldest: number | null; latest: number | null } {
    return this.selectBounds.get() ?? { oldest: null, latest: null };
  }

  /** Deletes events older than `before`; the seq keeps increasing (AUTOINCREMENT). */
  prune(before: Date): number {
    return this.db.sqlite
      .prepare('DELETE FROM events WHERE created_at < ?')
      .run(before.toISOString()).changes;
  }

  private txFor(pending: { events: LoggedEvent[]; after: Array<() => void> }): Tx {
    return {
      emit: (type, payload) => {
        const createdAt = this.clock.now().toISOString();
        const row = this.insert.get(type, JSON.stringify(payload), createdAt) as { seq: number };
        const full = { ...payload, seq: row.seq } as LoggedEvents[typeof type];
        pending.events.push({ seq: row.seq, type, payload: full });
        return full;
      },
      afterCommit: (fn) => {
        pending.after.push(fn);
      },
    };
  }
}
