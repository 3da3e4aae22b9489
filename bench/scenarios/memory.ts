/**
 * Memory: the real server's RSS on the big generated database, idle, then with `count` staff
 * sockets connected and the inbox, counts and search warmed by a few requests of each.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';

import { sessionIdOf } from '../../server/features/auth/session.js';
import { startFakeVonage } from '../../test/helpers/fake-vonage.js';
import { startApp } from '../lib/app.js';
import { connectWatchers } from '../lib/sockets.js';
import { round } from '../lib/stats.js';

export interface MemoryResult {
  idleMb: number;
  connectedMb: number;
  warmMb: number;
  heapMb: number;
  sockets: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Sessions for the generated staff, written straight to the table. */
function sessions(dbPath: string, count: number): string[] {
  const db = new BetterSqlite3(dbPath);
  const users = (db.prepare('SELECT id FROM users ORDER BY id').all() as Array<{ id: number }>).map(
    (u) => u.id,
  );
  const insert = db.prepare(
    'INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const cookies = db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const token = randomBytes(32).toString('base64url');
      insert.run(sessionIdOf(token), users[i % users.length], now, expires);
      return `sb_session=${token}`;
    }),
  )();
  db.close();
  return cookies;
}

export async function memoryScenario(
  dbPath: string,
  count: number,
  words: string[],
): Promise<MemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const fake = await startFakeVonage();
  const cookies = sessions(dbPath, count);
  const app = await startApp(dir, dbPath, fake, { LOG_LEVEL: 'warn' });
  const base = `http://127.0.0.1:${app.port}`;
  try {
    const idle = await app.read();
    const watchers = await connectWatchers({
      url: base,
      count,
      cookies,
      readyEvent: 'sync:ready',
      event: 'message:created',
      onEvent: () => {},
    });
    const connected = await app.read();
    const paths = [
      '/api/conversations',
      '/api/conversations?view=mine&status=open',
      '/api/conversations/counts',
      ...words.map((word) => `/api/conversations?q=${encodeURIComponent(word)}`),
    ];
    for (let i = 0; i < 20; i++) {
      for (const path of paths) {
        const res = await fetch(`${base}${path}`, {
          headers: { cookie: cookies[i % cookies.length] as string },
        });
        await res.arrayBuffer();
      }
    }
    const warm = await app.read();
    watchers.close();
    return {
      idleMb: mb(idle.rss),
      connectedMb: mb(connected.rss),
      warmMb: mb(warm.rss),
      heapMb: mb(warm.heapUsed),
      sockets: count,
    };
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
