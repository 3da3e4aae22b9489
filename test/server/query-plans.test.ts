import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generate } from '../../bench/data/generate.js';
import type { Deps } from '../../server/context.js';
import { contactListSql } from '../../server/features/contacts/contact.routes.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { CollisionGuard } from '../../server/features/conversations/collision-guard.js';
import { ConversationService } from '../../server/features/conversations/conversation.service.js';
import { InboxCounts } from '../../server/features/conversations/inbox-counts.js';
import {
  InboxQueries,
  parseView,
  type InboxQuery,
} from '../../server/features/conversations/inbox.queries.js';
import { MessagePresenter } from '../../server/features/messages/message.presenter.js';
import { SearchService } from '../../server/features/search/search.service.js';

/**
 * EXPLAIN QUERY PLAN of every inbox list, count, page and search query, on a generated
 * database: each reads an index (or the FTS tables), none scans a table, and the views served by
 * an index never sort in a temp B-tree. Two sorts are by design and bounded: a search's matched
 * ids (at most 400), and the participating view of someone in fewer than 1,000 threads.
 */
let dir: string;
let db: Database;
let inbox: InboxQueries;
const WIDE = 1;
const NARROW = 2;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-plans-'));
  const path = join(dir, 'plans.db');
  await generate({ conversations: 3_000, messages: 15_000, out: path, seed: 7 });
  db = openDatabase(path);
  db.sqlite
    .prepare(
      `INSERT INTO participants (conversation_id, user_id, created_at)
       SELECT id, ?, created_at FROM conversations WHERE true ON CONFLICT DO NOTHING`,
    )
    .run(WIDE);
  inbox = new InboxQueries(deps(), new ConversationService(deps()).presenter);
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = () => ({ db }) as unknown as Deps;

function plan(sql: string, params: unknown[] = dummies(sql)): string[] {
  const bound = sql.includes('@id') ? [{ id: 1 }] : params;
  return (
    db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bound) as Array<{ detail: string }>
  ).map((row) => row.detail);
}

const dummies = (sql: string) => Array.from({ length: sql.split('?').length - 1 }, () => 1);

/**
 * No step reads a whole table; an ordered walk of an index under LIMIT is allowed, and a bare
 * `SEARCH t` is SQLite's MIN/MAX read from the end of the rowid b-tree.
 */
function expectIndexed(steps: string[]): void {
  const tableScan = steps.filter(
    (step) => /^SCAN \w+$/.test(step) || /^SCAN \w+ USING ROWID/.test(step),
  );
  expect(tableScan, steps.join('\n')).toEqual([]);
  expect(
    steps.some((step) =>
      /USING (COVERING )?INDEX|INTEGER PRIMARY KEY|VIRTUAL TABLE INDEX|^SEARCH \w+$/.test(step),
    ),
    steps.join('\n'),
  ).toBe(true);
}

const sorts = (steps: string[]) =>
  steps.some((step) => step.includes('USE TEMP B-TREE FOR ORDER BY'));

function listQuery(
  view: string,
  status: 'open' | 'closed' | null,
  extra: Partial<InboxQuery> = {},
) {
  return inbox.build({
    view: parseView(view),
    status,
    cursor: null,
    limit: 50,
    userId: WIDE,
    ...extra,
  });
}

const VIEWS = ['all', 'mine', 'unassigned', 'team:1', 'participating'];
const STATUSES = [null, 'open', 'closed'] as const;
const CURSOR = { at: '2025-01-01T00:00:00.000Z', id: 1_500 };

describe('inbox list queries', () => {
  for (const view of VIEWS) {
    for (const status of STATUSES) {
      const name = `${view}${status ? ` (${status})` : ''}`;
      it(`reads ${name} from an index, in order, first page and deep`, () => {
        for (const cursor of [null, CURSOR]) {
          const { sql, params } = listQuery(view, status, { cursor });
          const steps = plan(sql, params);
          expectIndexed(steps);
          expect(sorts(steps), steps.join('\n')).toBe(false);
        }
      });
    }
  }

  it('pages by a keyset range on the view index, never by OFFSET', () => {
    const { sql, params } = listQuery('mine', 'open', { cursor: CURSOR });

    expect(sql).not.toMatch(/OFFSET/i);
    expect(plan(sql, params)[0]).toMatch(
      /USING INDEX conversations_assignee_status_last_idx .*last_message_at<\?/,
    );
  });

  it('reads the participating view of someone in few threads from the participants index', () => {
    const { sql, params } = inbox.build({
      view: parseView('participating'),
      status: null,
      cursor: null,
      limit: 50,
      userId: NARROW,
    });
    const steps = plan(sql, params);

    expectIndexed(steps);
    expect(steps[0]).toMatch(/participants_user_idx/);
    expect(sorts(steps)).toBe(true);
  });

  it('drives a search page from the matched ids by rowid, joining only the page', () => {
    for (const view of VIEWS) {
      const { sql, params } = listQuery(view, 'open', { ids: [1, 2, 3], cursor: CURSOR });
      const steps = plan(sql, params);
      expectIndexed(steps);
      expect(steps.some((step) => /^SCAN j VIRTUAL TABLE/.test(step))).toBe(true);
      expect(steps.filter((step) => /SEARCH c USING INTEGER PRIMARY KEY/.test(step))).toHaveLength(
        2,
      );
    }
  });
});

describe('inbox counts', () => {
  it('counts every number from an index, without sorting', () => {
    for (const sql of new InboxCounts(deps()).statementsForPlans()) {
      const steps = plan(sql);
      expectIndexed(steps);
      expect(sorts(steps), `${sql}\n${steps.join('\n')}`).toBe(false);
    }
  });

  it('counts open and closed threads of a view from a covering index', () => {
    const byKey = new InboxCounts(deps())
      .statementsForPlans()
      .find((sql) => sql.includes('assignee_key = ? AND c.status = ?') && !sql.includes('LIMIT'));

    expect(plan(byKey!)).toEqual([
      'SEARCH c USING COVERING INDEX conversations_assignee_status_last_idx ' +
        '(assignee_key=? AND status=?)',
    ]);
  });
});

describe('search queries', () => {
  it('matches through the FTS5 tables and joins by rowid, never with LIKE', () => {
    const statements = new SearchService(deps()).statementsForPlans();
    for (const sql of statements) {
      expect(sql).not.toMatch(/\bLIKE\b/i);
      expectIndexed(plan(sql));
    }
    const fts = statements.filter((sql) => sql.includes('MATCH'));
    expect(fts).toHaveLength(2);
    for (const sql of fts) {
      expect(
        plan(sql).some((step) => /VIRTUAL TABLE INDEX \d+:.*M/.test(step)),
        sql,
      ).toBe(true);
    }
  });

  it('reads matches newest first from the FTS index itself, without a sort', () => {
    for (const sql of new SearchService(deps()).statementsForPlans()) {
      if (sql.includes('ORDER BY')) expect(sorts(plan(sql)), sql).toBe(false);
    }
  });
});

describe('collision guard', () => {
  it('looks for newer messages on the messages_conversation_idx range', () => {
    const [sql] = new CollisionGuard(deps(), new MessagePresenter(deps())).statementsForPlans();

    expect(plan(sql!)[0]).toMatch(
      /SEARCH messages USING INDEX messages_conversation_idx \(conversation_id=\? AND id>\?\)/,
    );
  });
});

describe('contact list', () => {
  it.each([false, true])('reads A–Z from the name index, no sort (mobile only: %s)', (only) => {
    const steps = plan(contactListSql(only));

    expect(steps[0]).toBe('SCAN c USING COVERING INDEX contacts_name_order_idx');
    expect(sorts(steps), steps.join('\n')).toBe(false);
  });
});
