import BetterSqlite3 from 'better-sqlite3';
import { rebuildReplyWaits } from './server/features/reports/reply-waits.rebuild.js';
const db = new BetterSqlite3('/tmp/h8/bench-2m.db');
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('cache_size = -32768'); db.pragma('foreign_keys = ON');
const before = db.prepare('SELECT * FROM reply_waits ORDER BY message_id').all();
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  console.log(rebuildReplyWaits(db, new Date('2025-12-31T00:00:00Z')), Math.round(performance.now() - t), 'ms');
}
const after = db.prepare('SELECT * FROM reply_waits ORDER BY message_id').all();
console.log('same:', JSON.stringify(before) === JSON.stringify(after));
db.close();
