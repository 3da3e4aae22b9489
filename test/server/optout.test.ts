import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  fixture,
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
let admin: Staff;
let contactId: number;
let socket: ClientSocket;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const counselor = await make.user({ name: 'Dana Reyes' });
  const boss = await make.user({ name: 'Ada Admin', role: 'admin' });
  make.number('+12025550123', 'Admissions');
  contactId = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' }).id;
  dana = await signIn(h, counselor.email);
  admin = await signIn(h, boss.email);
  socket = connect(h, dana.cookie);
  await connected(socket);
});

afterEach(async () => {
  socket.disconnect();
  await h.close();
});

const text = (body: string) => postWebhook(h, 'inbound', inboundBody({ text: body }));

async function contact() {
  return (await dana.get(`/api/contacts/${contactId}`)).body as {
    contact: { smsUnsubscribedAt: string | null };
    consent: Array<{
      kind: string;
      source: string;
      keyword: string | null;
      userName: string | null;
    }>;
    conversations: Array<{ id: number; possibleOptOut: boolean }>;
  };
}

async function thread() {
  return (await dana.get('/api/conversations')).body.conversations[0] as {
    id: number;
    possibleOptOut: boolean;
  };
}

describe('POST /webhooks/vonage/inbound opt-out keywords', () => {
  const stops = [
    'STOP',
    '  Stop. ',
    'stopall',
    'Stop All!',
    'unsubscribe',
    'Cancel.',
    'end',
    'QUIT!!',
    'revoke',
    'OptOut',
    'opt out',
    'Opt-Out',
  ];

  it.each(stops)(
    'opts the contact out on "%s", records it and pushes contact:updated',
    async (word) => {
      const updates = record(socket, 'contact:updated');

      const res = await text(word);

      expect(res.status).toBe(200);
      const after = await contact();
      expect(after.contact.smsUnsubscribedAt).not.toBeNull();
      expect(after.consent[0]).toMatchObject({ kind: 'opt_out', source: 'keyword' });
      expect(after.consent[0]).toMatchObject({ numberLabel: 'Admissions' });
      await waitFor(() =>
        updates.find((u) => u.contact.id === contactId && u.contact.smsUnsubscribedAt),
      );
    },
  );

  it.each(['START', 'unstop', ' Start! '])('opts the contact back in on "%s"', async (word) => {
    await text('STOP');
    const updates = record(socket, 'contact:updated');

    await text(word);

    const after = await contact();
    expect(after.contact.smsUnsubscribedAt).toBeNull();
    expect(after.consent.map((c) => c.kind)).toEqual(['opt_in', 'opt_out']);
    await waitFor(() => updates.find((u) => u.contact.smsUnsubscribedAt === null));
  });

  it('honours the fixture STOP body Vonage sends', async () => {
    await postWebhook(h, 'inbound', fixture('inbound-stop.json'));
    expect((await contact()).contact.smsUnsubscribedAt).not.toBeNull();
  });

  it.each(['Stop please', 'Cancel my visit', 'STOP texting me at work', 'End. Thanks'])(
    'flags "%s" as a possible opt-out without unsubscribing',
    async (words) => {
      const updates = record(socket, 'conversation:updated');

      await text(words);

      expect((await contact()).contact.smsUnsubscribedAt).toBeNull();
      expect((await thread()).possibleOptOut).toBe(true);
      await waitFor(() => updates.find((u) => u.conversation.possibleOptOut));
    },
  );

  it.each([
    'Stopping by the office tomorrow',
    'Please don’t stop sending reminders',
    'Weekend plans?',
    'Quitting soccer to focus on essays',
    'Cancellation policy?',
    'Help me with the form please',
    'info session times?',
  ])('neither opts out nor flags "%s"', async (words) => {
    await text(words);

    expect((await contact()).contact.smsUnsubscribedAt).toBeNull();
    expect((await thread()).possibleOptOut).toBe(false);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('keeps a STOP from an unknown number: a contact created later starts opted out', async () => {
    await postWebhook(h, 'inbound', inboundBody({ from: '13105550188', text: 'Stop' }));

    const created = await dana.post('/api/contacts', {
      firstName: 'Noah',
      lastName: 'Kim',
      phones: [{ number: '(310) 555-0188' }],
    });

    expect(created.status).toBe(201);
    expect(created.body.contact.smsUnsubscribedAt).not.toBeNull();
    const suppressed = h.db.sqlite.prepare('SELECT * FROM suppressions').all();
    expect(suppressed).toEqual([{ e164: '+13105550188', created_at: expect.any(String) }]);
  });
});

describe('HELP and INFO', () => {
  it.each(['HELP', 'info', ' Help? '])('answers "%s" with the office help text', async (word) => {
    const helpText = 'Admissions office, Mon–Fri 9–5. Reply STOP to opt out.';
    expect((await admin.put('/api/settings', { helpText })).status).toBe(200);

    await text(word);

    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toMatchObject({ text: helpText, to: '14155550100', from: '12025550123' });
    const { messages } = (await dana.get(`/api/conversations/${(await thread()).id}/messages`))
      .body;
    expect(messages.at(-1)).toMatchObject({
      direction: 'outbound',
      text: helpText,
      automated: 'rule',
    });
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(1);
  });
});

describe('carrier opt-out (error 1240)', () => {
  it('opts the contact out when a receipt says the recipient opted out', async () => {
    await text('Hi');
    const { id } = await thread();
    const sent = await dana.post(`/api/conversations/${id}/messages`, { text: 'Your form is in.' });
    const [request] = await h.fake!.waitForRequests(1);
    await h.app.outbox.idle();
    const updates = record(socket, 'contact:updated');
    const rejected = JSON.parse(fixture('status-rejected-opted-out.json'));

    await postWebhook(h, 'status', { ...rejected, message_uuid: request!.messageUuid });

    const after = await contact();
    expect(after.contact.smsUnsubscribedAt).not.toBeNull();
    expect(after.consent[0]).toMatchObject({ kind: 'opt_out', source: 'carrier', keyword: '1240' });
    const { messages } = (await dana.get(`/api/conversations/${id}/messages`)).body;
    expect(messages.find((m: { id: number }) => m.id === sent.body.message.id)).toMatchObject({
      status: 'rejected',
      error: 'the recipient opted out',
    });
    await waitFor(() => updates.find((u) => u.contact.smsUnsubscribedAt));
  });

  it('opts the contact out when the send itself is refused with 1240', async () => {
    await text('Hi');
    const { id } = await thread();
    h.fake!.enqueue({
      status: 422,
      body: { type: 'https://developer.vonage.com/api-errors', title: '1240', detail: 'Opted out' },
    });

    await dana.post(`/api/conversations/${id}/messages`, { text: 'Your form is in.' });

    await waitFor(() => h.fake!.requests.length === 1);
    await h.app.outbox.idle();
    const after = await contact();
    expect(after.contact.smsUnsubscribedAt).not.toBeNull();
    expect(after.consent[0]).toMatchObject({ kind: 'opt_out', source: 'carrier' });
  });
});

describe('POST /api/contacts/:id/unsubscribe and /resubscribe', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/contacts/${contactId}/unsubscribe`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('opts out and back in by hand, recording who did it, and pushes contact:updated', async () => {
    const updates = record(socket, 'contact:updated');

    const out = await dana.post(`/api/contacts/${contactId}/unsubscribe`);
    expect(out.body.contact.smsUnsubscribedAt).not.toBeNull();
    await waitFor(() => updates.length === 1);
    const back = await dana.post(`/api/contacts/${contactId}/resubscribe`);

    expect(back.body.contact.smsUnsubscribedAt).toBeNull();
    const { consent } = await contact();
    expect(consent).toMatchObject([
      { kind: 'opt_in', source: 'staff', userName: 'Dana Reyes' },
      { kind: 'opt_out', source: 'staff', userName: 'Dana Reyes' },
    ]);
    await waitFor(() => updates.length === 2);
    expect(updates[1]!.actor?.name).toBe('Dana Reyes');
  });
});

describe('POST /api/conversations/:id/opt-out/confirm', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/1/opt-out/confirm`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('unsubscribes the contact, clears the flag and pushes both changes', async () => {
    await text('Stop please');
    const { id } = await thread();
    const conversationUpdates = record(socket, 'conversation:updated');
    const contactUpdates = record(socket, 'contact:updated');

    const res = await dana.post(`/api/conversations/${id}/opt-out/confirm`);

    expect(res.status).toBe(200);
    expect(res.body.conversation.possibleOptOut).toBe(false);
    expect(res.body.contact.smsUnsubscribedAt).not.toBeNull();
    const { consent } = await contact();
    expect(consent[0]).toMatchObject({ kind: 'opt_out', source: 'staff', userName: 'Dana Reyes' });
    await waitFor(() => conversationUpdates.find((u) => !u.conversation.possibleOptOut));
    await waitFor(() => contactUpdates.find((u) => u.contact.smsUnsubscribedAt));
    const reply = await dana.post(`/api/conversations/${id}/messages`, {
      text: 'Sorry to see you go',
    });
    expect(reply.status).toBe(409);
  });

  it('answers 404 for a conversation that does not exist', async () => {
    const res = await dana.post('/api/conversations/999/opt-out/confirm');
    expect(res.status).toBe(404);
  });
});

describe('POST /api/conversations/:id/opt-out/dismiss', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/1/opt-out/dismiss`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('clears the flag, keeps the contact subscribed and pushes conversation:updated', async () => {
    await text('Cancel my visit');
    const { id } = await thread();
    const updates = record(socket, 'conversation:updated');

    const res = await dana.post(`/api/conversations/${id}/opt-out/dismiss`);

    expect(res.status).toBe(200);
    expect(res.body.conversation.possibleOptOut).toBe(false);
    expect((await contact()).contact.smsUnsubscribedAt).toBeNull();
    await waitFor(() => updates.find((u) => !u.conversation.possibleOptOut));
    expect(updates[0]!.actor?.name).toBe('Dana Reyes');
  });
});

describe('STOP from a phone that several contacts share', () => {
  it('opts out every contact with that phone, and START brings them all back', async () => {
    const parent = factories(h).contact({
      firstName: 'Rosa',
      lastName: 'Lopez',
      phone: '+14155550100',
    });

    await text('Stop');
    const after = await dana.get(`/api/contacts/${parent.id}`);
    expect((await contact()).contact.smsUnsubscribedAt).not.toBeNull();
    expect(after.body.contact.smsUnsubscribedAt).not.toBeNull();
    expect(after.body.consent[0]).toMatchObject({
      kind: 'opt_out',
      source: 'keyword',
      keyword: 'STOP',
    });

    await text('start');
    expect((await contact()).contact.smsUnsubscribedAt).toBeNull();
    expect(
      (await dana.get(`/api/contacts/${parent.id}`)).body.contact.smsUnsubscribedAt,
    ).toBeNull();
  });
});
