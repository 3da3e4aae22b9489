/**
 * Report timings on a generated database (bench/data/generate.ts), through the app's own
 * ReportsService in this process:
 *
 *   node_modules/.bin/tsx bench/scenarios/reports.ts --db bench/data/inbox.db [--iterations 20]
 *
 * Each report runs over the 30 and the 90 days ending at the newest message's day, after one
 * warm-up call. Prints p50 / p99 / max in milliseconds and writes bench/results/reports.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../../server/db/database.js';
import { ensureReplyWaits } from '../../server/features/reports/reply-waits.rebuild.js';
import { ReportsService } from '../../server/features/reports/reports.service.js';
import type { Deps } from '../../server/context.js';
import { systemClock } from '../../server/lib/clock.js';
import { createLogger } from '../../server/lib/logger.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/data/inbox.db' },
    iterations: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/results/reports.json' },
  },
});
const ITERATIONS = Math.max(1, Math.min(200, Number(values.iterations)));

interface Row {
  report: string;
  days: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest rank of the ascending samples. */
const rank = (sorted: number[], p: number) =>
  sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? 0;

function time(run: () => unknown): { p50: number; p99: number; max: number } {
  run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: rank(samples, 50), p99: rank(samples, 99), max: samples.at(-1) ?? 0 };
}

function main(): void {
  const db = openDatabase(values.db);
  // A database generated before the waits existed gets them now, as the app would at start-up.
  const built = ensureReplyWaits({
    db,
    clock: systemClock,
    logger: createLogger({ level: 'warn' }),
  });
  if (built) process.stdout.write(`Built ${built.waits} report waits in ${built.ms} ms\n`);
  const newest = db.sqlite
    .prepare<[], { at: string | null }>('SELECT MAX(created_at) AS at FROM messages')
    .get()?.at;
  if (!newest) throw new Error('the database is empty: run bench/data/generate.ts first');
  const clock = { now: () => new Date(newest) };
  const service = new ReportsService({ db, clock } as unknown as Deps);
  const to = service.today();

  const rows: Row[] = [];
  for (const days of [30, 90]) {
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const range = { from, to };
    rows.push({ report: 'volume', days, ...time(() => service.volume(range)) });
    rows.push({ report: 'response-times', days, ...time(() => service.responseTimes(range)) });
    rows.push({ report: 'open-age', days, ...time(() => service.openAge()) });
    rows.push({ report: 'opt-outs', days, ...time(() => service.optOuts(range)) });
  }
  const sizes = db.sqlite
    .prepare<[], { conversations: number; messages: number }>(
      `SELECT (SELECT COUNT(*) FROM conversations) AS conversations,
         (SELECT COUNT(*) FROM messages) AS messages`,
    )
    .get();
  db.close();

  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ database: sizes, to, rows }, null, 2)}\n`);
  const lines = ['| report | days | p50 ms | p99 ms | max ms |', '| --- | --- | --- | --- | --- |'];
  for (const { report, days, p50, p99, max } of rows) {
    const ms = [p50, p99, max].map((value) => value.toFixed(1)).join(' | ');
    lines.push(`| ${report} | ${days} | ${ms} |`);
  }
  process.stdout.write(
    `Reports on ${sizes?.conversations} conversations / ${sizes?.messages} messages, ` +
      `range ending ${to} (${ITERATIONS} runs each)\n\n${lines.join('\n')}\n`,
  );
}

main();
