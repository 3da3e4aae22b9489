import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';

import { openDatabase } from '../../server/db/database.js';
import { sessionIdOf } from '../../server/features/auth/session.js';
import type { FakeVonage } from '../../test/helpers/fake-vonage.js';
import { signVonageWebhook } from '../../test/helpers/vonage-signature.js';
import { startProcess, type BenchProcess } from './processes.js';

export const SIGNATURE_SECRET = 'bench-signature-secret-0123456789';
export const OFFICE = '+12025550123';

export interface SeededApp {
  dbPath: string;
  /** One session cookie per staff member, in user order. */
  cookies: string[];
  /** The students' numbers; conversation i belongs to phones[i]. */
  phones: string[];
  conversationIds: number[];
}

/**
 * A fresh app database for the live-path scenarios: staff with sessions (written straight to
 * the table: no password hashing), an office number, and one open thread per student.
 */
export function seedApp(dir: string, options: { staff: number; students: number }): SeededApp {
  const dbPath = join(dir, 'switchboard.db');
  openDatabase(dbPath).close();
  const sqlite = new BetterSqlite3(dbPath);
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const cookies: string[] = [];
  const phones: string[] = [];
  const conversationIds: number[] = [];

  sqlite.transaction(() => {
    const number = sqlite
      .prepare(
        `INSERT INTO office_numbers (e164, label, created_at, updated_at)
         VALUES (?, ?, ?, ?) RETURNING id`,
      )
      .get(OFFICE, 'Admissions', now, now) as { id: number };
    const user = sqlite.prepare(
      `INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, 'counselor', 'unused', ?, ?) RETURNING id`,
    );
    const session = sqlite.prepare(
      'INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    for (let i = 0; i < options.staff; i++) {
      const row = user.get(`staff${i}@example.edu`, `Staff ${i}`, now, now) as { id: number };
      const token = randomBytes(32).toString('base64url');
      session.run(sessionIdOf(token), row.id, now, expires);
      cookies.push(`sb_session=${token}`);
    }
    const contact = sqlite.prepare(
      `INSERT INTO contacts (first_name, last_name, created_at, updated_at)
       VALUES (?, ?, ?, ?) RETURNING id`,
    );
    const phone = sqlite.prepare(
      'INSERT INTO contact_phones (contact_id, e164, mobile, position) VALUES (?, ?, 1, 0)',
    );
    const thread = sqlite.prepare(
      `INSERT INTO conversations (name, status, contact_id, phone, number_id, last_message_at,
         created_at, updated_at) VALUES (?, 'open', ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    for (let i = 0; i < options.students; i++) {
      const e164 = `+1415${String(2000000 + i)}`;
      const row = contact.get(`Student${i}`, 'Bench', now, now) as { id: number };
      phone.run(row.id, e164);
      const created = thread.get(`Student${i} Bench`, row.id, e164, number.id, now, now, now) as {
        id: number;
      };
      phones.push(e164);
      conversationIds.push(created.id);
    }
  })();
  sqlite.close();
  return { dbPath, cookies, phones, conversationIds };
}

/** The real server (`server/index.ts`) on core 0: the probe, signed webhooks, a fake Vonage. */
export function startApp(
  dir: string,
  dbPath: string,
  fake: FakeVonage,
  env: Record<string, string> = {},
): Promise<BenchProcess> {
  const portFile = join(dir, `port-${randomBytes(4).toString('hex')}`);
  return startProcess('server/index.ts', {
    probe: true,
    portFile,
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      PORT_FILE: portFile,
      DATABASE_PATH: dbPath,
      PUBLIC_URL: 'http://127.0.0.1:3999',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      VONAGE_API_KEY: 'bench-key',
      VONAGE_API_SECRET: 'bench-secret',
      VONAGE_API_HOST: fake.url,
      VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
      ...env,
    },
  });
}

/** A Messages API inbound body for `key`, from a student to the office, and its signature. */
export function signedInbound(key: string, from: string): { raw: string; authorization: string } {
  const raw = JSON.stringify({
    channel: 'sms',
    message_uuid: `bench-${key}`,
    to: OFFICE.slice(1),
    from: from.slice(1),
    timestamp: new Date().toISOString(),
    message_type: 'text',
    text: `bench ${key} Hi, is the deposit deadline still May 1? The portal says pending.`,
    sms: { num_messages: '1', total_count: '1' },
  });
  return { raw, authorization: signVonageWebhook(raw, SIGNATURE_SECRET) };
}

/** The key of a `bench <key> …` text. */
export function keyOfText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const space = text.indexOf(' ', 6);
  return text.startsWith('bench ') || text.startsWith('reply ') ? text.slice(6, space) : undefined;
}
