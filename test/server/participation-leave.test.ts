import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  record,
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
let ids: { dana: number; eli: number };
let sockets: ClientSocket[];
let conversationId: number;

/** "Fall visit" with Maya Lopez, started by Dana with Eli as a participant. */
beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  const number = make.number('+12025550123');
  const contact = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  ids = { dana: d.id, eli: e.id };
  dana = await signIn(h, d.email);
  eli = await signIn(h, e.email);
  const created = await dana.post('/api/conversations', {
    name: 'Fall visit',
    numberId: number.id,
    contactId: contact.id,
    participantIds: [e.id],
    text: 'Your visit is on Friday.',
  });
  conversationId = created.body.conversation.id;
  sockets = [];
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

const leave = (who: Staff, id = conversationId) => who.post(`/api/conversations/${id}/leave`);

const loggedLeaves = () =>
  (
    h.db.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'conversation:left'`)
      .get() as { n: number }
  ).n;

const headSeq = () =>
  (h.db.sqlite.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;

async function live(who: Staff, lastSeq?: number) {
  const socket = connect(h, who.cookie, lastSeq === undefined ? {} : { lastSeq });
  sockets.push(socket);
  const left = record(socket, 'conversation:left');
  const lines = record(socket, 'message:created');
  await connected(socket);
  return { socket, left, lines };
}

describe('POST /api/conversations/:id/leave', () => {
  it('refuses a caller without a session, then an unknown thread', async () => {
    const anonymous = await fetch(`${h.url}/api/conversations/${conversationId}/leave`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);

    const unknown = await leave(eli, conversationId + 100);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('takes the caller out, pushes conversation:left and writes an activity line', async () => {
    const watcher = await live(dana);

    const answer = await leave(eli);

    expect(answer.status).toBe(200);
    expect(answer.body.conversation.participantIds).toEqual([ids.dana]);
    await waitFor(() => watcher.left.length && watcher.lines.length);
    expect(watcher.left).toEqual([
      {
        seq: expect.any(Number),
        conversationId,
        user: expect.objectContaining({ id: ids.eli, name: 'Eli Park' }),
        actor: { id: ids.eli, name: 'Eli Park' },
      },
    ]);
    expect(watcher.left[0]!.user).not.toHaveProperty('passwordHash');
    expect(watcher.lines.map((event) => event.message.text)).toEqual([
      'Eli Park left the conversation',
    ]);
    expect(watcher.lines[0]!.seq).toBeGreaterThan(watcher.left[0]!.seq);
  });

  it('is a no-op 200 for someone who is not a participant', async () => {
    await leave(eli);
    const watcher = await live(dana);

    const again = await leave(eli);

    expect(again.status).toBe(200);
    expect(again.body.conversation.participantIds).toEqual([ids.dana]);
    await sleep(150);
    expect(loggedLeaves()).toBe(1);
    expect(watcher.left).toEqual([]);
    expect(watcher.lines).toEqual([]);
  });

  it('replays conversation:left to a client that reconnects after missing it', async () => {
    const first = await live(dana);
    first.socket.disconnect();
    const lastSeq = headSeq();

    await leave(eli);
    const back = await live(dana, lastSeq);

    expect(back.left.map((event) => event.user.id)).toEqual([ids.eli]);
    expect(back.left[0]!.seq).toBeGreaterThan(lastSeq);
    expect(back.lines.map((event) => event.message.text)).toEqual([
      'Eli Park left the conversation',
    ]);
    await sleep(150);
    expect(back.left).toHaveLength(1);
  });
});

describe('emails after leaving', () => {
  const mailsTo = async (who: Staff) =>
    ((await who.get('/api/notifications')).body.notifications as Array<{ body: string }>).map(
      (mail) => mail.body,
    );

  /** Polls until someone's emails include a text. */
  async function mailed(who: Staff, text: string) {
    const until = Date.now() + 3000;
    while (!(await mailsTo(who)).some((body) => body.includes(text))) {
      if (Date.now() > until) throw new Error(`no email with "${text}"`);
      await sleep(20);
    }
  }

  it('stops emailing the student’s texts to the one who left, not to the others', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'Can I bring my dad?' }));
    await mailed(eli, 'Can I bring my dad?');

    await leave(eli);
    await postWebhook(h, 'inbound', inboundBody({ text: 'And my sister?' }));

    await mailed(dana, 'And my sister?');
    await sleep(100);
    const eliMails = await mailsTo(eli);
    expect(eliMails).toHaveLength(1);
    expect(eliMails[0]).toContain('Can I bring my dad?');
  });
});
