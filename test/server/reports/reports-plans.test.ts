import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generate } from '../../../bench/data/generate.js';
import { openDatabase, type Database } from '../../../server/db/database.js';
import { officeDays } from '../../../server/features/reports/office-days.js';
import { ReplyWaitsService } from '../../../server/features/reports/reply-waits.service.js';
import { ReportQueries } from '../../../server/features/reports/reports.queries.js';

/**
 * EXPLAIN QUERY PLAN of the report queries on a generated database: a range of days is read
 * from `messages(kind, direction, created_at)` or `consent_events(kind, created_at)`, response
 * times from `reply_waits(started_at)`, open age from the open-waits index; no step scans a
 * whole table, and the waits never go back to `messages`. The live writes to `reply_waits` use
 * keys and the open-waits index only.
 */
let dir: string;
let db: Database;
let statements: string[];
let writes: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-report-plans-'));
  const path = join(dir, 'plans.db');
  await generate({ conversations: 2_000, messages: 10_000, out: path, seed: 11 });
  db = openDatabase(path);
  statements = new ReportQueries({ db }).statementsForPlans();
  writes = new ReplyWaitsService({ db }).statementsForPlans();
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAYS = JSON.stringify(officeDays('2025-01-01', '2025-01-30', 'America/New_York'));
const START = '2025-01-01T05:00:00.000Z';
const END = '2025-01-31T05:00:00.000Z';
const BOUNDS = { h1: END, h4: END, h24: END, h72: END, h168: START };

function plan(sql: string, ...params: unknown[]): string[] {
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params);
  return (rows as Array<{ detail: string }>).map((row) => row.detail);
}

/** A SCAN of a stored table (by its alias); scans of the CTEs and of json_each are fine. */
const tableScans = (steps: string[]) =>
  steps.filter((step) =>
    /^SCAN (m|c|e|w|t|messages|conversations|consent_events|reply_waits|reply_turns)\b/.test(step),
  );

describe('report queries', () => {
  it('never scan a whole table, nor match text', () => {
    const [volume = '', optOuts = '', waits = '', openAge = ''] = statements;
    const plans = [plan(volume, DAYS), plan(optOuts, DAYS), plan(waits, START, END)];
    plans.push(plan(openAge, BOUNDS));

    for (const steps of plans) expect(tableScans(steps), steps.join('\n')).toEqual([]);
    for (const sql of statements) expect(sql).not.toMatch(/\bLIKE\b/i);
  });

  it('count each day of texts and consent events on the range indexes', () => {
    const [volume = '', optOuts = ''] = statements;

    expect(
      plan(volume, DAYS).filter((s) => s.includes('messages_kind_direction_created_idx')),
    ).toEqual([
      'SEARCH m USING COVERING INDEX messages_kind_direction_created_idx ' +
        '(kind=? AND direction=? AND created_at>? AND created_at<?)',
      'SEARCH m USING COVERING INDEX messages_kind_direction_created_idx ' +
        '(kind=? AND direction=? AND created_at>? AND created_at<?)',
    ]);
    expect(
      plan(optOuts, DAYS).filter((s) => s.includes('consent_events_kind_created_idx')),
    ).toHaveLength(2);
  });

  it('read the waits of a range from the covering start-time index alone', () => {
    const steps = plan(statements[2] ?? '', START, END);

    expect(steps).toEqual([
      'SEARCH w USING COVERING INDEX reply_waits_started_idx (started_at>? AND started_at<?)',
      'USE TEMP B-TREE FOR GROUP BY',
    ]);
  });

  it('bucket open threads from the status index and each one’s open wait', () => {
    const steps = plan(statements[3] ?? '', BOUNDS);

    expect(steps[0]).toMatch(/^SEARCH c USING COVERING INDEX conversations_status_last_idx/);
    expect(steps).toContain(
      'SEARCH w USING INDEX reply_waits_open_uq (conversation_id=?) LEFT-JOIN',
    );
    expect(steps.some((s) => s.includes('messages'))).toBe(false);
  });
});

describe('live writes to reply_waits', () => {
  it('find the open wait and the thread’s turn by index, never by a scan', () => {
    const [start = '', answer = '', abandon = '', turn = ''] = writes;
    const open = 'SEARCH reply_waits USING INDEX reply_waits_open_uq (conversation_id=?)';

    expect(plan(start, { message: 1, conversation: 1, at: START })).toEqual([
      'SCALAR SUBQUERY 1',
      'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
    expect(plan(answer, { at: END, reply: 2, author: 1, conversation: 1 })).toEqual([open]);
    expect(plan(abandon, END, 1)).toEqual([open]);
    expect(tableScans(plan(turn, 1, 'reply'))).toEqual([]);
  });
});
