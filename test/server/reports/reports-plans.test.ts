import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generate } from '../../../bench/data/generate.js';
import { openDatabase, type Database } from '../../../server/db/database.js';
import { officeDays } from '../../../server/features/reports/office-days.js';
import { ReportQueries } from '../../../server/features/reports/reports.queries.js';

/**
 * EXPLAIN QUERY PLAN of the report queries on a generated database: a range of days is read
 * from `messages(kind, direction, created_at)` or `consent_events(kind, created_at)`, a step
 * inside a thread from `messages(conversation_id, id)`, and no step scans a whole table.
 */
let dir: string;
let db: Database;
let statements: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-report-plans-'));
  const path = join(dir, 'plans.db');
  await generate({ conversations: 2_000, messages: 10_000, out: path, seed: 11 });
  db = openDatabase(path);
  statements = new ReportQueries({ db }).statementsForPlans();
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAYS = JSON.stringify(officeDays('2025-01-01', '2025-01-30', 'America/New_York'));

function plan(sql: string): string[] {
  const count = sql.split('?').length - 1;
  const params = count === 1 ? [DAYS] : ['2025-01-01T05:00:00.000Z', '2025-01-31T05:00:00.000Z'];
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.slice(0, count));
  return (rows as Array<{ detail: string }>).map((row) => row.detail);
}

/** A SCAN of a stored table (by its alias); scans of the CTEs and of json_each are fine. */
const tableScans = (steps: string[]) =>
  steps.filter((step) => /^SCAN (m|p|n|r|c|e|messages|conversations|consent_events)\b/.test(step));

describe('report queries', () => {
  it('never scan a whole table', () => {
    for (const sql of statements) {
      const steps = plan(sql);
      expect(tableScans(steps), `${sql}\n${steps.join('\n')}`).toEqual([]);
    }
  });

  it('count each day of texts and consent events on the range indexes', () => {
    const [volume = '', optOuts = ''] = statements;

    expect(plan(volume).filter((s) => s.includes('messages_kind_direction_created_idx'))).toEqual([
      'SEARCH m USING COVERING INDEX messages_kind_direction_created_idx ' +
        '(kind=? AND direction=? AND created_at>? AND created_at<?)',
      'SEARCH m USING COVERING INDEX messages_kind_direction_created_idx ' +
        '(kind=? AND direction=? AND created_at>? AND created_at<?)',
    ]);
    expect(plan(optOuts).filter((s) => s.includes('consent_events_kind_created_idx'))).toHaveLength(
      2,
    );
  });

  it('walks the student texts of the range and steps through threads by conversation id', () => {
    const steps = plan(statements[2] ?? '');

    expect(steps).toContain(
      'SEARCH m USING INDEX messages_kind_direction_created_idx ' +
        '(kind=? AND direction=? AND created_at>? AND created_at<?)',
    );
    for (const alias of ['p', 'n']) {
      expect(
        steps.some((s) => s.startsWith(`SEARCH ${alias} USING INDEX messages_conversation_idx`)),
      ).toBe(true);
    }
  });

  it('reads open threads from the status index for the open-age buckets', () => {
    const steps = plan(statements[3] ?? '');

    expect(steps[0]).toMatch(/^SEARCH c USING COVERING INDEX conversations_status_last_idx/);
    expect(steps.filter((s) => s.includes('messages_conversation_idx'))).toHaveLength(2);
  });
});
