import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let dana: Staff;
let eli: Staff;
let ids: { dana: number; eli: number; team: number; number: number };
let socket: ClientSocket;
let seen: Array<{ event: string; seq: number; userId?: number; actor?: string; text?: string }>;
let conversationId: number;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  const number = make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  const team = h.db.sqlite
    .prepare(
      `INSERT INTO teams (name, created_at, updated_at) VALUES ('Admissions', ?, ?) RETURNING id`,
    )
    .get(new Date().toISOString(), new Date().toISOString()) as { id: number };
  ids = { dana: d.id, eli: e.id, team: team.id, number: number.id };
  dana = await signIn(h, d.email);
  eli = await signIn(h, e.email);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the visit still on?' }));
  conversationId = (await dana.get('/api/conversations')).body.conversations[0].id;

  socket = connect(h, eli.cookie);
  seen = [];
  socket.onAny((event: string, payload: Record<string, any>) => {
    if (typeof payload?.seq !== 'number' || event.startsWith('sync:')) return;
    seen.push({
      event,
      seq: payload.seq,
      ...(payload.user ? { userId: payload.user.id } : {}),
      ...(payload.actor ? { actor: payload.actor.name } : {}),
      ...(payload.message ? { text: payload.message.text } : {}),
    });
  });
  await connected(socket);
});

afterEach(async () => {
  socket.disconnect();
  await h.close();
});

const activityLines = () =>
  (
    h.db.sqlite
      .prepare(`SELECT text FROM messages WHERE conversation_id = ? AND kind = 'activity'`)
      .all(conversationId) as Array<{ text: string }>
  ).map((row) => row.text);

/** Waits for the socket to have seen everything the log holds, then a little longer. */
async function settled() {
  const head = h.db.sqlite.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number };
  await waitFor(() => seen.some((event) => event.seq === head.seq));
  await sleep(50);
  return seen.map(({ event, userId, actor, text }) => ({ event, userId, actor, text }));
}

const assign = (who: Staff, assignee: { type: 'user' | 'team'; id: number } | null) =>
  who.post(`/api/conversations/${conversationId}/assign`, { assignee });

describe('assigning a user makes them a participant', () => {
  it('joins the assignee in the same transaction: assigned, then joined, once', async () => {
    const answer = await assign(dana, { type: 'user', id: ids.eli });

    expect(answer.status).toBe(200);
    expect(answer.body.conversation.participantIds).toEqual([ids.eli]);
    expect(await settled()).toEqual([
      { event: 'message:created', actor: undefined, text: 'Dana Reyes assigned this to Eli Park' },
      { event: 'conversation:assigned', actor: 'Dana Reyes' },
      { event: 'conversation:joined', userId: ids.eli, actor: 'Dana Reyes' },
    ]);
    const seqs = seen.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(activityLines()).toEqual(['Dana Reyes assigned this to Eli Park']);
  });

  it('takes "assign to me" as joining too, and joins nobody twice', async () => {
    await assign(eli, { type: 'user', id: ids.eli });
    await assign(eli, { type: 'team', id: ids.team });
    const back = await assign(eli, { type: 'user', id: ids.eli });

    expect(back.body.conversation.participantIds).toEqual([ids.eli]);
    const joins = (await settled()).filter((event) => event.event === 'conversation:joined');
    expect(joins).toEqual([{ event: 'conversation:joined', userId: ids.eli, actor: 'Eli Park' }]);
  });

  it('adds nobody for a team or for unassigning', async () => {
    await assign(dana, { type: 'team', id: ids.team });
    const none = await assign(dana, null);

    expect(none.body.conversation.participantIds).toEqual([]);
    expect((await settled()).map((event) => event.event)).not.toContain('conversation:joined');
  });

  it('joins a first assignee given when a counselor starts a thread', async () => {
    const contact = factories(h).contact({ firstName: 'Leo', phone: '+14155550111' });
    const created = await dana.post('/api/conversations', {
      name: 'Transcripts',
      numberId: ids.number,
      contactId: contact.id,
      assignee: { type: 'user', id: ids.eli },
      text: 'We got your transcript.',
    });

    expect(created.status).toBe(201);
    expect(created.body.conversation.participantIds).toEqual([ids.dana, ids.eli]);
    const events = (await settled()).map((event) => event.event);
    expect(events.indexOf('conversation:joined')).toBeGreaterThan(
      events.indexOf('conversation:assigned'),
    );
  });
});

describe('replying makes the sender a participant, visibly', () => {
  it('writes one activity line after the first reply only', async () => {
    const path = `/api/conversations/${conversationId}/messages`;
    expect((await dana.post(path, { text: 'Yes, Friday at ten.', force: true })).status).toBe(201);
    expect((await dana.post(path, { text: 'See you then.', force: true })).status).toBe(201);

    const events = await settled();
    expect(events.filter((event) => event.event === 'conversation:joined')).toHaveLength(1);
    expect(activityLines()).toEqual(['Dana Reyes joined the conversation by replying']);
    const texts = events.map((event) => event.text).filter(Boolean);
    expect(texts.slice(0, 2)).toEqual([
      'Yes, Friday at ten.',
      'Dana Reyes joined the conversation by replying',
    ]);
  });

  it('writes no line for someone who had joined before replying', async () => {
    await dana.post(`/api/conversations/${conversationId}/join`);
    await dana.post(`/api/conversations/${conversationId}/messages`, { text: 'Hi', force: true });

    expect(activityLines()).toEqual([]);
  });
});
