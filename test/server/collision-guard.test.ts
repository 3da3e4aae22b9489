import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let dana: Staff;
let eli: Staff;
let conversationId: number;
let firstTextId: number;

const outboundCount = () =>
  (
    h.db.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM messages WHERE direction = 'outbound' AND kind = 'sms'`)
      .get() as {
      n: number;
    }
  ).n;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes' });
  const b = await make.user({ name: 'Eli Park' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, a.email);
  eli = await signIn(h, b.email);

  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit deadline May 1?' }));
  const [conversation] = (await dana.get('/api/conversations')).body.conversations;
  conversationId = conversation.id;
  firstTextId = conversation.lastMessageId;
});

afterEach(async () => {
  await h.close();
});

const reply = (who: Staff, body: Record<string, unknown>) =>
  who.post(`/api/conversations/${conversationId}/messages`, { text: 'Yes, May 1.', ...body });

describe('POST /api/conversations/:id/messages with draftStartedAfter', () => {
  it('refuses a held-send request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi', draftStartedAfter: 1, force: true }),
    });
    expect(res.status).toBe(401);
  });

  it('holds a reply when the student texted after the draft began; stores nothing', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'Actually, never mind, found it!' }));
    const before = outboundCount();

    const res = await reply(dana, { draftStartedAfter: firstTextId });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('newer_messages');
    expect(res.body.error.details.messages.map((m: { text: string }) => m.text)).toEqual([
      'Actually, never mind, found it!',
    ]);
    expect(outboundCount()).toBe(before);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('holds a reply when another counselor sent a text after the draft began', async () => {
    const sent = await reply(eli, { text: 'Hi Maya, yes it is.' });
    expect(sent.status).toBe(201);

    const res = await reply(dana, { draftStartedAfter: firstTextId });

    expect(res.status).toBe(409);
    expect(res.body.error.details.messages).toEqual([
      expect.objectContaining({
        id: sent.body.message.id,
        direction: 'outbound',
        text: 'Hi Maya, yes it is.',
      }),
    ]);
  });

  it('lets exactly one of two counselors answering the same text at once through', async () => {
    const answers = await Promise.all([
      reply(dana, { draftStartedAfter: firstTextId }),
      reply(eli, { draftStartedAfter: firstTextId }),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(outboundCount()).toBe(1);
  });

  it('sends when only the counselor’s own texts and activity came since the draft', async () => {
    expect(
      (await reply(dana, { draftStartedAfter: firstTextId, text: 'One moment…' })).status,
    ).toBe(201);
    await dana.post(`/api/conversations/${conversationId}/close`);

    const res = await reply(dana, { draftStartedAfter: firstTextId });

    expect(res.status).toBe(201);
  });

  it('sends anyway with force: true', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'Hello?' }));

    const res = await reply(dana, { draftStartedAfter: firstTextId, force: true });

    expect(res.status).toBe(201);
    expect(outboundCount()).toBe(1);
  });

  it('sends as before when the request carries no draftStartedAfter', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'Hello?' }));

    expect((await reply(dana, {})).status).toBe(201);
  });

  it('refuses a draftStartedAfter that is not a message id', async () => {
    const res = await reply(dana, { draftStartedAfter: 'yesterday' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});
