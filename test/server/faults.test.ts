import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import BetterSqlite3 from 'better-sqlite3';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../server/db/database.js';
import { sessionIdOf } from '../../server/features/auth/session.js';
import { VonageProvider } from '../../server/features/sms/vonage-provider.js';
import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  SIGNATURE_SECRET,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import {
  startFakeVonage,
  type FakeVonage,
  type FakeVonageBehaviour,
} from '../helpers/fake-vonage.js';
import { signVonageWebhook } from '../helpers/vonage-signature.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const OFFICE = '+12025550123';
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * The real entry point, `server/index.ts`, as its own process (node with tsx's loader, so the
 * PID is the server's own and a SIGKILL really kills it) on 127.0.0.1 and a port of its own.
 */
async function startServer(dir: string, env: Record<string, string>): Promise<ServerProcess> {
  const portFile = join(dir, `port-${randomUUID()}`);
  const child = spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'server/index.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'),
      PORT: '0',
      HOST: '127.0.0.1',
      PORT_FILE: portFile,
      DATABASE_PATH: join(dir, 'switchboard.db'),
      PUBLIC_URL: 'http://127.0.0.1:3999',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });

  let gone = false;
  void exited.then(() => (gone = true));
  const until = Date.now() + 25_000;
  for (;;) {
    const port = existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : '';
    if (/^\d+$/.test(port)) {
      return { url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
    }
    if (gone || Date.now() > until) throw new Error(`server did not start:\n${output}`);
    await sleep(25);
  }
}

/** An office number, contacts and one signed-in counselor, written before the server starts. */
function seedDatabase(path: string, contactCount: number): { cookie: string; phones: string[] } {
  const db = openDatabase(path);
  const now = new Date().toISOString();
  const { sqlite } = db;
  sqlite
    .prepare('INSERT INTO office_numbers (e164, label, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(OFFICE, 'Admissions', now, now);
  const contact = sqlite.prepare(
    `INSERT INTO contacts (first_name, last_name, created_at, updated_at)
     VALUES (?, ?, ?, ?) RETURNING id`,
  );
  const phone = sqlite.prepare(
    'INSERT INTO contact_phones (contact_id, e164, mobile, position) VALUES (?, ?, 1, 0)',
  );
  const phones: string[] = [];
  for (let i = 0; i < contactCount; i++) {
    const e164 = `+1415555${String(1000 + i)}`;
    const row = contact.get(`Student${i}`, 'Burst', now, now) as { id: number };
    phone.run(row.id, e164);
    phones.push(e164);
  }
  const user = sqlite
    .prepare(
      `INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
       VALUES ('watcher@example.edu', 'Watcher', 'counselor', 'unused', ?, ?) RETURNING id`,
    )
    .get(now, now) as { id: number };
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  sqlite
    .prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(sessionIdOf(token), user.id, now, expires);
  db.close();
  return { cookie: `sb_session=${token}`, phones };
}

function carrierEnv(fake: FakeVonage): Record<string, string> {
  return {
    VONAGE_API_KEY: 'test-key',
    VONAGE_API_SECRET: 'test-secret',
    VONAGE_API_HOST: fake.url,
    VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
  };
}

interface SignedWebhook {
  id: string;
  raw: string;
  authorization: string;
}

function signedInbound(id: string, from: string, text: string): SignedWebhook {
  const raw = JSON.stringify(inboundBody({ message_uuid: id, from: from.slice(1), text }));
  return { id, raw, authorization: signVonageWebhook(raw, SIGNATURE_SECRET) };
}

interface DeliveryLog {
  /** Every answer (or `0` for a connection that failed), per webhook id. */
  answers: Map<string, number[]>;
}

/**
 * Posts each webhook the way Vonage does, and again after anything but a 200 — an error answer
 * or a broken connection — until it is accepted. `target` is read at every attempt, so a
 * restarted server on another port picks the retries up.
 */
async function deliverAll(
  hooks: SignedWebhook[],
  target: () => string,
  options: { concurrency: number; onAccepted?: (count: number) => void; deadlineMs?: number },
): Promise<DeliveryLog> {
  const answers = new Map<string, number[]>();
  const deadline = Date.now() + (options.deadlineMs ?? 45_000);
  let next = 0;
  let accepted = 0;

  const attempt = async (hook: SignedWebhook): Promise<number> => {
    try {
      const res = await fetch(`${target()}/webhooks/vonage/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: hook.authorization },
        body: hook.raw,
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  };

  const worker = async () => {
    while (next < hooks.length) {
      const hook = hooks[next++] as SignedWebhook;
      const seen: number[] = [];
      answers.set(hook.id, seen);
      for (;;) {
        const status = await attempt(hook);
        seen.push(status);
        if (status === 200) break;
        if (Date.now() > deadline) throw new Error(`webhook ${hook.id} never accepted`);
        await sleep(40);
      }
      options.onAccepted?.(++accepted);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { answers };
}

type Watcher = Socket & { seen: Array<{ event: string; seq: number; messageId?: number }> };

const LOGGED = new Set([
  'conversation:created',
  'conversation:updated',
  'conversation:joined',
  'conversation:assigned',
  'message:created',
  'message:updated',
  'contact:updated',
]);

/** A staff socket that keeps what it applied across reconnects, as the client does. */
function watch(url: string, cookie: string, seen: Watcher['seen'] = []): Watcher {
  const lastSeq = seen.length ? (seen[seen.length - 1] as { seq: number }).seq : undefined;
  const socket = connectSocket(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: lastSeq === undefined ? {} : { lastSeq },
    reconnection: false,
    forceNew: true,
  }) as Watcher;
  socket.seen = seen;
  socket.onAny((event: string, payload: { seq?: number; message?: { id: number } }) => {
    if (!LOGGED.has(event) || typeof payload?.seq !== 'number') return;
    seen.push({
      event,
      seq: payload.seq,
      ...(payload.message ? { messageId: payload.message.id } : {}),
    });
  });
  return socket;
}

function synced(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not sync')), 10_000);
    socket.once('sync:ready', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('server process killed during an inbound burst', () => {
  let dir: string;
  let fake: FakeVonage;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-faults-'));
    fake = await startFakeVonage();
  });

  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each of 500 retried webhooks once, each event once, across a SIGKILL', async () => {
    const dbPath = join(dir, 'switchboard.db');
    const { cookie, phones } = seedDatabase(dbPath, 40);
    const hooks = Array.from({ length: 500 }, (_, i) =>
      signedInbound(`burst-${i}`, phones[i % phones.length] as string, `burst text ${i}`),
    );

    let server = await startServer(dir, carrierEnv(fake));
    let url = server.url;
    const watcher = watch(url, cookie);
    await synced(watcher);

    let killed: Promise<void> | null = null;
    const log = await deliverAll(hooks, () => url, {
      concurrency: 16,
      onAccepted: (count) => {
        if (count !== 150) return;
        killed = (async () => {
          server.child.kill('SIGKILL');
          expect((await server.exited).signal).toBe('SIGKILL');
          server = await startServer(dir, carrierEnv(fake));
          url = server.url;
        })();
      },
    });
    await killed;

    const failed = [...log.answers.values()].filter((answers) => answers.length > 1).length;
    expect(failed).toBeGreaterThan(0);

    const again = watch(url, cookie, watcher.seen);
    await synced(again);
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      const stored = db
        .prepare(`SELECT carrier_id AS id, COUNT(*) AS n FROM messages GROUP BY carrier_id`)
        .all() as Array<{ id: string; n: number }>;
      expect(stored).toHaveLength(500);
      expect(stored.every((row) => row.n === 1)).toBe(true);
      expect(new Set(stored.map((row) => row.id))).toEqual(new Set(hooks.map((hook) => hook.id)));

      const perMessage = db
        .prepare(
          `SELECT m.id, (SELECT COUNT(*) FROM events e WHERE e.type = 'message:created'
             AND json_extract(e.payload, '$.message.id') = m.id) AS n FROM messages m`,
        )
        .all() as Array<{ id: number; n: number }>;
      expect(perMessage.filter((row) => row.n !== 1)).toEqual([]);
      const conversations = db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as {
        n: number;
      };
      const created = db
        .prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'conversation:created'`)
        .get() as { n: number };
      expect(created.n).toBe(conversations.n);

      // The socket saw the whole log, each event once and in order, across the restart.
      const logged = db.prepare('SELECT seq FROM events ORDER BY seq').all() as Array<{
        seq: number;
      }>;
      await waitFor(() => watcher.seen.length >= logged.length, 10_000);
      expect(watcher.seen.map((event) => event.seq)).toEqual(logged.map((row) => row.seq));
    } finally {
      db.close();
      watcher.disconnect();
      again.disconnect();
    }
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);
});

describe('outbox against a failing carrier', () => {
  let h: Harness;
  let fake: FakeVonage;
  let counselor: Staff;
  let conversationIds: number[];

  beforeEach(async () => {
    fake = await startFakeVonage();
    // A short carrier timeout, so a hung request is given up on within the test.
    const sms = new VonageProvider({ kind: 'basic', apiKey: 'k', apiSecret: 's' }, fake.url, 400);
    h = await startHarness({ fake, app: { sms } });
    const make = factories(h);
    const user = await make.user({ name: 'Dana Reyes' });
    make.number(OFFICE);
    conversationIds = [];
    for (let i = 0; i < 4; i++) {
      const phone = `+1415555${String(2000 + i)}`;
      make.contact({ firstName: `Student${i}`, phone });
      const res = await postWebhook(h, 'inbound', inboundBody({ from: phone.slice(1) }));
      expect(res.status).toBe(200);
    }
    counselor = await signIn(h, user.email);
    const list = await counselor.get('/api/conversations');
    conversationIds = list.body.conversations.map((c: { id: number }) => c.id);
  });

  afterEach(async () => {
    await h.close();
  });

  const send = async (conversationId: number, text: string) => {
    const res = await counselor.post(`/api/conversations/${conversationId}/messages`, { text });
    expect(res.status).toBe(201);
    return res.body.message.id as number;
  };

  const messageRow = (id: number) =>
    h.db.sqlite.prepare('SELECT status, error, error_code FROM messages WHERE id = ?').get(id) as {
      status: string;
      error: string | null;
      error_code: string | null;
    };

  /** Carrier acceptances (2xx with an id) per part, by the client_ref the outbox sends. */
  const acceptedByRef = () => {
    const counts = new Map<string, number>();
    for (const req of fake.requests) {
      if (!req.messageUuid) continue;
      const ref = (req.body as { client_ref?: string }).client_ref ?? '';
      counts.set(ref, (counts.get(ref) ?? 0) + 1);
    }
    return counts;
  };

  const deliverAccepted = async () => {
    for (const req of fake.requests.filter((r) => r.messageUuid)) {
      const res = await postWebhook(h, 'status', {
        message_uuid: req.messageUuid,
        to: '14155550100',
        from: OFFICE.slice(1),
        timestamp: new Date().toISOString(),
        status: 'delivered',
        channel: 'sms',
      });
      expect(res.status).toBe(200);
    }
  };

  it('retries a 429 and a 500 and sends the text once', async () => {
    fake.enqueue({ status: 429, retryAfter: 0 }, { status: 500 });
    const id = await send(conversationIds[0] as number, 'Your deposit is confirmed.');

    await waitFor(() => messageRow(id).status === 'submitted', 8_000);
    await deliverAccepted();

    expect(fake.requests.map((r) => ('status' in r.behaviour ? r.behaviour.status : 0))).toEqual([
      429, 500, 202,
    ]);
    expect(messageRow(id)).toMatchObject({ status: 'delivered', error: null });
    expect([...acceptedByRef().values()]).toEqual([1]);
  });

  it('retries a send that hangs past the timeout, and one whose connection drops', async () => {
    fake.enqueue({ hang: true }, { drop: true });
    const id = await send(conversationIds[0] as number, 'See you at orientation.');

    await waitFor(() => messageRow(id).status === 'submitted', 8_000);
    await deliverAccepted();

    expect(fake.requests).toHaveLength(3);
    expect(messageRow(id).status).toBe('delivered');
    expect([...acceptedByRef().values()]).toEqual([1]);
  });

  it('fails the text with a reason after the last attempt, and sends no more', async () => {
    fake.enqueue(...Array.from({ length: 4 }, () => ({ status: 500 })));
    const id = await send(conversationIds[0] as number, 'The office closes at five.');

    await waitFor(() => messageRow(id).status === 'failed', 8_000);
    await sleep(600);

    expect(fake.requests).toHaveLength(4);
    expect(messageRow(id)).toMatchObject({ error_code: '500' });
    expect(messageRow(id).error).toMatch(/gave up after 4 tries/);
  });

  it('fails at once with the carrier’s reason when it refuses the text for good', async () => {
    fake.enqueue({ status: 422 });
    const id = await send(conversationIds[0] as number, 'Welcome to campus!');

    await waitFor(() => messageRow(id).status === 'failed', 8_000);
    await sleep(300);

    expect(fake.requests).toHaveLength(1);
    expect(messageRow(id).error).toBeTruthy();
  });

  it('ends every text of a burst delivered or failed with a reason, none sent twice', async () => {
    const mix: FakeVonageBehaviour[] = [
      { status: 429, retryAfter: 0 },
      { status: 500 },
      { hang: true },
      { drop: true },
      { status: 503 },
      { status: 422 },
      { status: 202, delayMs: 50 },
    ];
    fake.enqueue(
      ...Array.from({ length: 30 }, (_, i) => mix[(i * 5) % mix.length] as FakeVonageBehaviour),
    );
    const ids: number[] = [];
    for (let i = 0; i < 16; i++) {
      ids.push(await send(conversationIds[i % conversationIds.length] as number, `Reminder ${i}`));
    }

    const final = (id: number) => ['submitted', 'failed'].includes(messageRow(id).status);
    await waitFor(() => ids.every(final), 15_000);
    await h.app.outbox.idle(10_000);
    await deliverAccepted();

    for (const id of ids) {
      const row = messageRow(id);
      expect(['delivered', 'failed']).toContain(row.status);
      if (row.status === 'failed') expect(row.error).toBeTruthy();
    }
    const accepted = acceptedByRef();
    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
    const delivered = ids.filter((id) => messageRow(id).status === 'delivered');
    expect(accepted.size).toBe(delivered.length);
  }, 30_000);
});

describe('webhooks during a long read and a backup', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    const make = factories(h);
    make.number(OFFICE);
    make.contact({ phone: '+14155550100' });
    // Enough history that the copy and the read take a while.
    const { sqlite } = h.db;
    const first = await postWebhook(h, 'inbound', inboundBody({ text: 'history' }));
    expect(first.status).toBe(200);
    sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
         INSERT INTO messages (conversation_id, direction, kind, text, status, segments, encoding,
           created_at, updated_at)
         SELECT m.conversation_id, 'inbound', 'sms', ? || n.i, 'received', 1, 'GSM-7',
           m.created_at, m.updated_at
         FROM n, (SELECT * FROM messages WHERE carrier_id IS NOT NULL) m`,
      )
      .run('an older text from the history of this thread, kept for the record #');
  });

  afterEach(async () => {
    await h.close();
  });

  it('accepts every webhook while a long read and npm run backup hold the file', async () => {
    const dbPath = h.config.databasePath;
    const hooks = Array.from({ length: 300 }, (_, i) =>
      signedInbound(`during-${i}`, '+14155550100', `during text ${i}`),
    );

    const reader = new BetterSqlite3(dbPath, { readonly: true });
    const longRead = (async () => {
      reader.exec('BEGIN');
      const rows = reader.prepare('SELECT id, text FROM messages ORDER BY id').iterate();
      let n = 0;
      for (const _row of rows) {
        if (++n % 2_000 === 0) await sleep(40);
      }
      reader.exec('COMMIT');
      return n;
    })();
    const backups = [join(h.dir, 'copy-1.db'), join(h.dir, 'copy-2.db')];
    const copying = (async () => {
      for (const target of backups) await runBackup(dbPath, target);
    })();

    const log = await deliverAll(hooks, () => h.url, { concurrency: 8 });
    const [read] = await Promise.all([longRead, copying]);
    reader.close();

    expect(read).toBeGreaterThan(40_000);
    const answers = [...log.answers.values()].flat();
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    const stored = h.db.sqlite
      .prepare(
        `SELECT COUNT(DISTINCT carrier_id) AS n, COUNT(*) AS m FROM messages
        WHERE carrier_id LIKE 'during-%'`,
      )
      .get() as { n: number; m: number };
    expect(stored).toEqual({ n: 300, m: 300 });

    for (const target of backups) {
      const copy = new BetterSqlite3(target, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        // A consistent snapshot: every text in the copy has its event, and the thread points
        // at its newest text.
        const orphans = copy
          .prepare(
            `SELECT COUNT(*) AS n FROM messages m WHERE m.carrier_id LIKE 'during-%' AND NOT EXISTS
               (SELECT 1 FROM events e WHERE e.type = 'message:created'
                 AND json_extract(e.payload, '$.message.id') = m.id)`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        const thread = copy
          .prepare(
            `SELECT last_message_id AS last,
               (SELECT MAX(id) FROM messages WHERE carrier_id IS NOT NULL) AS max
             FROM conversations`,
          )
          .get() as { last: number; max: number };
        expect(thread.last).toBe(thread.max);
      } finally {
        copy.close();
      }
    }
  }, 60_000);
});

function runBackup(dbPath: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, join(ROOT, 'server/scripts/backup.ts'), target],
      {
        cwd: dirname(dbPath),
        env: {
          PATH: process.env.PATH ?? '',
          TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'),
          DATABASE_PATH: dbPath,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0 && output.trim() === target) resolve();
      else reject(new Error(`backup exited ${code}: ${output}`));
    });
  });
}

describe('SIGTERM', () => {
  let dir: string;
  let fake: FakeVonage;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-term-'));
    fake = await startFakeVonage();
  });

  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the request in flight, closes the sockets and exits 0', async () => {
    const dbPath = join(dir, 'switchboard.db');
    const { cookie, phones } = seedDatabase(dbPath, 1);
    const server = await startServer(dir, carrierEnv(fake));
    const socket = watch(server.url, cookie);
    await synced(socket);
    const closed = new Promise<{ reason: string; code?: number }>((resolve) => {
      socket.io.engine.once('close', (reason: string, description: unknown) => {
        resolve({ reason, code: (description as { context?: { code?: number } })?.context?.code });
      });
    });

    // A webhook whose body is still arriving when the signal lands.
    const hook = signedInbound('term-1', phones[0] as string, 'sent while the server stops');
    const half = Math.floor(hook.raw.length / 2);
    const { port } = new URL(server.url);
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/webhooks/vonage/inbound',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(hook.raw),
            authorization: hook.authorization,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(hook.raw.slice(0, half));
      void closed.then(async () => {
        await sleep(100);
        req.end(hook.raw.slice(half));
      });
    });
    await sleep(100);
    server.child.kill('SIGTERM');

    const close = await closed;
    const refused = await fetch(`${server.url}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    expect(await answer).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // The websocket ended with a close frame (1005: no status given), not a torn connection.
    expect(close.reason).toBe('transport close');
    expect(close.code).not.toBe(1006);

    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      expect(
        db.prepare(`SELECT COUNT(*) AS n FROM messages WHERE carrier_id = 'term-1'`).get(),
      ).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    socket.disconnect();
  }, 30_000);
});
