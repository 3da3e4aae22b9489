/**
 * Report timings on a generated database (bench/data/generate.ts), through the app's own
 * ReportsService in this process:
 *
 *   node_modules/.bin/tsx bench/scenarios/reports.ts --db bench/data/inbox.db [--iterations 5]
 *
 * Each report runs over the 30 and the 90 days ending at the newest message's day, after one
 * warm-up call. Prints p50 / max in milliseconds and writes bench/results/reports.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../../server/db/database.js';
import { ReportsService } from '../../server/features/reports/reports.service.js';
import type { Deps } from '../../server/context.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/data/inbox.db' },
    iterations: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results/reports.json' },
  },
});
const ITERATIONS = Math.max(1, Math.min(50, Number(values.iterations)));

interface Row {
  report: string;
  days: number;
  p50: number;
  max: number;
}

function time(run: () => unknown): { p50: number; max: number } {
  run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.ceil(samples.length / 2) - 1] ?? 0, max: samples.at(-1) ?? 0 };
}

function main(): void {
  const db = openDatabase(values.db);
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
  const lines = ['| report | days | p50 ms | max ms |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(`| ${row.report} | ${row.days} | ${row.p50.toFixed(1)} | ${row.max.toFixed(1)} |`);
  }
  process.stdout.write(
    `Reports on ${sizes?.conversations} conversations / ${sizes?.messages} messages, ` +
      `range ending ${to} (${ITERATIONS} runs each)\n\n${lines.join('\n')}\n`,
  );
}

main();
