/**
 * `npm run bench` (full: 2 s warm-up, 10 s measured, 3 repetitions, 100k-conversation databases
 * at 1M and 2M messages) and `npm run bench:smoke` (a small version, under a minute). Floors and
 * the app are measured in the same run; every target is a ratio to a floor (PERFORMANCE.md).
 *
 *   npm run bench -- --only floors,inbound   the named parts: floors, inbound, reply, reconnect,
 *                                            memory, inbox, reports (floors always run)
 *   npm run bench -- --skip inbox            everything but the named parts
 *
 * Prints one table per scenario and writes bench/results/latest.{json,md} (latest-smoke.* for a
 * smoke run, so it never replaces a full run's) and a timestamped copy.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import BetterSqlite3 from 'better-sqlite3';

import { COMMON_WORD, generate, RARE_WORD } from './data/generate.js';
import {
  broadcastFloor,
  connectAllFloor,
  httpFloor,
  sqlFloors,
  webhookFloor,
  type SqlFloors,
} from './floors/measure.js';
import { benchConfig, type BenchConfig } from './lib/config.js';
import { pinned, ROOT } from './lib/processes.js';
import { markdown, misses, type Table, type TargetRow } from './lib/report.js';
import { round } from './lib/stats.js';
import { buildTables, type Figures, type InboxFigures } from './lib/targets.js';
import { inboundScenario } from './scenarios/inbound.js';
import { memoryScenario } from './scenarios/memory.js';
import { reconnectScenario } from './scenarios/reconnect.js';
import { replyScenario } from './scenarios/reply.js';

const PARTS = ['floors', 'inbound', 'reply', 'reconnect', 'memory', 'inbox', 'reports'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string' },
  },
});

function selectedParts(): Set<Part> {
  const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()) : []);
  const only = list(values.only);
  const skip = new Set(list(values.skip));
  for (const name of [...only, ...skip]) {
    if (!PARTS.includes(name as Part))
      throw new Error(`unknown part ${name}; use ${PARTS.join(', ')}`);
  }
  const chosen = only.length ? only : [...PARTS];
  return new Set(['floors', ...chosen.filter((name) => !skip.has(name))] as Part[]);
}

function log(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

/** The generated database for one size, made once and kept under bench/results/db/. */
async function inboxDatabase(size: { conversations: number; messages: number }): Promise<string> {
  const path = join(ROOT, 'bench/results/db', `inbox-${size.conversations}-${size.messages}.db`);
  if (existsSync(path)) {
    const db = new BetterSqlite3(path, { readonly: true });
    const counts = db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM messages) AS m',
      )
      .get() as { c: number; m: number };
    db.close();
    if (counts.c === size.conversations && counts.m >= size.messages) return path;
  }
  mkdirSync(join(ROOT, 'bench/results/db'), { recursive: true });
  log(`generating ${size.conversations} conversations / ${size.messages} messages`);
  await generate({ ...size, out: path, seed: 42 });
  return path;
}

/** A team and a counselor of the generated data, for the view floors. */
function probeIds(path: string): { userId: number; teamId: number } {
  const db = new BetterSqlite3(path, { readonly: true });
  const team = db.prepare('SELECT MIN(id) AS id FROM teams').get() as { id: number };
  db.close();
  return { userId: 5, teamId: team.id };
}

/** The app's own inbox and search timings, from bench/scenarios/inbox.ts (issue #5). */
function inboxScenario(config: BenchConfig, db: string, out: string): InboxFigures['app'] {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/scenarios/inbox.ts',
      '--db',
      db,
      '--iterations',
      String(config.inboxIterations),
      '--out',
      out,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return (JSON.parse(readFileSync(out, 'utf8')) as { rows: InboxFigures['app'] }).rows;
}

/** Report timings over 30 and 90 days, from bench/scenarios/reports.ts. */
function reportsScenario(db: string, out: string): unknown {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/scenarios/reports.ts', '--db', db, '--out', out],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as unknown;
}

async function main(): Promise<void> {
  const config = benchConfig(values.smoke);
  const parts = selectedParts();
  const started = new Date();
  const pin = pinned();
  const machine = {
    cpus: cpus().length,
    node: process.version,
    pinned: pin,
    loadBefore: loadavg().map((n) => round(n, 2)),
  };
  log(
    `${config.smoke ? 'smoke' : 'full'} run: ${[...parts].join(', ')}; ` +
      `load ${machine.loadBefore.join(' ')}`,
  );
  const figures: Figures = {
    config,
    floors: { broadcast: {}, webhook: {}, http: [], connectAll: { times: [], rssMb: 0 }, sql: [] },
  };

  const needsDb =
    parts.has('inbox') || parts.has('memory') || parts.has('floors') || parts.has('reports');
  const databases = needsDb
    ? await Promise.all(config.inbox.map((size) => inboxDatabase(size)))
    : [];

  for (const clients of config.watchers) {
    log(`floor: broadcast to ${clients}`);
    figures.floors.broadcast[clients] = await broadcastFloor(config, clients);
  }
  log(`floor: connect ${config.storm} sockets at once`);
  figures.floors.connectAll = await connectAllFloor(config, config.storm);
  for (const clients of config.watchers) {
    log(`floor: webhook route broadcasting to ${clients}`);
    figures.floors.webhook[clients] = await webhookFloor(config, clients);
  }
  log('floor: empty express.json() POST');
  figures.floors.http = await httpFloor(config);
  for (const [index, path] of databases.entries()) {
    log(`floor: SQL on ${path.replace(ROOT, '')}`);
    const copy = `${path}.insert-floor`;
    copyFileSync(path, copy);
    try {
      const sql: SqlFloors = await sqlFloors(
        config,
        { path, copy, ...probeIds(path) },
        { rare: RARE_WORD, common: COMMON_WORD },
      );
      figures.floors.sql[index] = sql;
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    }
  }

  if (parts.has('inbound')) {
    figures.inbound = {};
    for (const clients of config.watchers) {
      log(`inbound: ${clients} staff sockets`);
      figures.inbound[clients] = await inboundScenario(config, clients);
    }
  }
  if (parts.has('reply')) {
    log(`reply: ${config.watchers[0]} other counselors`);
    figures.reply = await replyScenario(config, config.watchers[0] as number);
  }
  if (parts.has('reconnect')) {
    log(`reconnect storm: ${config.storm} sockets`);
    figures.reconnect = await reconnectScenario(config);
  }
  if (parts.has('memory') && databases.length) {
    log(`memory: ${config.storm} sockets on the largest database`);
    figures.memory = await memoryScenario(databases[databases.length - 1] as string, config.storm, [
      RARE_WORD,
      COMMON_WORD,
    ]);
  }
  if (parts.has('inbox')) {
    figures.inbox = databases.map((path, index) => {
      log(`inbox: the app on ${path.replace(ROOT, '')}`);
      const size = config.inbox[index] as { conversations: number; messages: number };
      return {
        size,
        app: inboxScenario(
          config,
          path,
          join(ROOT, 'bench/results', `inbox-${size.messages}.json`),
        ),
      };
    });
  }

  const reports = parts.has('reports')
    ? databases.map((path, index) => {
        log(`reports: on ${path.replace(ROOT, '')}`);
        const size = config.inbox[index] as { messages: number };
        return reportsScenario(path, join(ROOT, 'bench/results', `reports-${size.messages}.json`));
      })
    : undefined;

  const tables: Table[] = buildTables(
    figures,
    config.smoke ? 'npm run bench:smoke' : 'npm run bench',
  );
  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    smoke: config.smoke,
    machine: { ...machine, loadAfter: loadavg().map((n) => round(n, 2)) },
    figures,
    reports,
    tables,
    misses: misses(tables),
  };
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const text = markdown(tables);
  writeFileSync(join(dir, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const latest = config.smoke ? 'latest-smoke' : 'latest';
  writeFileSync(join(dir, `${latest}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, `${latest}.md`), text);
  process.stdout.write(`${text}\n`);
  const missed = report.misses;
  process.stdout.write(
    missed.length
      ? `Missed targets:\n${missed.map((m) => `- ${m.table}: ${missLine(m.row)}`).join('\n')}\n`
      : 'Every target met.\n',
  );
  process.stdout.write(
    `Load average before ${machine.loadBefore.join(' ')}, ` +
      `after ${report.machine.loadAfter.join(' ')}\n`,
  );
}

function missLine(row: TargetRow): string {
  return `${row.metric} ${row.value} (${row.target})`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
