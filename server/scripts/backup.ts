import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';

import { ConfigError, loadConfig } from '../lib/config.js';

/**
 * `npm run backup [-- <file>]`: a consistent copy of the live database, made with SQLite's
 * online backup API while the server keeps running and writing. The copy is written beside
 * its final name, checked, switched to a single-file journal and only then renamed, so a file
 * under the final name is always whole. Prints the copy's path.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { databasePath } = loadConfig({ DATABASE_PATH: process.env.DATABASE_PATH });
  const source = resolve(databasePath);
  if (!existsSync(source)) fail(`There is no database at ${source} (DATABASE_PATH).`);

  const target = resolve(process.argv[2] ?? defaultTarget(source));
  if (existsSync(target)) fail(`${target} exists already; choose another name.`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });

  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    // One step copies every page under one read snapshot. In small steps, a write by the
    // server's connection between two steps would restart the copy, again and again.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }

  const copy = new BetterSqlite3(partial);
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') fail(`The copy failed its integrity check: ${String(check)}`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  process.stdout.write(`${target}\n`);
}

function defaultTarget(source: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join(dirname(source), 'backups', `switchboard-${stamp}.db`);
}

function fail(message: string): never {
  process.stderr.write(`Backup failed. ${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  fail(error instanceof ConfigError ? error.message : String(error));
});
