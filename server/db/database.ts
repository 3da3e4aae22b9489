import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

import * as schema from './schema.js';

export type Orm = BetterSQLite3Database<typeof schema>;

/** The open database: the raw driver for hot prepared statements, and Drizzle over it. */
export interface Database {
  sqlite: BetterSqlite3.Database;
  orm: Orm;
  close(): void;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas the design relies on — WAL,
 * synchronous NORMAL, foreign keys, a busy timeout — and applies pending migrations.
 */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MiB of page cache: the inbox indexes of a large office stay in memory.
  sqlite.pragma('cache_size = -32768');

  const orm = drizzle(sqlite, { schema });
  migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });

  return { sqlite, orm, close: () => sqlite.close() };
}
