/**
 * Builds a deterministic inbox database for benchmarks, through the app's own migrations:
 *
 *   node_modules/.bin/tsx bench/data/generate.ts --conversations 100000 --messages 1000000 \
 *     --out bench/data/inbox-100k.db [--seed 42]
 *
 * Staff (password `bench password`), teams, office numbers, contacts with one or two phones,
 * conversations with participants, assignees (user, team or none) and read marks, and messages
 * in time order (so message ids grow with time, as in production). The FTS5 triggers index
 * everything as it is inserted. Two words are planted for the search benchmarks: `deadline` in
 * about one message in ten, `quokka` in about one in 50,000.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

import type { Database as Sqlite } from 'better-sqlite3';

import { openDatabase } from '../../server/db/database.js';
import { hashPassword } from '../../server/features/auth/password.js';
import { rebuildReplyWaits } from '../../server/features/reports/reply-waits.rebuild.js';

export const BENCH_PASSWORD = 'bench password';
export const COMMON_WORD = 'deadline';
export const RARE_WORD = 'quokka';

const USERS = 20;
const TEAMS = ['Admissions', 'Financial aid', 'Housing', 'Registrar'];
const NUMBERS = ['+12025550123', '+12025550124', '+12025550125'];
const FIRST = ['Maya', 'Liam', 'Ana', 'Noah', 'Zoe', 'Omar', 'Ivy', 'Leo', 'Mia', 'Ravi', 'Sofía',
  'Chen', 'Aisha', 'Jonas', 'Lucía', 'Kofi', 'Emma', 'Yuki', 'Diego', 'Nora'];
const LAST = ['Lopez', 'Smith', 'Nguyen', 'Garcia', 'Kim', 'Patel', 'Brown', 'Okafor', 'Rossi',
  'Müller', 'Cohen', 'Silva', 'Haddad', 'Ivanova', 'Tanaka', 'Jensen', 'Novak', 'Dubois'];
const AREAS = ['415', '617', '202', '312', '646', '213', '305', '512'];
const WORDS = ('the a to is i my for and of you can when what do it on in about form portal ' +
  'deposit orientation housing aid transcript visit tour campus fee application status ' +
  'scholarship question thanks hello please help need still yet sent submitted yesterday ' +
  'today tomorrow week class schedule advisor email number call back check missing pending ' +
  'approved room meal plan parking id card login password reset essay letter recommendation')
  .split(' ');
const SPAN_MS = 2 * 365 * 86_400_000;

/** mulberry32: small, fast and the same everywhere for a seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Args {
  conversations: number;
  messages: number;
  out: string;
  seed: number;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '100000' },
      messages: { type: 'string', default: '1000000' },
      out: { type: 'string', default: 'bench/data/inbox.db' },
      seed: { type: 'string', default: '42' },
    },
  });
  return {
    conversations: Number(values.conversations),
    messages: Number(values.messages),
    out: values.out,
    seed: Number(values.seed),
  };
}

interface Thread {
  contact: number;
  phone: string;
  number: number;
  createdAt: number;
  assignee: { key: string; user: number | null; team: number | null };
  open: boolean;
}

interface Message {
  thread: number;
  at: number;
  inbound: boolean;
}

/** Generates the database; returns what it wrote. */
export async function generate(
  args: Args,
): Promise<{ conversations: number; messages: number; waitsMs: number }> {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(args.out + suffix)) rmSync(args.out + suffix);
  }
  const db = openDatabase(args.out);
  const { sqlite } = db;
  sqlite.pragma('synchronous = OFF');
  const rand = random(args.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const base = Date.parse('2024-01-01T00:00:00.000Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const hash = await hashPassword(BENCH_PASSWORD);

  const staff = sqlite.transaction(() => seedStaff(sqlite, hash, iso(base), rand));
  const { teamIds } = staff();
  const threads = planThreads(args.conversations, teamIds, base, rand, pick);
  const messages = planMessages(threads, args.messages, base, rand);
  sqlite.transaction(() => writeContactsAndThreads(sqlite, threads, iso, pick))();
  writeMessages(sqlite, threads, messages, iso, rand, pick);
  sqlite.transaction(() => writeReadsAndParticipants(sqlite, threads, rand))();
  // The texts went in around the services: the report waits are built from them, as an old
  // database's are at start-up.
  const rebuilding = process.hrtime.bigint();
  rebuildReplyWaits(sqlite, new Date(base + SPAN_MS));
  const waitsMs = Number(process.hrtime.bigint() - rebuilding) / 1e6;

  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { conversations: threads.length, messages: messages.length, waitsMs };
}

function seedStaff(sqlite: Sqlite, hash: string, at: string, rand: () => number) {
  const user = sqlite.prepare(
    `INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 1; i <= USERS; i += 1) {
    const role = i === 1 ? 'admin' : i <= 3 ? 'supervisor' : 'counselor';
    user.run(`bench${i}@example.edu`, `Bench User ${i}`, role, hash, at, at);
  }
  const teamIds: number[] = [];
  for (const name of TEAMS) {
    const row = sqlite
      .prepare('INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id')
      .get(name, at, at) as { id: number };
    teamIds.push(row.id);
    for (let u = 1; u <= USERS; u += 1) {
      if (u === 1 || rand() < 0.3) {
        sqlite.prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)').run(row.id, u);
      }
    }
  }
  NUMBERS.forEach((e164, index) => {
    sqlite
      .prepare(
        'INSERT INTO office_numbers (e164, label, created_at, updated_at) VALUES (?, ?, ?, ?)',
      )
      .run(e164, `Office ${index + 1}`, at, at);
  });
  return { teamIds };
}

function planThreads(
  count: number,
  teamIds: number[],
  base: number,
  rand: () => number,
  pick: <T>(list: readonly T[]) => T,
): Thread[] {
  const threads: Thread[] = [];
  let contact = 0;
  for (let i = 0; i < count; i += 1) {
    // One contact in ten has a second thread, with another office number.
    const second = i > 0 && rand() < 0.1 && (threads[i - 1]?.number ?? 0) < NUMBERS.length;
    if (!second) contact += 1;
    const previous = threads[i - 1];
    const phone = second && previous ? previous.phone : phoneFor(contact, pick);
    const number = second && previous ? previous.number + 1 : 1;
    const roll = rand();
    const user = 1 + Math.floor(rand() * USERS);
    const team = pick(teamIds);
    const assignee =
      roll < 0.4
        ? { key: '', user: null, team: null }
        : roll < 0.8
          ? { key: `u:${user}`, user, team: null }
          : { key: `t:${team}`, user: null, team };
    const createdAt = base + Math.floor((i / count) * SPAN_MS);
    threads.push({ contact, phone, number, createdAt, assignee, open: rand() < 0.15 });
  }
  return threads;
}

function phoneFor(contact: number, pick: <T>(list: readonly T[]) => T): string {
  const exchange = 200 + (Math.floor(contact / 10_000) % 800);
  return `+1${pick(AREAS)}${exchange}${String(contact % 10_000).padStart(4, '0')}`;
}

/** Every message of every thread, in time order: their ids will be 1..M in that order. */
function planMessages(threads: Thread[], total: number, base: number, rand: () => number) {
  const weights = threads.map(() => 0.2 + rand() * 1.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left -= 1) {
    counts[i] = (counts[i] ?? 0) + 1;
  }

  const messages: Message[] = [];
  const end = base + SPAN_MS;
  threads.forEach((thread, index) => {
    let at = thread.createdAt;
    for (let k = 0; k < (counts[index] ?? 0); k += 1) {
      messages.push({ thread: index, at, inbound: k === 0 ? rand() < 0.7 : rand() < 0.5 });
      at = Math.min(end, at + Math.floor(rand() * 3 * 86_400_000));
    }
  });
  return messages.sort((a, b) => a.at - b.at || a.thread - b.thread);
}

function writeContactsAndThreads(
  sqlite: Sqlite,
  threads: Thread[],
  iso: (ms: number) => string,
  pick: <T>(list: readonly T[]) => T,
) {
  const contact = sqlite.prepare(
    `INSERT INTO contacts (id, first_name, last_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const phone = sqlite.prepare(
    'INSERT INTO contact_phones (contact_id, e164, mobile, position) VALUES (?, ?, 1, 0)',
  );
  const thread = sqlite.prepare(
    `INSERT INTO conversations (id, name, status, contact_id, phone, number_id, assignee_user_id,
       assignee_team_id, assignee_key, last_message_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let lastContact = 0;
  threads.forEach((t, index) => {
    const at = iso(t.createdAt);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    if (t.contact !== lastContact) {
      const [first, last] = name.split(' ');
      contact.run(t.contact, first, last, at, at);
      phone.run(t.contact, t.phone);
      lastContact = t.contact;
    }
    const status = t.open ? 'open' : 'closed';
    const a = t.assignee;
    thread.run(index + 1, `${name} — ${t.number === 1 ? 'question' : 'follow-up'}`, status,
      t.contact, t.phone, t.number, a.user, a.team, a.key, at, at, at);
  });
}

function textFor(rand: () => number, pick: <T>(list: readonly T[]) => T): string {
  const length = 4 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) {
    // Squaring skews the pick towards the list's start: a few very common words, a long tail.
    words.push(WORDS[Math.floor(rand() * rand() * WORDS.length)] as string);
  }
  if (rand() < 0.1) words.splice(Math.floor(rand() * words.length), 0, COMMON_WORD);
  if (rand() < 0.00002) words.splice(Math.floor(rand() * words.length), 0, RARE_WORD);
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + pick(['.', '?', '!', '']);
}

function writeMessages(
  sqlite: Sqlite,
  threads: Thread[],
  messages: Message[],
  iso: (ms: number) => string,
  rand: () => number,
  pick: <T>(list: readonly T[]) => T,
) {
  const insert = sqlite.prepare(
    `INSERT INTO messages (id, conversation_id, direction, kind, text, status, segments, encoding,
       author_id, created_at, updated_at)
     VALUES (?, ?, ?, 'sms', ?, ?, 1, 'GSM-7', ?, ?, ?)`,
  );
  const touch = sqlite.prepare(
    `UPDATE conversations SET last_message_at = ?, last_message_id = ?, last_message_preview = ?,
       last_message_direction = ?, updated_at = ?,
       last_inbound_message_id = COALESCE(?, last_inbound_message_id)
     WHERE id = ?`,
  );
  const last = new Map<number, { id: number; at: number; text: string; inbound: boolean }>();
  const inboundLast = new Map<number, number>();
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const m = messages[i] as Message;
      const id = i + 1;
      const text = textFor(rand, pick);
      const author = m.inbound ? null : (threads[m.thread]?.assignee.user ?? 1 + (id % USERS));
      const at = iso(m.at);
      insert.run(id, m.thread + 1, m.inbound ? 'inbound' : 'outbound', text,
        m.inbound ? 'received' : 'delivered', author, at, at);
      last.set(m.thread, { id, at: m.at, text, inbound: m.inbound });
      if (m.inbound) inboundLast.set(m.thread, id);
    }
  });
  for (let from = 0; from < messages.length; from += 50_000) {
    batch(from, Math.min(messages.length, from + 50_000));
  }
  sqlite.transaction(() => {
    for (const [thread, m] of last) {
      const at = iso(m.at);
      touch.run(at, m.id, m.text.slice(0, 140), m.inbound ? 'inbound' : 'outbound', at,
        inboundLast.get(thread) ?? null, thread + 1);
    }
  })();
}

function writeReadsAndParticipants(
  sqlite: Sqlite,
  threads: Thread[],
  rand: () => number,
) {
  const participant = sqlite.prepare(
    `INSERT INTO participants (conversation_id, user_id, created_at)
     SELECT id, ?, created_at FROM conversations WHERE id = ? ON CONFLICT DO NOTHING`,
  );
  const read = sqlite.prepare(
    `INSERT INTO conversation_reads (user_id, conversation_id, last_read_message_id)
     SELECT ?, id, last_message_id FROM conversations
     WHERE id = ? AND last_message_id IS NOT NULL ON CONFLICT DO NOTHING`,
  );
  threads.forEach((t, index) => {
    const id = index + 1;
    const people = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < people; k += 1) {
      const first = k === 0 && t.assignee.user !== null;
      const user = first ? (t.assignee.user as number) : 1 + Math.floor(rand() * USERS);
      participant.run(user, id);
      // Most people have read most of their threads; the open ones are the ones left unread.
      if (!t.open || rand() < 0.5) read.run(user, id);
    }
  });
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'));
if (isMain) {
  const args = readArgs();
  const started = process.hrtime.bigint();
  const written = await generate(args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${args.out}: ${written.conversations} conversations, ${written.messages} messages ` +
      `in ${seconds.toFixed(1)} s (report waits rebuilt in ${written.waitsMs.toFixed(0)} ms)\n`,
  );
}
