import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rebuildReplyWaits } from '../../../server/features/reports/reply-waits.rebuild.js';
import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../../helpers/app-harness.js';

/**
 * The waits kept live: real webhooks and real staff routes on a clock the test moves, one
 * office day (2 June 2025, New York). Threads A–E; W0–W9 name the waits, worked out by hand:
 *
 *   E 12:00 in (W0, first) · 12:30 closed unanswered: still waiting, but the thread is closed
 *   D 12:10 in (Wd, first) · 12:40 Ana replies: 1800 s
 *   A 13:00 in (W1, first) · 13:05 in · 13:10 Ana: 600 s · 13:30 in (W2, reply) · 14:00 closed
 *     · 15:00 in reopens it: W2 ends unanswered, W3 (first) · 15:20 Ana: 1200 s
 *     · 17:30 in (W7, reply), still waiting
 *   B 16:00 in (W4, first) · 16:30 closed · 17:00 Ana reopens: W4 ends unanswered
 *     · 17:10 in (W5, first) · 18:10 Ana: 3600 s · 19:50 HELP (W9, reply): the rule's answer
 *     is not a person's, so W9 waits
 *   C 18:30 Ana starts it · 19:00 in (W6, reply) · 19:15 Ana: 900 s · 19:40 in (W8, reply)
 */
let h: Harness;
let ana: Staff;
let sue: Staff;
let now = new Date('2025-06-02T11:00:00.000Z');
const at = (time: string) => {
  now = new Date(`2025-06-02T${time}:00.000Z`);
};

const PHONES = { A: '+14155550101', B: '+14155550102', C: '+14155550103' } as const;
const MORE = { D: '+14155550104', E: '+14155550105' } as const;
const threads = new Map<string, number>();
let contactC = 0;

async function text(thread: keyof typeof PHONES | keyof typeof MORE, words = 'A question') {
  const phone = { ...PHONES, ...MORE }[thread];
  const res = await postWebhook(h, 'inbound', inboundBody({ from: phone.slice(1), text: words }));
  expect(res.status).toBe(200);
  const row = h.db.sqlite
    .prepare<[string], { id: number }>('SELECT id FROM conversations WHERE phone = ?')
    .get(phone);
  if (row) threads.set(thread, row.id);
}

async function staff(path: string, body: object = {}) {
  const res = await ana.post(path, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

const reply = (thread: string) =>
  staff(`/api/conversations/${threads.get(thread)}/messages`, { text: 'An answer' });
const close = (thread: string) => staff(`/api/conversations/${threads.get(thread)}/close`);
const reopen = (thread: string) => staff(`/api/conversations/${threads.get(thread)}/reopen`);

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator', app: { clock: { now: () => now } } });
  const make = factories(h);
  const people = {
    ana: await make.user({ name: 'Ana Alvarez', email: 'ana@example.edu' }),
    sue: await make.user({ name: 'Sue Super', email: 'sue@example.edu', role: 'supervisor' }),
  };
  const number = make.number();
  for (const phone of [...Object.values(PHONES), ...Object.values(MORE)]) {
    const contact = make.contact({ phone });
    if (phone === PHONES.C) contactC = contact.id;
  }
  ana = await signIn(h, people.ana.email);
  sue = await signIn(h, people.sue.email);
  await officeDay(number.id);
}, 30_000);

afterAll(async () => {
  await h?.close();
});

async function officeDay(numberId: number) {
  const startC = async () => {
    const body = { name: 'C', numberId, contactId: contactC, text: 'Hi from the office' };
    threads.set('C', (await staff('/api/conversations', body)).conversation.id);
  };
  const steps: Array<[time: string, act: () => Promise<unknown>]> = [
    ['12:00', () => text('E')],
    ['12:10', () => text('D')],
    ['12:30', () => close('E')],
    ['12:40', () => reply('D')],
    ['13:00', () => text('A')],
    ['13:05', () => text('A', 'Hello?')],
    ['13:10', () => reply('A')],
    ['13:30', () => text('A')],
    ['14:00', () => close('A')],
    ['15:00', () => text('A')],
    ['15:20', () => reply('A')],
    ['16:00', () => text('B')],
    ['16:30', () => close('B')],
    ['17:00', () => reopen('B')],
    ['17:10', () => text('B')],
    ['17:30', () => text('A')],
    ['18:10', () => reply('B')],
    ['18:30', startC],
    ['19:00', () => text('C')],
    ['19:15', () => reply('C')],
    ['19:40', () => text('C')],
    ['19:50', () => text('B', 'HELP')],
  ];
  for (const [time, act] of steps) {
    at(time);
    await act();
  }
  at('20:00');
}

const stats = (count: number, median: number | null, p90: number | null) => ({
  count,
  median,
  p90,
});

describe('reply waits kept by the live write path', () => {
  it('give the response times worked out by hand', async () => {
    const res = await sue.get('/api/reports/response-times?from=2025-06-02&to=2025-06-02');

    expect(res.status).toBe(200);
    // First responses: 600 (W1), 1200 (W3), 1800 (Wd), 3600 (W5); replies add 900 (W6).
    expect(res.body.office).toMatchObject({
      firstResponse: stats(4, 1200, 3600),
      reply: stats(5, 1200, 3600),
    });
    expect(res.body.counselors).toEqual([
      { id: expect.any(Number), name: 'Ana Alvarez', ...pick(res.body.office) },
    ]);
    // W0, W2, W4, W7, W8, W9.
    expect(res.body.unanswered).toBe(6);
  });

  it('bucket the open threads by their open wait, leaving out the closed one', async () => {
    const res = await sue.get('/api/reports/open-age');

    // A since 17:30 (2 h 30 min), B since 19:50, C since 19:40; D is answered; E is closed.
    expect(res.body.buckets.slice(0, 3)).toEqual([
      { bucket: '< 1 h', count: 2 },
      { bucket: '1–4 h', count: 1 },
      { bucket: '4–24 h', count: 0 },
    ]);
    expect(res.body.waiting).toBe(3);
    expect(res.body.answered).toBe(1);
  });

  it('hold exactly what a rebuild from the message history gives', () => {
    const live = snapshot();
    rebuildReplyWaits(h.db.sqlite);

    expect(live.waits).toHaveLength(11);
    expect(live.turns).toHaveLength(4);
    expect(snapshot()).toEqual(live);
  });
});

function pick(row: { firstResponse: unknown; reply: unknown }) {
  return { firstResponse: row.firstResponse, reply: row.reply };
}

function snapshot() {
  const { sqlite } = h.db;
  return {
    waits: sqlite.prepare('SELECT * FROM reply_waits ORDER BY message_id').all(),
    turns: sqlite.prepare('SELECT * FROM reply_turns ORDER BY conversation_id').all(),
  };
}
