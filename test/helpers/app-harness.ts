import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { io as connectSocket, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, ServerToClientEvents } from '@shared/events.js';

import { createApp, type App, type AppOptions } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { hashPassword } from '../../server/features/auth/password.js';
import { LoginLimiter } from '../../server/features/auth/login-limiter.js';
import { loadConfig, type Config } from '../../server/lib/config.js';
import { createLogger } from '../../server/lib/logger.js';
import { startFakeVonage, type FakeVonage } from './fake-vonage.js';
import { signVonageWebhook } from './vonage-signature.js';

export const SIGNATURE_SECRET = 'test-signature-secret-0123456789';
export const PASSWORD = 'correct horse battery';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let passwordHash: Promise<string> | null = null;
/** Hashing is slow on purpose; factories share one hash of PASSWORD. */
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

export interface HarnessOptions {
  /** Use the fake Vonage server (default) or the built-in simulator. */
  carrier?: 'fake-vonage' | 'simulator';
  signed?: boolean;
  env?: Record<string, string>;
  dir?: string;
  fake?: FakeVonage;
  app?: Partial<AppOptions>;
}

export interface Harness {
  app: App;
  db: Database;
  url: string;
  dir: string;
  fake: FakeVonage | null;
  config: Config;
  close(options?: { keepFiles?: boolean; keepFake?: boolean }): Promise<void>;
}

/** Starts the real app on port 0 with a fresh SQLite file (or the one in `dir`). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const carrier = options.carrier ?? 'fake-vonage';
  const fake = carrier === 'fake-vonage' ? (options.fake ?? (await startFakeVonage())) : null;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const env: Record<string, string> = {
    DATABASE_PATH: join(dir, 'switchboard.db'),
    PUBLIC_URL: 'http://127.0.0.1:3999',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(fake
      ? {
          VONAGE_APPLICATION_ID: '00000000-0000-4000-8000-000000000001',
          VONAGE_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          VONAGE_API_HOST: fake.url,
        }
      : {}),
    ...(options.signed !== false && fake ? { VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const db = openDatabase(config.databasePath);
  const app = await createApp({
    config,
    db,
    logger: createLogger({ level: config.logLevel }),
    outbox: { baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 4 },
    loginLimiter: new LoginLimiter(1000),
    announce: () => {},
    // A helper building the client elsewhere (`vite build --outDir …`) points tests at it here.
    ...(process.env.TEST_CLIENT_DIR ? { clientDir: process.env.TEST_CLIENT_DIR } : {}),
    ...options.app,
  });
  const port = await app.listen(0, '127.0.0.1');

  return {
    app,
    db,
    url: `http://127.0.0.1:${port}`,
    dir,
    fake,
    config,
    close: async ({ keepFiles = false, keepFake = false } = {}) => {
      await app.close();
      db.close();
      if (fake && !keepFake) await fake.close();
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Factories: rows written straight to the database, as a fresh test needs them. */
export function factories(h: Harness) {
  const now = () => new Date().toISOString();
  const { sqlite } = h.db;
  return {
    async user(
      fields: { name?: string; email?: string; role?: 'admin' | 'supervisor' | 'counselor' } = {},
    ) {
      const name = fields.name ?? `User ${Math.random().toString(36).slice(2, 7)}`;
      const email = fields.email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@example.edu`;
      const row = sqlite
        .prepare(
          `INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(email, name, fields.role ?? 'counselor', await sharedHash(), now(), now()) as {
        id: number;
      };
      return { id: row.id, name, email };
    },
    number(e164 = '+12025550123', label = 'Admissions') {
      const row = sqlite
        .prepare(
          `INSERT INTO office_numbers (e164, label, created_at, updated_at) VALUES (?, ?, ?, ?)
           RETURNING id`,
        )
        .get(e164, label, now(), now()) as { id: number };
      return { id: row.id, e164, label };
    },
    contact(
      fields: { firstName?: string; lastName?: string; phone?: string; mobile?: boolean } = {},
    ) {
      const row = sqlite
        .prepare(
          `INSERT INTO contacts (first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?)
           RETURNING id`,
        )
        .get(fields.firstName ?? 'Maya', fields.lastName ?? 'Lopez', now(), now()) as {
        id: number;
      };
      const phone = fields.phone ?? '+14155550100';
      sqlite
        .prepare(
          'INSERT INTO contact_phones (contact_id, e164, mobile, position) VALUES (?, ?, ?, 0)',
        )
        .run(row.id, phone, fields.mobile === false ? 0 : 1);
      return { id: row.id, phone };
    },
  };
}

/** A signed-in staff member: fetch helpers with their cookie. */
export interface Staff {
  cookie: string;
  get<T = any>(path: string): Promise<{ status: number; body: T }>;
  post<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  patch<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  put<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function signIn(h: Harness, email: string, password = PASSWORD): Promise<Staff> {
  const res = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return staffWith(h, cookie);
}

export function staffWith(h: Harness, cookie: string): Staff {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${h.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    cookie,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
  };
}

/** A real socket.io-client connection with the staff member's cookie. */
export function connect(
  h: Harness,
  cookie: string | null,
  auth: { lastSeq?: number } = {},
): ClientSocket {
  return connectSocket(h.url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    auth,
    reconnection: false,
    forceNew: true,
  });
}

export function connected(socket: ClientSocket, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect')), timeoutMs);
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

/** Collects every payload of one event on a socket. */
export function record<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E) {
  const seen: Array<Parameters<ServerToClientEvents[E]>[0]> = [];
  socket.on(event as any, (payload: any) => seen.push(payload));
  return seen;
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function fixture(name: string): string {
  // Copies of the team's reference bodies (../shared/fixtures/vonage), kept with the tests.
  return readFileSync(new URL(`../fixtures/vonage/${name}`, import.meta.url), 'utf8');
}

/** Posts a webhook body the way Vonage does: raw JSON, signed unless told otherwise. */
export async function postWebhook(
  h: Harness,
  path: 'inbound' | 'status',
  body: string | object,
  options: { sign?: boolean; authorization?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const authorization =
    options.authorization ??
    (options.sign === false ? undefined : signVonageWebhook(raw, SIGNATURE_SECRET));
  if (authorization) headers.authorization = authorization;
  const res = await fetch(`${h.url}/webhooks/vonage/${path}`, {
    method: 'POST',
    headers,
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export function inboundBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'sms',
    message_uuid: `uuid-${Math.random().toString(36).slice(2)}`,
    to: '12025550123',
    from: '14155550100',
    timestamp: new Date().toISOString(),
    message_type: 'text',
    text: 'Hello from a student',
    ...overrides,
  };
}
