import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LoginLimiter } from '../../server/features/auth/login-limiter.js';
import { sessionIdOf } from '../../server/features/auth/session.js';
import {
  connect,
  connected,
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  record,
  signIn,
  SIGNATURE_SECRET,
  sleep,
  startHarness,
  waitFor,
  type Harness,
} from '../helpers/app-harness.js';
import {
  signVonageWebhook,
  tamperedSignature,
  type SignatureTamper,
} from '../helpers/vonage-signature.js';

/**
 * The attack pass: every route the app serves, tried without a session, with the wrong role,
 * from another site and with bad input. The table below is the access contract; a route the
 * app serves without a row here fails the first test.
 */

type Who = 'anyone' | 'vonage' | 'staff' | 'supervisor' | 'admin';

interface Ids {
  adminId: number;
  counselorId: number;
  teamId: number;
  numberId: number;
  contactId: number;
  conversationId: number;
  messageId: number;
  tagId: number;
  savedReplyId: number;
  botAnswerId: number;
  ruleId: number;
}

interface RouteRow {
  /** `METHOD path` exactly as the router registers it. */
  route: string;
  who: Who;
  /** A well-formed body; each of its fields is also sent with the wrong type, one at a time. */
  body?: (ids: Ids) => Record<string, unknown>;
  /** Query strings the route must refuse with a 4xx. */
  badQueries?: string[];
}

const ROUTES: RouteRow[] = [
  { route: 'GET /healthz', who: 'anyone' },
  { route: 'GET /media/:id', who: 'anyone' },
  { route: 'GET /{*splat}', who: 'anyone' },
  {
    route: 'POST /webhooks/vonage/inbound',
    who: 'vonage',
    body: () => {
      const { timestamp: _unread, ...body } = inboundBody({ message_uuid: 'attack-inbound' });
      return body;
    },
  },
  {
    route: 'POST /webhooks/vonage/status',
    who: 'vonage',
    body: () => ({ message_uuid: 'attack-status', status: 'delivered', error: { title: '1240' } }),
  },
  { route: 'GET /api/setup', who: 'anyone' },
  {
    route: 'POST /api/setup',
    who: 'anyone',
    body: () => ({ token: 'guess', email: 'root@example.edu', name: 'Root', password: PASSWORD }),
  },
  {
    route: 'POST /api/auth/login',
    who: 'anyone',
    body: () => ({ email: 'nobody@example.edu', password: 'not the password' }),
  },
  { route: 'POST /api/auth/logout', who: 'staff' },
  { route: 'GET /api/me', who: 'staff' },
  {
    route: 'PATCH /api/me',
    who: 'staff',
    body: () => ({ name: 'Renamed', emailNotifications: true }),
  },
  { route: 'GET /api/users', who: 'staff' },
  {
    route: 'POST /api/users',
    who: 'admin',
    body: () => ({
      email: 'new.user@example.edu',
      name: 'New User',
      role: 'admin',
      password: PASSWORD,
    }),
  },
  { route: 'PATCH /api/users/:id', who: 'admin', body: () => ({ name: 'Renamed', active: true }) },
  { route: 'GET /api/teams', who: 'staff' },
  {
    route: 'POST /api/teams',
    who: 'admin',
    body: (ids) => ({ name: 'Transfers', memberIds: [ids.counselorId] }),
  },
  {
    route: 'PATCH /api/teams/:id',
    who: 'admin',
    body: (ids) => ({ name: 'Renamed', memberIds: [ids.adminId] }),
  },
  { route: 'DELETE /api/teams/:id', who: 'admin' },
  { route: 'GET /api/numbers', who: 'staff' },
  {
    route: 'POST /api/numbers',
    who: 'admin',
    body: () => ({ number: '+12025550177', label: 'Financial aid' }),
  },
  { route: 'PATCH /api/numbers/:id', who: 'admin', body: () => ({ label: 'Renamed line' }) },
  { route: 'GET /api/settings', who: 'staff' },
  {
    route: 'PUT /api/settings',
    who: 'admin',
    body: () => ({ officeName: 'Taken over', helpText: 'x' }),
  },
  { route: 'GET /api/admin/stats', who: 'supervisor' },
  {
    route: 'GET /api/contacts',
    who: 'staff',
    badQueries: ['limit=0', 'limit=abc', 'mobileOnly=maybe', `q=${'x'.repeat(101)}`],
  },
  { route: 'POST /api/contacts/import', who: 'staff', body: () => ({ csv: 'first_name,phone\n' }) },
  {
    route: 'POST /api/contacts',
    who: 'staff',
    body: () => ({
      firstName: 'Ana',
      lastName: 'Diaz',
      phones: [{ number: '+14155550111', mobile: true }],
    }),
  },
  { route: 'GET /api/contacts/:id', who: 'staff' },
  {
    route: 'PATCH /api/contacts/:id',
    who: 'staff',
    body: () => ({ firstName: 'Ana', lastName: 'Diaz' }),
  },
  { route: 'POST /api/contacts/:id/unsubscribe', who: 'staff' },
  { route: 'POST /api/contacts/:id/resubscribe', who: 'staff' },
  { route: 'GET /api/conversations/counts', who: 'staff' },
  {
    route: 'GET /api/conversations',
    who: 'staff',
    badQueries: [
      'view=nope',
      'view=team:abc',
      'status=pending',
      'limit=abc',
      'limit=0',
      'limit=100000',
      'cursor=AAAA',
      `q=${'x'.repeat(201)}`,
      'view=all&view=mine',
    ],
  },
  {
    route: 'POST /api/conversations',
    who: 'staff',
    body: (ids) => ({
      name: 'Visit',
      numberId: ids.numberId,
      contactId: ids.contactId,
      text: 'Hello',
    }),
  },
  { route: 'GET /api/conversations/:id', who: 'staff' },
  { route: 'GET /api/conversations/:id/messages', who: 'staff' },
  {
    route: 'POST /api/conversations/:id/messages',
    who: 'staff',
    body: () => ({ text: 'Hello', force: true }),
  },
  { route: 'POST /api/messages/:id/retry', who: 'staff' },
  {
    route: 'POST /api/conversations/:id/read',
    who: 'staff',
    body: (ids) => ({ messageId: ids.messageId }),
  },
  { route: 'POST /api/conversations/:id/join', who: 'staff' },
  { route: 'POST /api/conversations/:id/leave', who: 'staff' },
  {
    route: 'POST /api/conversations/:id/assign',
    who: 'staff',
    body: (ids) => ({ assignee: { type: 'user', id: ids.counselorId } }),
  },
  { route: 'POST /api/conversations/:id/close', who: 'staff' },
  { route: 'POST /api/conversations/:id/reopen', who: 'staff' },
  { route: 'POST /api/conversations/:id/opt-out/confirm', who: 'staff' },
  { route: 'POST /api/conversations/:id/opt-out/dismiss', who: 'staff' },
  { route: 'POST /api/uploads', who: 'staff' },
  { route: 'GET /api/simulator', who: 'staff' },
  {
    route: 'POST /api/simulator/inbound',
    who: 'staff',
    body: () => ({ from: '+14155550100', to: '+12025550123', text: 'hi' }),
  },
  { route: 'GET /api/saved-replies', who: 'staff' },
  {
    route: 'POST /api/saved-replies',
    who: 'admin',
    body: () => ({ title: 'Office hours', body: 'We are open nine to five.' }),
  },
  { route: 'PATCH /api/saved-replies/:id', who: 'admin', body: () => ({ title: 'Hours' }) },
  { route: 'DELETE /api/saved-replies/:id', who: 'admin' },
  {
    route: 'POST /api/templates/preview',
    who: 'staff',
    body: (ids) => ({
      template: 'Hi {{contact.firstName|there}}',
      conversationId: ids.conversationId,
    }),
  },
  { route: 'GET /api/tags', who: 'staff' },
  { route: 'POST /api/tags', who: 'staff', body: () => ({ name: 'Visit day', color: 'blue' }) },
  {
    route: 'POST /api/conversations/:id/tags',
    who: 'staff',
    body: (ids) => ({ tagId: ids.tagId }),
  },
  { route: 'DELETE /api/conversations/:id/tags/:tagId', who: 'staff' },
  { route: 'PATCH /api/tags/:id', who: 'admin', body: () => ({ name: 'Renamed tag' }) },
  { route: 'DELETE /api/tags/:id', who: 'admin' },
  {
    route: 'POST /api/conversations/:id/notes',
    who: 'staff',
    body: () => ({ text: 'Called back' }),
  },
  { route: 'GET /api/rules', who: 'staff' },
  {
    route: 'POST /api/rules',
    who: 'admin',
    body: () => ({ name: 'Close thanks', conditions: [], actions: [{ type: 'close' }] }),
  },
  { route: 'POST /api/rules/reorder', who: 'admin', body: (ids) => ({ ids: [ids.ruleId] }) },
  {
    route: 'PATCH /api/rules/:id',
    who: 'admin',
    body: () => ({ name: 'Renamed rule', enabled: false }),
  },
  { route: 'DELETE /api/rules/:id', who: 'admin' },
  { route: 'GET /api/bot/answers', who: 'admin' },
  {
    route: 'POST /api/bot/answers',
    who: 'admin',
    body: () => ({ question: 'When are you open?', answer: 'Nine to five.', keywords: ['open'] }),
  },
  { route: 'PATCH /api/bot/answers/:id', who: 'admin', body: () => ({ answer: 'Nine to six.' }) },
  { route: 'DELETE /api/bot/answers/:id', who: 'admin' },
  { route: 'GET /api/assistant', who: 'staff' },
  {
    route: 'POST /api/assistant/:action',
    who: 'staff',
    body: () => ({ text: 'Helo, see you tomorow' }),
  },
  { route: 'GET /api/board/', who: 'supervisor', badQueries: ['feedLimit=0', 'feedLimit=abc'] },
  { route: 'GET /api/notifications', who: 'staff', badQueries: ['limit=abc', 'before=-3'] },
  {
    route: 'GET /api/reports/:file',
    who: 'supervisor',
    badQueries: ['from=abc', 'from=2026-02-01&to=2026-01-01', 'from=2024-01-01&to=2026-01-01'],
  },
];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SNAKE_CASE = /^[a-z]+(_[a-z0-9]+)*$/;
const EVIL = 'http://evil.example';

let h: Harness;
let ids: Ids;
const cookies = { admin: '', supervisor: '', counselor: '' };

/** A session straight into the table: no password hashing per check. */
function sessionCookie(userId: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  h.db.sqlite
    .prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(
      sessionIdOf(token),
      userId,
      now.toISOString(),
      new Date(now.getTime() + 86_400_000).toISOString(),
    );
  return `sb_session=${token}`;
}

/** Rows written, updated or deleted by the app's own connection so far. */
const writes = () => (h.db.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

function methodOf(row: RouteRow): string {
  return row.route.split(' ')[0] as string;
}

function pathOf(row: RouteRow, id?: string): string {
  const path = (row.route.split(' ')[1] as string)
    .replace(':tagId', id ?? String(ids.tagId))
    .replace(':action', id ?? 'fix')
    .replace(':file', id ?? 'volume');
  const of = (name: keyof Ids) => id ?? String(ids[name]);
  if (path.startsWith('/api/users/')) return path.replace(':id', of('counselorId'));
  if (path.startsWith('/api/tags/')) return path.replace(':id', of('tagId'));
  if (path.startsWith('/api/saved-replies/')) return path.replace(':id', of('savedReplyId'));
  if (path.startsWith('/api/bot/answers/')) return path.replace(':id', of('botAnswerId'));
  if (path.startsWith('/api/rules/')) return path.replace(':id', of('ruleId'));
  if (path.startsWith('/api/teams/')) return path.replace(':id', of('teamId'));
  if (path.startsWith('/api/numbers/')) return path.replace(':id', of('numberId'));
  if (path.startsWith('/api/contacts/')) return path.replace(':id', of('contactId'));
  if (path.startsWith('/api/messages/')) return path.replace(':id', of('messageId'));
  if (path.startsWith('/media/')) return path.replace(':id', id ?? 'A'.repeat(32));
  return path.replace(':id', of('conversationId'));
}

interface Answer {
  status: number;
  code: string | null;
}

async function call(
  method: string,
  path: string,
  options: { cookie?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: new Uint8Array(Buffer.from(options.body)) } : {}),
  });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    code = null;
  }
  return { status: res.status, code };
}

/**
 * A 4xx with a stable snake_case code: what every refusal of bad input must look like. The
 * caller is signed in as an admin, so an auth refusal here would hide what the input did.
 */
function expectRefusal(answer: Answer, what: string): void {
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.code ?? '', what).toMatch(SNAKE_CASE);
  expect(['unauthorized', 'forbidden', 'bad_origin'], what).not.toContain(answer.code);
}

/** Values of the wrong type for a field whose good value is `value`. */
function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, true, {}, ['a'], { $gt: '' }];
  if (typeof value === 'number') return ['7', true, {}, [1], 1.5, -1];
  if (typeof value === 'boolean') return ['true', 1, {}, []];
  if (Array.isArray(value)) return ['x', 5, {}, [{}], [null]];
  return ['x', 5, [], true];
}

/** Request bodies no route may accept; `signed` ones carry a valid webhook signature. */
function badBodies(
  row: RouteRow,
): Array<{ name: string; body: string; headers?: Record<string, string> }> {
  const isWebhook = row.who === 'vonage';
  const cases: Array<{ name: string; body: string; headers?: Record<string, string> }> = [
    { name: 'broken JSON', body: '{"text": "hi"' },
    {
      name: 'an oversized body',
      body: JSON.stringify({ text: 'x'.repeat(isWebhook ? 300_000 : 150_000) }),
    },
    { name: 'a JSON string', body: '"text"' },
    { name: 'JSON null', body: 'null' },
  ];
  if (!isWebhook) {
    cases.push({
      name: 'an unknown charset',
      body: '{}',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
    });
  }
  if (row.body) {
    const good = row.body(ids);
    cases.push({ name: 'a JSON array', body: '[]' });
    cases.push({ name: 'deep nesting', body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` });
    for (const [field, value] of Object.entries(good)) {
      for (const wrong of wrongTypes(value)) {
        cases.push({
          name: `${field}: ${JSON.stringify(wrong)}`,
          body: JSON.stringify({ ...good, [field]: wrong }),
        });
      }
    }
  }
  if (!isWebhook) return cases;
  return cases.map((c) => ({
    ...c,
    headers: { ...c.headers, authorization: signVonageWebhook(c.body, SIGNATURE_SECRET) },
  }));
}

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const admin = await make.user({ name: 'Ada Admin', role: 'admin' });
  const supervisor = await make.user({ name: 'Sam Supervisor', role: 'supervisor' });
  const counselor = await make.user({ name: 'Cal Counselor', role: 'counselor' });
  const number = make.number('+12025550123');
  const contact = make.contact({ phone: '+14155550100' });
  expect((await postWebhook(h, 'inbound', inboundBody({ text: 'first' }))).status).toBe(200);
  const message = h.db.sqlite.prepare('SELECT id, conversation_id FROM messages').get() as {
    id: number;
    conversation_id: number;
  };
  const now = new Date().toISOString();
  const insert = (sql: string, ...params: unknown[]) =>
    (h.db.sqlite.prepare(`${sql} RETURNING id`).get(...params) as { id: number }).id;
  const teamId = insert(
    `INSERT INTO teams (name, created_at, updated_at) VALUES ('Advising', ?, ?)`,
    now,
    now,
  );
  const tagId = insert(
    `INSERT INTO tags (name, color, created_at) VALUES ('Transfer', 'green', ?)`,
    now,
  );
  h.db.sqlite
    .prepare('INSERT INTO conversation_tags (conversation_id, tag_id, created_at) VALUES (?, ?, ?)')
    .run(message.conversation_id, tagId, now);
  const savedReplyId = insert(
    `INSERT INTO saved_replies (title, body, created_at, updated_at) VALUES ('Hi', 'Hello!', ?, ?)`,
    now,
    now,
  );
  const botAnswerId = insert(
    `INSERT INTO bot_answers (question, answer, keywords, created_at, updated_at)
     VALUES ('Where?', 'Room 4', 'where', ?, ?)`,
    now,
    now,
  );
  const ruleId = insert(
    `INSERT INTO rules (name, position, conditions, actions, created_at, updated_at)
     VALUES ('Tag it', 0, '[]', '[{"type":"add_tag","tagId":${tagId}}]', ?, ?)`,
    now,
    now,
  );
  ids = {
    adminId: admin.id,
    counselorId: counselor.id,
    teamId,
    tagId,
    savedReplyId,
    botAnswerId,
    ruleId,
    numberId: number.id,
    contactId: contact.id,
    conversationId: message.conversation_id,
    messageId: message.id,
  };
  cookies.admin = sessionCookie(admin.id);
  cookies.supervisor = sessionCookie(supervisor.id);
  cookies.counselor = sessionCookie(counselor.id);
});

afterAll(async () => {
  await h.close();
});

describe('route table', () => {
  it('has a row for every route the app serves', () => {
    const served: string[] = [];
    type Layer = {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: Layer[] };
      rawPath?: string;
    };
    const walk = (stack: Layer[], prefix: string) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) {
            served.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
          }
        } else if (layer.handle?.stack) {
          const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
          walk(layer.handle.stack, prefix + mount);
        }
      }
    };
    walk((h.app.web as unknown as { router: { stack: Layer[] } }).router.stack, '');

    expect(served.length).toBeGreaterThan(10);
    expect([...new Set(served)].sort()).toEqual(ROUTES.map((row) => row.route).sort());
  });
});

for (const row of ROUTES) {
  const method = methodOf(row);
  const isApi = row.route.includes(' /api/');
  const hasId = /:(id|tagId|action)\b/.test(row.route);

  const refusedRoles =
    row.who === 'admin'
      ? ['counselor', 'supervisor']
      : row.who === 'supervisor'
        ? ['counselor']
        : [];
  const hasTests =
    row.who !== 'anyone' || UNSAFE.has(method) || hasId || row.badQueries !== undefined;
  if (!hasTests) continue;

  describe(row.route, () => {
    if (row.who === 'staff' || row.who === 'supervisor' || row.who === 'admin') {
      it('answers 401 without a session, or with a forged or ended one', async () => {
        const ended = sessionCookie(ids.counselorId);
        h.db.sqlite
          .prepare('DELETE FROM sessions WHERE id = ?')
          .run(sessionIdOf(ended.split('=')[1] as string));
        const before = writes();
        for (const cookie of [undefined, 'sb_session=forged-token', ended]) {
          const answer = await call(method, pathOf(row), {
            ...(cookie ? { cookie } : {}),
            ...(row.body ? { body: JSON.stringify(row.body(ids)) } : {}),
          });
          expect(answer).toEqual({ status: 401, code: 'unauthorized' });
        }
        expect(writes()).toBe(before);
      });
    }

    if (row.who === 'vonage') {
      it('answers 401 without a valid signature', async () => {
        const body = JSON.stringify(row.body?.(ids));
        const before = writes();
        const tampers: SignatureTamper[] = [
          'wrong-secret',
          'body-changed',
          'signature-altered',
          'payload-hash-missing',
          'alg-none',
          'expired',
          'not-bearer',
        ];
        const forged = tampers.map((tamper) => tamperedSignature(body, SIGNATURE_SECRET, tamper));
        for (const authorization of [undefined, 'Bearer x.y.z', ...forged]) {
          const answer = await call(method, pathOf(row), {
            body,
            ...(authorization ? { headers: { authorization } } : {}),
          });
          expect(answer).toEqual({ status: 401, code: 'invalid_signature' });
        }
        expect(writes()).toBe(before);
      });
    }

    for (const role of refusedRoles as Array<'counselor' | 'supervisor'>) {
      it(`answers 403 to a ${role}`, async () => {
        const before = writes();
        const answer = await call(method, pathOf(row), {
          cookie: cookies[role],
          ...(row.body ? { body: JSON.stringify(row.body(ids)) } : {}),
        });
        expect(answer).toEqual({ status: 403, code: 'forbidden' });
        expect(writes()).toBe(before);
      });
    }

    if (isApi && UNSAFE.has(method)) {
      it('refuses a cross-site request, storing nothing', async () => {
        const before = writes();
        const crossSite: Array<Record<string, string>> = [
          { origin: EVIL },
          { origin: 'null' },
          { referer: `${EVIL}/form.html` },
          { 'sec-fetch-site': 'cross-site' },
        ];
        for (const headers of crossSite) {
          const answer = await call(method, pathOf(row), {
            cookie: cookies.admin,
            body: JSON.stringify(row.body?.(ids) ?? {}),
            headers,
          });
          expect(answer, JSON.stringify(headers)).toEqual({ status: 403, code: 'bad_origin' });
        }
        expect(writes()).toBe(before);
      });
    }

    if (UNSAFE.has(method)) {
      it('answers malformed, oversized and mistyped JSON with a 4xx, storing nothing', async () => {
        const before = writes();
        for (const bad of badBodies(row)) {
          const answer = await call(method, pathOf(row), {
            cookie: cookies.admin,
            body: bad.body,
            ...(bad.headers ? { headers: bad.headers } : {}),
          });
          expectRefusal(answer, bad.name);
        }
        expect(writes()).toBe(before);
      });
    }

    if (hasId) {
      it('answers ids that are not ids, or are nobody’s, with a 4xx', async () => {
        const before = writes();
        const badIds = [
          'abc',
          '0',
          '-1',
          '1.5',
          '1e3',
          '9'.repeat(25),
          '%00',
          '1%3BDROP',
          '999999',
        ];
        for (const id of badIds) {
          const answer = await call(method, pathOf(row, id), {
            cookie: cookies.admin,
            ...(UNSAFE.has(method) ? { body: JSON.stringify(row.body?.(ids) ?? {}) } : {}),
          });
          expectRefusal(answer, `id ${id}`);
        }
        expect(writes()).toBe(before);
      });
    }

    if (row.badQueries) {
      it('answers bad query strings with a 4xx', async () => {
        for (const query of row.badQueries ?? []) {
          const answer = await call(method, `${pathOf(row)}?${query}`, { cookie: cookies.admin });
          expectRefusal(answer, query);
        }
      });
    }
  });
}

describe('the roles the table names', () => {
  const ROLE_OF: Record<'staff' | 'supervisor' | 'admin', 'counselor' | 'supervisor' | 'admin'> = {
    staff: 'counselor',
    supervisor: 'supervisor',
    admin: 'admin',
  };

  it('are let through every route they are allowed', async () => {
    const users = h.db.sqlite.prepare('SELECT id, role FROM users').all() as Array<{
      id: number;
      role: string;
    }>;
    for (const row of ROUTES) {
      if (row.who === 'anyone' || row.who === 'vonage') continue;
      const role = ROLE_OF[row.who];
      const user = users.find((u) => u.role === role) as { id: number };
      const answer = await call(methodOf(row), pathOf(row), {
        cookie: sessionCookie(user.id),
        ...(UNSAFE.has(methodOf(row)) ? { body: JSON.stringify(row.body?.(ids) ?? {}) } : {}),
      });
      expect(answer.status, row.route).toBeLessThan(500);
      expect(['unauthorized', 'forbidden', 'bad_origin'], row.route).not.toContain(answer.code);
    }
    await h.app.outbox.idle();
  });
});

describe('POST /api/uploads', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000dIHDR', 'latin1'),
    Buffer.from([0, 0, 0, 64, 0, 0, 0, 64]),
    Buffer.alloc(32),
  ]);
  const upload = (body: Buffer | string, type: string, name = 'picture.png') =>
    call('POST', '/api/uploads', {
      cookie: cookies.counselor,
      body,
      headers: { 'content-type': type, 'x-file-name': name },
    });
  const mediaFiles = () => {
    const dir = join(h.dir, 'media');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };

  it('refuses files that lie about their type, storing nothing', async () => {
    const before = { writes: writes(), files: mediaFiles() };
    const lies: Array<[Buffer | string, string, string]> = [
      ['<html><script>alert(1)</script></html>', 'image/png', 'cat.png'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml', 'cat.svg'],
      ['<html><script>alert(1)</script></html>', 'application/octet-stream', 'cat.jpg'],
      ['<html><script>alert(1)</script></html>', 'text/html', 'page.html'],
      [png, 'image/jpeg', 'photo.jpg'],
      [png, 'application/pdf', 'form.pdf'],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'image/gif', 'setup.gif'],
    ];
    for (const [body, type, name] of lies) {
      const answer = await upload(body, type, name);
      expect(answer, `${type} ${name}`).toEqual({ status: 415, code: 'unsupported_media_type' });
    }
    expect({ writes: writes(), files: mediaFiles() }).toEqual(before);
  });

  it('stores a true picture, shown only to its uploader until it is sent', async () => {
    const res = await fetch(`${h.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie: cookies.counselor, 'content-type': 'image/png', 'x-file-name': 'a.png' },
      body: new Uint8Array(png),
    });
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { url: string } };

    const as = (cookie?: string) =>
      fetch(`${h.url}${attachment.url}`, { headers: cookie ? { cookie } : {} }).then(
        (r) => r.status,
      );
    expect(await as(cookies.counselor)).toBe(200);
    expect(await as(cookies.supervisor)).toBe(404);
    expect(await as()).toBe(404);
  });
});

describe('Socket.IO handshake', () => {
  const refused = (socket: ReturnType<typeof connectSocket>) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('neither connected nor refused')), 3_000);
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        resolve(error.message);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        reject(new Error('connected'));
      });
    });

  it('refuses a connection without a session, or with a forged one', async () => {
    for (const cookie of [null, 'sb_session=forged-token']) {
      const socket = connect(h, cookie);
      expect(await refused(socket)).toBe('unauthorized');
      socket.disconnect();
    }
  });

  it('refuses a handshake from another site, even with a valid session', async () => {
    const socket = connectSocket(h.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: cookies.counselor, origin: EVIL },
      reconnection: false,
      forceNew: true,
    });
    expect(await refused(socket)).not.toBe('');
    socket.disconnect();

    const own = connect(h, cookies.counselor);
    await connected(own);
    own.disconnect();
  });

  it('ignores client events with malformed payloads and keeps serving', async () => {
    const actor = connect(h, cookies.counselor);
    const observer = connect(h, cookies.supervisor);
    await Promise.all([connected(actor), connected(observer)]);
    const presence = record(observer, 'presence:updated');

    const junk: unknown[] = [
      null,
      'conversation',
      42,
      [],
      { conversationId: '1' },
      { conversationId: -1 },
      { conversationId: 1.5 },
      { conversationId: { $gt: 0 } },
      { conversationId: Number.MAX_VALUE },
      { conversationId: 987_654 },
      { conversationId: 'x'.repeat(100_000) },
    ];
    const emit = actor.emit.bind(actor) as (event: string, ...args: unknown[]) => void;
    for (const payload of junk) {
      for (const event of ['viewing:start', 'typing:start', 'viewing:stop', 'typing:stop']) {
        emit(event, payload);
      }
    }
    emit('viewing:start');
    emit('no:such-event', { conversationId: ids.conversationId });
    await sleep(150);
    expect(presence).toEqual([]);
    expect(actor.connected).toBe(true);

    emit('viewing:start', { conversationId: ids.conversationId });
    await waitFor(() => presence.length === 1);
    actor.disconnect();
    observer.disconnect();
  });
});

describe('POST /api/auth/login', () => {
  let limited: Harness;

  beforeAll(async () => {
    limited = await startHarness({ app: { loginLimiter: new LoginLimiter(5) } });
    const make = factories(limited);
    await make.user({ name: 'Lena Limit', email: 'lena@example.edu' });
    await make.user({ name: 'Omar Other', email: 'omar@example.edu' });
    await make.user({ name: 'Pia Phone', email: 'pia@example.edu' });
  });

  afterAll(async () => {
    await limited.close();
  });

  /** Sign-in from a client address of its own (the app trusts X-Forwarded-For from loopback). */
  const login = async (email: string, password: string, from: string, cookie?: string) => {
    const res = await fetch(`${limited.url}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': from,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { error?: { code: string } };
    return {
      status: res.status,
      code: body.error?.code ?? null,
      setCookie: res.headers.get('set-cookie'),
    };
  };

  it('refuses even the right password after repeated failures for that email', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await login('lena@example.edu', `wrong ${i}`, `10.0.1.${i}`)).toMatchObject({
        status: 401,
        code: 'invalid_credentials',
      });
    }
    expect(await login('lena@example.edu', PASSWORD, '10.0.1.9')).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
    });
  });

  it('refuses sign-in from an address after failures across many emails', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(`stranger${i}@example.edu`, 'guess', '10.0.2.1')).status).toBe(401);
    }
    expect(await login('omar@example.edu', PASSWORD, '10.0.2.1')).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
    });
    expect((await login('omar@example.edu', PASSWORD, '10.0.2.2')).status).toBe(200);
  });

  it('keeps counting an address’s failures across a successful sign-in', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await login(`sprayed${i}@example.edu`, 'guess', '10.0.3.1')).status).toBe(401);
    }
    expect((await login('omar@example.edu', PASSWORD, '10.0.3.1')).status).toBe(200);
    for (let i = 3; i < 5; i++) {
      expect((await login(`sprayed${i}@example.edu`, 'guess', '10.0.3.1')).status).toBe(401);
    }
    expect(await login('omar@example.edu', PASSWORD, '10.0.3.1')).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
    });
  });

  it('ends every other session, and their sockets, when the password changes', async () => {
    const laptop = await signIn(limited, 'pia@example.edu');
    const phone = await signIn(limited, 'pia@example.edu');
    const socket = connect(limited, phone.cookie);
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const res = await fetch(`${limited.url}/api/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: laptop.cookie },
      body: JSON.stringify({ password: 'a brand new passphrase', currentPassword: PASSWORD }),
    });

    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(401);
    const renewed = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const me = await fetch(`${limited.url}/api/me`, { headers: { cookie: renewed } });
    expect(me.status).toBe(200);
    socket.disconnect();
  });

  it('rotates the session id at sign-in and ends the one sent along', async () => {
    const first = await signIn(limited, 'omar@example.edu');
    const again = await login('omar@example.edu', PASSWORD, '10.0.4.1', first.cookie);

    expect(again.status).toBe(200);
    expect(again.setCookie).toMatch(/HttpOnly/i);
    expect(again.setCookie).toMatch(/SameSite=Lax/i);
    const rotated = (again.setCookie ?? '').split(';')[0] as string;
    expect(rotated).toMatch(/^sb_session=.{40,}$/);
    expect(rotated).not.toBe(first.cookie);
    expect((await first.get('/api/me')).status).toBe(401);
    const fresh = await fetch(`${limited.url}/api/me`, { headers: { cookie: rotated } });
    expect(fresh.status).toBe(200);
  });
});
