/**
 * Floors on the generated database (bench/data/generate.ts), in a process of their own on the
 * server's core: a raw better-sqlite3 insert transaction (message + conversation update, FTS5
 * trigger included) with WAL and synchronous=NORMAL, and hand-written inbox, count and search
 * SQL on the right indexes. What the app's own queries are measured against.
 */
import BetterSqlite3 from 'better-sqlite3';

import { Latencies, round } from '../lib/stats.js';

interface InboxRequest {
  db: string;
  iterations: number;
  userId: number;
  teamId: number;
  words: { rare: string; common: string };
}

export interface FloorTiming {
  p50: number;
  p99: number;
  rows: number;
}

function time(iterations: number, run: () => unknown[] | unknown): FloorTiming {
  const warmup = Math.max(20, Math.floor(iterations / 10));
  let rows = 0;
  for (let i = 0; i < warmup; i++) run();
  const latency = new Latencies();
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    const result = run();
    latency.record(Number(process.hrtime.bigint() - started) / 1000);
    rows = Array.isArray(result) ? result.length : 1;
  }
  return { p50: round(latency.ms(50), 4), p99: round(latency.ms(99), 4), rows };
}

/** Insert floor: one message and its thread's summary per commit, as the inbound path writes. */
function insertFloor(path: string, count: number) {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const threads = (db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n;
  const insert = db.prepare<[number, string, string, string, string]>(
    `INSERT INTO messages (conversation_id, direction, kind, text, status, segments, encoding,
       carrier_id, created_at, updated_at)
     VALUES (?, 'inbound', 'sms', ?, 'received', 1, 'GSM-7', ?, ?, ?)`,
  );
  const touch = db.prepare<[string, number, string, number, string, number]>(
    `UPDATE conversations SET last_message_at = ?, last_message_id = ?, last_message_preview = ?,
       last_message_direction = 'inbound', last_inbound_message_id = ?, updated_at = ?
     WHERE id = ?`,
  );
  const write = db.transaction((i: number) => {
    const at = new Date().toISOString();
    const thread = 1 + ((i * 7919) % Math.max(1, threads));
    const text = `Is the deposit deadline still May ${1 + (i % 28)}? Asking for form ${i}.`;
    const id = Number(insert.run(thread, text, `floor-${i}`, at, at).lastInsertRowid);
    touch.run(at, id, text, id, at, thread);
  });

  const latency = new Latencies();
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    write.immediate(i);
    latency.record(Number(process.hrtime.bigint() - started) / 1000);
  }
  db.close();
  return { ...latency.summary(), p50: round(latency.ms(50), 4) };
}

function inboxFloors(request: InboxRequest): Record<string, FloorTiming> {
  const db = new BetterSqlite3(request.db, { readonly: true });
  const { userId, teamId, iterations } = request;
  const columns = `c.id, c.name, c.status, c.last_message_at, c.last_message_preview,
    ct.first_name, ct.last_name,
    c.last_inbound_message_id > COALESCE(r.last_read_message_id, 0) AS unread`;
  const reads = 'LEFT JOIN conversation_reads r ON r.user_id = ? AND r.conversation_id = c.id';
  const page = (where: string) =>
    db.prepare(
      `SELECT ${columns} FROM conversations c JOIN contacts ct ON ct.id = c.contact_id ${reads}
       ${where} ORDER BY c.last_message_at DESC LIMIT 50`,
    );
  const views: Record<string, [BetterSqlite3.Statement, unknown[]]> = {};
  const byView: Array<[string, string, unknown[]]> = [
    ['all', '', []],
    ['mine', 'WHERE c.assignee_key = ?', [`u:${userId}`]],
    ['unassigned', `WHERE c.assignee_key = ''`, []],
    // A counselor in thousands of threads: walk the activity index and probe participants,
    // which stops after a page; reading all their threads and sorting them costs ~30 ms here.
    [
      'participating',
      `WHERE EXISTS (SELECT 1 FROM participants p WHERE p.conversation_id = c.id
         AND p.user_id = ?)`,
      [userId],
    ],
    [`team:${teamId}`, 'WHERE c.assignee_key = ?', [`t:${teamId}`]],
  ];
  for (const [view, where, params] of byView) {
    views[`page ${view}`] = [page(where), [userId, ...params]];
    const open = where ? `${where} AND c.status = 'open'` : `WHERE c.status = 'open'`;
    views[`page ${view} open`] = [page(open), [userId, ...params]];
  }

  const result: Record<string, FloorTiming> = {};
  for (const [name, [statement, params]] of Object.entries(views)) {
    result[name] = time(iterations, () => statement.all(...params));
  }

  const cursor = db
    .prepare(
      `SELECT last_message_at AS at FROM conversations
       ORDER BY last_message_at DESC LIMIT 1 OFFSET 5000`,
    )
    .get() as { at: string } | undefined;
  const deep = page('WHERE c.last_message_at < ?');
  result['deep page (row 5000, keyset)'] = time(iterations, () =>
    deep.all(userId, cursor?.at ?? ''),
  );

  const counts = [
    db.prepare(`SELECT COUNT(*) AS n FROM conversations WHERE status = 'open'`),
    db.prepare(
      `SELECT COUNT(*) AS n FROM conversations WHERE assignee_key = ? AND status = 'open'`,
    ),
    db.prepare(
      `SELECT COUNT(*) AS n FROM conversations WHERE assignee_key = '' AND status = 'open'`,
    ),
  ] as const;
  result.counts = time(iterations, () => [
    counts[0].get(),
    counts[1].get(`u:${userId}`),
    counts[2].get(),
  ]);

  const newest = db.prepare(
    `SELECT m.id, m.conversation_id, snippet(message_search, 0, '[', ']', '…', 12) AS snippet
     FROM message_search JOIN messages m ON m.id = message_search.rowid
     WHERE message_search MATCH ? ORDER BY message_search.rowid DESC LIMIT 20`,
  );
  const ranked = db.prepare(
    `SELECT m.id, snippet(message_search, 0, '[', ']', '…', 12) AS snippet
     FROM message_search JOIN messages m ON m.id = message_search.rowid
     WHERE message_search MATCH ? ORDER BY rank LIMIT 20`,
  );
  result['search rare word'] = time(iterations, () => newest.all(`"${request.words.rare}"`));
  result['search common word'] = time(iterations, () => newest.all(`"${request.words.common}"`));
  result['search common word, bm25-ranked'] = time(Math.min(iterations, 50), () =>
    ranked.all(`"${request.words.common}"`),
  );
  db.close();
  return result;
}

process.on('message', (message: { type?: string } & Record<string, unknown>) => {
  if (message.type === 'insert') {
    const result = insertFloor(String(message.db), Number(message.count));
    process.send?.({ type: 'insert:done', ...result });
  }
  if (message.type === 'inbox') {
    const result = inboxFloors(message as unknown as InboxRequest);
    process.send?.({ type: 'inbox:done', floors: result });
  }
});
process.send?.({ type: 'ready', port: 0 });
