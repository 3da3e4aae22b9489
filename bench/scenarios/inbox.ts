/**
 * Inbox and search timings on a generated database (bench/data/generate.ts):
 *
 *   node_modules/.bin/tsx bench/data/generate.ts --out bench/data/inbox.db
 *   node_modules/.bin/tsx bench/scenarios/inbox.ts --db bench/data/inbox.db [--iterations 400]
 *
 * SQL: the app's own query objects (InboxQueries, InboxCounts, SearchService) called in this
 * process. HTTP: the real server in a child process on 127.0.0.1 (pinned to core 0 when
 * `taskset` exists, this process to core 1), one signed-in counselor, sequential requests over a
 * kept-alive connection. Reports p50 / p99 in milliseconds and writes bench/results/inbox.json.
 * `--cache-mb 64` gives the SQL side a bigger page cache than SQLite's 2 MB default.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../../server/db/database.js';
import { ConversationService } from '../../server/features/conversations/conversation.service.js';
import { InboxCounts } from '../../server/features/conversations/inbox-counts.js';
import {
  encodeCursor,
  InboxQueries,
  parseView,
} from '../../server/features/conversations/inbox.queries.js';
import { SearchService } from '../../server/features/search/search.service.js';
import type { Deps } from '../../server/context.js';
import { systemClock } from '../../server/lib/clock.js';
import { loadConfig } from '../../server/lib/config.js';
import { createLogger } from '../../server/lib/logger.js';
import { BENCH_PASSWORD, COMMON_WORD, RARE_WORD } from '../data/generate.js';

interface Row {
  metric: string;
  layer: 'sql' | 'http';
  p50: number;
  p99: number;
  /** Rows the last run returned, to show the query did real work. */
  rows: number;
  /** The bare-SQL floor this is compared with, and p50 / floor p50 (same run, same cache). */
  floor?: string;
  ratio?: number;
}

const FLOOR_PAGE = 'floor: 50 newest with unread (raw SQL)';
const FLOOR_COUNTS = 'floor: three covering COUNTs';
const FLOOR_SEARCH = 'floor: FTS5 newest 20 with snippet';
const FLOOR_HTTP = 'floor: GET /api/me (session + one row)';

/** PERFORMANCE.md's floors, on this database: what bare statements cost here and now. */
function floors(deps: Deps): Array<[string, () => unknown]> {
  const { sqlite } = deps.db;
  const page = sqlite.prepare(
    `SELECT c.*, r.last_read_message_id FROM conversations c
     LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ?
     ORDER BY c.last_message_at DESC LIMIT 50`,
  );
  const counts = [
    sqlite.prepare(`SELECT COUNT(*) AS n FROM conversations WHERE status = 'open'`),
    sqlite.prepare(
      `SELECT COUNT(*) AS n FROM conversations WHERE assignee_key = '' AND status = 'open'`,
    ),
    sqlite.prepare(
      `SELECT COUNT(*) AS n FROM conversations WHERE assignee_key = ? AND status = 'open'`,
    ),
  ] as const;
  const search = sqlite.prepare(
    `SELECT m.id, m.conversation_id, snippet(message_search, 0, '[', ']', '…', 12) AS s
     FROM message_search JOIN messages m ON m.id = message_search.rowid
     WHERE message_search MATCH ? ORDER BY message_search.rowid DESC LIMIT 20`,
  );
  return [
    [FLOOR_PAGE, () => page.all(USER_ID)],
    [FLOOR_COUNTS, () => [counts[0].get(), counts[1].get(), counts[2].get(`u:${USER_ID}`)]],
    [FLOOR_SEARCH, () => search.all(`"${COMMON_WORD}"`)],
  ];
}

function floorOf(metric: string): string {
  if (metric.startsWith('counts')) return FLOOR_COUNTS;
  if (metric.startsWith('search')) return FLOOR_SEARCH;
  return FLOOR_PAGE;
}

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/data/inbox.db' },
    iterations: { type: 'string', default: '400' },
    user: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results/inbox.json' },
    // What a bigger SQLite page cache would give (SQL side only; the app keeps its default).
    'cache-mb': { type: 'string' },
  },
});
const ITERATIONS = Number(values.iterations);
const WARMUP = Math.max(20, Math.floor(ITERATIONS / 10));
const USER_ID = Number(values.user);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function time(
  run: () => unknown | Promise<unknown>,
): Promise<{ p50: number; p99: number; rows: number }> {
  let rows = 0;
  const count = (value: unknown) => {
    if (Array.isArray(value)) rows = value.length;
    else if (value && typeof value === 'object' && 'rows' in value) rows = Number(value.rows);
  };
  for (let i = 0; i < WARMUP; i += 1) count(await run());
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = process.hrtime.bigint();
    count(await run());
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), rows };
}

/** The operations measured, as (name, SQL-side call, HTTP path). */
function operations(deps: Deps, teamId: number, phone: string) {
  const inbox = new InboxQueries(deps, new ConversationService(deps).presenter);
  const counts = new InboxCounts(deps);
  const search = new SearchService(deps);
  const page = (view: string, status: 'open' | null, cursor: { at: string; id: number } | null) =>
    inbox.list({ view: parseView(view), status, cursor, limit: 50, userId: USER_ID }).conversations;
  const searched = (q: string) => {
    const found = search.find(q, 200);
    const rows = inbox.list({
      view: { kind: 'all' },
      status: null,
      cursor: null,
      limit: 50,
      userId: USER_ID,
      ids: found.ids,
    }).conversations;
    found.highlights(rows);
    return rows;
  };

  const deep = deps.db.sqlite
    .prepare<[], { last_message_at: string; id: number }>(
      `SELECT last_message_at, id FROM conversations
       ORDER BY last_message_at DESC, id DESC LIMIT 1 OFFSET 5000`,
    )
    .get();
  const cursor = deep ? { at: deep.last_message_at, id: deep.id } : null;
  const encoded = deep ? encodeCursor({ lastMessageAt: deep.last_message_at, id: deep.id }) : '';

  const views = ['all', 'mine', 'unassigned', 'participating', `team:${teamId}`];
  const list: Array<[string, () => unknown, string]> = [];
  for (const view of views) {
    list.push([`page ${view}`, () => page(view, null, null), `/api/conversations?view=${view}`]);
    list.push([
      `page ${view} open`,
      () => page(view, 'open', null),
      `/api/conversations?view=${view}&status=open`,
    ]);
  }
  list.push([
    'deep page (row 5000, keyset)',
    () => page('all', null, cursor),
    `/api/conversations?cursor=${encoded}`,
  ]);
  list.push(['counts', () => counts.forUser(USER_ID).views, '/api/conversations/counts']);
  const searches: Array<[string, string]> = [
    ['search rare word', RARE_WORD],
    ['search common word', COMMON_WORD],
    ['search two words', `${COMMON_WORD} deposit`],
    ['search name', 'Lopez'],
    ['search phone (typed form)', phone],
    ['search phone (last 4)', phone.slice(-4)],
  ];
  for (const [name, q] of searches) {
    list.push([name, () => searched(q), `/api/conversations?q=${encodeURIComponent(q)}`]);
  }
  return list;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function startServer(db: string, port: number, pin: boolean): Promise<ChildProcess> {
  const command = pin ? 'taskset' : process.execPath;
  const args = [
    ...(pin ? ['-c', '0', process.execPath] : []),
    '--import',
    'tsx',
    'server/index.ts',
  ];
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: db,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not start');
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function table(rows: Row[]): string {
  const lines = [
    '| metric | layer | p50 ms | p99 ms | rows | p50 × floor (http: × floor + own SQL) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : row.ratio.toFixed(1);
    lines.push(
      `| ${row.metric} | ${row.layer} | ${row.p50.toFixed(3)} | ${row.p99.toFixed(3)} ` +
        `| ${row.rows} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const pin = hasTaskset();
  if (pin) execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  const db = openDatabase(values.db);
  if (values['cache-mb']) db.sqlite.pragma(`cache_size = -${Number(values['cache-mb']) * 1024}`);
  const config = loadConfig({ DATABASE_PATH: values.db, LOG_LEVEL: 'silent' });
  const deps = {
    config,
    db,
    clock: systemClock,
    logger: createLogger({ level: 'silent' }),
  } as Deps;
  const sizes = db.sqlite
    .prepare<[], { conversations: number; messages: number; team: number }>(
      `SELECT (SELECT COUNT(*) FROM conversations) AS conversations,
         (SELECT COUNT(*) FROM messages) AS messages, (SELECT MIN(id) FROM teams) AS team`,
    )
    .get();
  const phone = db.sqlite
    .prepare<[], { phone: string }>('SELECT phone FROM conversations ORDER BY id DESC LIMIT 1')
    .get()?.phone;
  if (!sizes || !phone) throw new Error('the database is empty: run bench/data/generate.ts first');
  const typed = phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
  const ops = operations(deps, sizes.team, typed);

  const rows: Row[] = [];
  const floorRows: Row[] = [];
  for (const [metric, run] of floors(deps)) {
    floorRows.push({ metric, layer: 'sql', ...(await time(run)) });
  }
  const floorP50 = new Map(floorRows.map((row) => [row.metric, row.p50]));
  for (const [metric, run] of ops) {
    const timed = await time(run);
    const floor = floorOf(metric);
    rows.push({
      metric,
      layer: 'sql',
      ...timed,
      floor,
      ratio: timed.p50 / (floorP50.get(floor) ?? NaN),
    });
  }

  const port = await freePort();
  const server = await startServer(values.db, port, pin);
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, `bench${USER_ID}@example.edu`);
    const get = (path: string) => async () => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      const body = (await res.json()) as { conversations?: unknown[]; views?: unknown[] };
      return body.conversations ?? body.views ?? [body];
    };
    // The HTTP floor of this app: a signed-in GET that reads one row (session, user, JSON).
    const floor = await time(get('/api/me'));
    floorRows.push({ metric: FLOOR_HTTP, layer: 'http', ...floor });
    for (const [metric, , path] of ops) {
      const result = await time(get(path));
      const sql = rows.find((row) => row.layer === 'sql' && row.metric === metric);
      // HTTP p50 over (HTTP floor + this query's own SQL p50): what the web layer adds.
      const ratio = result.p50 / (floor.p50 + (sql?.p50 ?? 0));
      rows.push({ metric, layer: 'http', ...result, floor: FLOOR_HTTP, ratio });
    }
  } finally {
    server.kill('SIGTERM');
    db.close();
  }

  const cacheMb = values['cache-mb'] ? Number(values['cache-mb']) : null;
  // `rows` are the app's own operations (bench/run.ts reads them); `floors` this run's floors.
  const summary = {
    database: sizes,
    iterations: ITERATIONS,
    pinned: pin,
    cacheMb,
    floors: floorRows,
    rows,
  };
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(
    `Inbox on ${sizes.conversations} conversations / ${sizes.messages} messages ` +
      `(${ITERATIONS} runs each${pin ? ', server on core 0' : ''})\n\n` +
      `${table([...floorRows, ...rows])}\n`,
  );
}

await main();
