import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { InboxCountsDto, InboxViewCount } from '@shared/dto.js';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let dana: Staff & { id: number };
let eli: Staff & { id: number };
let teamId: number;
/**
 * Four threads, oldest first: A assigned to Dana (who then left it, so she is not a
 * participant), B closed, C the team's, D Dana joined.
 */
let A: number;
let B: number;
let C: number;
let D: number;

const PHONES = ['14155550100', '14155550111', '14155550122', '14155550133'];

async function text(phoneIndex: number, body = 'Hello') {
  const res = await postWebhook(
    h,
    'inbound',
    inboundBody({ from: PHONES[phoneIndex], text: body }),
  );
  expect(res.status).toBe(200);
}

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes' });
  const b = await make.user({ name: 'Eli Park' });
  dana = { ...(await signIn(h, a.email)), id: a.id };
  eli = { ...(await signIn(h, b.email)), id: b.id };
  make.number('+12025550123');
  PHONES.forEach((phone, index) =>
    make.contact({ firstName: `Student${index}`, phone: `+${phone}` }),
  );
  const now = new Date().toISOString();
  teamId = (
    h.db.sqlite
      .prepare('INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id')
      .get('Financial aid', now, now) as { id: number }
  ).id;
  h.db.sqlite
    .prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)')
    .run(teamId, a.id);

  for (let i = 0; i < PHONES.length; i += 1) await text(i);
  const listed = (await dana.get('/api/conversations')).body.conversations as Array<{ id: number }>;
  [D, C, B, A] = listed.map((c) => c.id) as [number, number, number, number];
  await dana.post(`/api/conversations/${A}/assign`, { assignee: { type: 'user', id: dana.id } });
  await dana.post(`/api/conversations/${A}/leave`);
  await dana.post(`/api/conversations/${B}/close`);
  await dana.post(`/api/conversations/${C}/assign`, { assignee: { type: 'team', id: teamId } });
  await dana.post(`/api/conversations/${D}/join`);
});

afterEach(async () => {
  await h.close();
});

async function counts(who: Staff): Promise<Record<string, Omit<InboxViewCount, 'view'>>> {
  const res = await who.get('/api/conversations/counts');
  expect(res.status).toBe(200);
  const body = res.body as InboxCountsDto;
  return Object.fromEntries(body.views.map(({ view, ...rest }) => [view, rest]));
}

async function ids(who: Staff, query = ''): Promise<number[]> {
  const res = await who.get(`/api/conversations${query}`);
  expect(res.status).toBe(200);
  return res.body.conversations.map((c: { id: number }) => c.id);
}

async function readAll(who: Staff, id: number) {
  const { lastMessageId } = (await who.get(`/api/conversations/${id}`)).body.conversation;
  expect(
    (await who.post(`/api/conversations/${id}/read`, { messageId: lastMessageId })).status,
  ).toBe(204);
}

describe('GET /api/conversations/counts', () => {
  it('refuses counts without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/counts`);
    expect(res.status).toBe(401);
  });

  it('counts open and closed threads in every view', async () => {
    const mine = await counts(dana);

    expect(mine.all).toMatchObject({ open: 3, closed: 1 });
    expect(mine.mine).toMatchObject({ open: 1, closed: 0 });
    expect(mine.unassigned).toMatchObject({ open: 1, closed: 1 });
    expect(mine[`team:${teamId}`]).toMatchObject({ open: 1, closed: 0 });
    expect(mine.participating).toMatchObject({ open: 1, closed: 0 });
    expect((await counts(eli)).mine).toMatchObject({ open: 0, closed: 0 });
  });

  it('recounts when a thread closes or is assigned, and when a team is added', async () => {
    await counts(dana);

    await dana.post(`/api/conversations/${D}/close`);
    await dana.post(`/api/conversations/${A}/assign`, { assignee: null });
    const now = new Date().toISOString();
    const team = h.db.sqlite
      .prepare('INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id')
      .get('Housing', now, now) as { id: number };
    const after = await counts(dana);

    expect(after.all).toMatchObject({ open: 2, closed: 2 });
    expect(after.unassigned).toMatchObject({ open: 1, closed: 2 });
    expect(after.mine).toMatchObject({ open: 0, closed: 0 });
    expect(after[`team:${team.id}`]).toMatchObject({ open: 0, closed: 0 });
  });

  it('counts, per user, the open threads whose last student text they have not read', async () => {
    expect((await counts(dana)).all?.unread).toBe(3);

    await readAll(dana, A);
    const afterReading = await counts(dana);

    expect(afterReading.all?.unread).toBe(2);
    expect(afterReading.mine?.unread).toBe(0);
    expect((await counts(eli)).all?.unread).toBe(3);
    const body = (await dana.get('/api/conversations/counts')).body as InboxCountsDto;
    expect(body.unread).toBe(2);
    expect(body.cap).toBeGreaterThan(3);
  });

  it('makes a read thread unread again when the student texts', async () => {
    await readAll(dana, A);

    await text(0, 'One more question');

    expect((await counts(dana)).mine?.unread).toBe(1);
  });

  it('counts a thread read for the counselor who replied in it', async () => {
    const res = await dana.post(`/api/conversations/${D}/messages`, { text: 'On it!' });
    expect(res.status).toBe(201);

    expect((await counts(dana)).participating?.unread).toBe(0);
    expect((await counts(dana)).all?.unread).toBe(2);
    expect((await counts(eli)).all?.unread).toBe(3);
  });
});

describe('GET /api/conversations', () => {
  it('refuses the list without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations?view=mine`);
    expect(res.status).toBe(401);
  });

  it('lists newest activity first, and a new text moves its thread to the top', async () => {
    expect(await ids(dana, '?status=open')).toEqual([D, C, A]);

    await text(0, 'Still there?');

    expect(await ids(dana, '?status=open')).toEqual([A, D, C]);
  });

  it('shows each view its own threads', async () => {
    expect(await ids(dana, '?view=mine')).toEqual([A]);
    expect(await ids(eli, '?view=mine')).toEqual([]);
    expect(await ids(dana, '?view=unassigned')).toEqual([D, B]);
    expect(await ids(dana, `?view=team:${teamId}`)).toEqual([C]);
    expect(await ids(dana, '?view=participating')).toEqual([D]);
    expect(await ids(dana, '?status=closed')).toEqual([B]);
    expect(await ids(dana, '?view=unassigned&status=open')).toEqual([D]);
  });

  it('marks a thread unread per user until they have read its last student text', async () => {
    await readAll(dana, A);

    const unread = async (who: Staff) =>
      (await who.get('/api/conversations')).body.conversations
        .filter((c: { unread: boolean }) => c.unread)
        .map((c: { id: number }) => c.id);

    expect(await unread(dana)).toEqual([D, C, B]);
    expect(await unread(eli)).toEqual([D, C, B, A]);
  });

  it('rejects a view it does not know', async () => {
    const res = await dana.get('/api/conversations?view=everything');

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});

describe('GET /api/conversations?cursor=', () => {
  /** Threads straight into the database, many sharing one instant, as a busy import would. */
  function seed(count: number, participant: number | null) {
    const { sqlite } = h.db;
    const contact = sqlite
      .prepare(
        `INSERT INTO contacts (first_name, last_name, created_at, updated_at)
        VALUES ('Bulk', 'Student', ?, ?) RETURNING id`,
      )
      .get('2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z') as { id: number };
    const thread = sqlite.prepare(
      `INSERT INTO conversations (name, status, contact_id, phone, number_id, last_message_at,
         created_at, updated_at) VALUES (?, 'open', ?, ?, 1, ?, ?, ?) RETURNING id`,
    );
    const join = sqlite.prepare(
      `INSERT INTO participants (conversation_id, user_id, created_at) VALUES (?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const at = `2025-01-0${1 + (i % 3)}T00:00:00.000Z`;
        const { id } = thread.get(
          `Bulk ${i}`,
          contact.id,
          `+1202555${String(i).padStart(4, '0')}`,
          at,
          at,
          at,
        ) as {
          id: number;
        };
        if (participant !== null) join.run(id, participant, at);
      }
    })();
  }

  async function everyPage(who: Staff, query: string, limit: number) {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 500; page += 1) {
      const after = cursor ? `&cursor=${cursor}` : '';
      const res: { status: number; body: any } = await who.get(
        `/api/conversations?${query}&limit=${limit}${after}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.conversations.map((c: { id: number }) => c.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    return seen;
  }

  const expected = (where: string, ...params: unknown[]) =>
    (
      h.db.sqlite
        .prepare(
          `SELECT c.id FROM conversations c ${where} ORDER BY c.last_message_at DESC, c.id DESC`,
        )
        .all(...params) as Array<{ id: number }>
    ).map((row) => row.id);

  it('pages a view without repeats or gaps, threads at the same instant included', async () => {
    seed(20, null);

    expect(await everyPage(dana, 'view=all', 3)).toEqual(expected(''));
    expect(await everyPage(dana, 'view=unassigned&status=open', 4)).toEqual(
      expected(`WHERE c.assignee_key = '' AND c.status = 'open'`),
    );
  });

  it('pages participating the same for someone in a few threads or in very many', async () => {
    seed(30, eli.id);
    const few = await everyPage(eli, 'view=participating', 7);
    seed(1_100, eli.id);
    const many = await everyPage(eli, 'view=participating', 200);

    const inThreads = 'JOIN participants p ON p.conversation_id = c.id WHERE p.user_id = ?';
    expect(few).toHaveLength(30);
    expect(many).toEqual(expected(inThreads, eli.id));
    expect(many).toHaveLength(1_130);
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await dana.get('/api/conversations?cursor=bm90LWEtY3Vyc29y');

    expect(res.status).toBe(400);
  });
});
