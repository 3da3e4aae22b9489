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
let make: ReturnType<typeof factories>;
let admin: Staff;
let dana: Staff;
let eli: Staff;
let danaId: number;
let eliId: number;
let observer: ClientSocket;
let admissions: { id: number; e164: string };

interface Message {
  id: number;
  kind: string;
  direction: string;
  text: string;
}

const count = (table: string) =>
  (h.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The conversations of one contact, newest activity first. */
async function threadsOf(contactId: number): Promise<Array<{ id: number; numberId: number }>> {
  return (await dana.get(`/api/contacts/${contactId}`)).body.conversations;
}

async function texts(conversationId: number): Promise<Message[]> {
  return (await dana.get(`/api/conversations/${conversationId}/messages`)).body.messages;
}

function setActivity(conversationId: number, at: string): void {
  h.db.sqlite
    .prepare('UPDATE conversations SET last_message_at = ? WHERE id = ?')
    .run(at, conversationId);
}

async function startConversation(contactId: number, numberId: number, text = 'Hello from us') {
  const res = await dana.post('/api/conversations', { name: 'Visit', numberId, contactId, text });
  expect(res.status).toBe(201);
  return res.body.conversation as { id: number };
}

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  danaId = d.id;
  eliId = e.id;
  admissions = make.number('+12025550123', 'Admissions');
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
  eli = await signIn(h, e.email);
  observer = connect(h, eli.cookie);
  await connected(observer);
});

afterEach(async () => {
  observer.disconnect();
  await h.close();
});

describe('matching an inbound text to a contact', () => {
  it.each(['(415) 555-0100', '415.555.0100', '1-415-555-0100', '+1 415 555 0100'])(
    'matches the carrier form 14155550100 to a phone typed as %j',
    async (typed) => {
      const created = await dana.post('/api/contacts', {
        firstName: 'Maya',
        lastName: 'Lopez',
        phones: [{ number: typed }],
      });
      expect(created.body.contact.phones).toEqual([{ e164: '+14155550100', mobile: true }]);

      const res = await postWebhook(h, 'inbound', inboundBody({ from: '14155550100' }));

      expect(res.body).toMatchObject({ ok: true, stored: true });
      const [thread] = await threadsOf(created.body.contact.id);
      expect(thread).toMatchObject({ numberId: admissions.id });
    },
  );

  it('matches an office number an admin typed in a local form', async () => {
    const added = await admin.post('/api/numbers', { number: '(202) 555-0188', label: 'Advising' });
    expect(added.body.number.e164).toBe('+12025550188');
    const contact = make.contact({ phone: '+14155550100' });

    const res = await postWebhook(h, 'inbound', inboundBody({ to: '12025550188' }));

    expect(res.body.stored).toBe(true);
    const [thread] = await threadsOf(contact.id);
    expect(thread!.numberId).toBe(added.body.number.id);
  });

  it('reads numbers typed without a country in the default country setting', async () => {
    const set = await admin.put('/api/settings', { defaultCountry: 'GB' });
    expect(set.body.settings.defaultCountry).toBe('GB');

    const created = await dana.post('/api/contacts', {
      firstName: 'Olly',
      lastName: 'Hughes',
      phones: [{ number: '07400 123456' }, { number: '+1 415 555 0100' }],
    });
    expect(created.body.contact.phones.map((p: { e164: string }) => p.e164)).toEqual([
      '+447400123456',
      '+14155550100',
    ]);
    const res = await postWebhook(h, 'inbound', inboundBody({ from: '447400123456' }));
    expect(res.body.stored).toBe(true);
  });

  it('reads a number typed without a country as a US number by default', async () => {
    const created = await dana.post('/api/contacts', {
      firstName: 'Olly',
      lastName: 'Hughes',
      phones: [{ number: '07400 123456' }],
    });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('invalid_phone');
  });
});

describe('one thread per student number and office number', () => {
  it('keeps a thread per office number and replies from each thread’s number', async () => {
    const advising = make.number('+12025550188', 'Advising');
    const contact = make.contact({ phone: '+14155550100' });

    await postWebhook(h, 'inbound', inboundBody({ to: '12025550123', text: 'to admissions' }));
    await postWebhook(h, 'inbound', inboundBody({ to: '12025550188', text: 'to advising' }));
    await postWebhook(h, 'inbound', inboundBody({ to: '12025550188', text: 'advising again' }));

    const threads = await threadsOf(contact.id);
    expect(threads).toHaveLength(2);
    const onAdvising = threads.find((t) => t.numberId === advising.id)!;
    const onAdmissions = threads.find((t) => t.numberId === admissions.id)!;
    expect((await texts(onAdvising.id)).map((m) => m.text)).toEqual([
      'to advising',
      'advising again',
    ]);

    await dana.post(`/api/conversations/${onAdvising.id}/messages`, { text: 'From advising' });
    await dana.post(`/api/conversations/${onAdmissions.id}/messages`, { text: 'From admissions' });

    const requests = await h.fake!.waitForRequests(2);
    const sent = requests.map((r) => r.body as { from: string; to: string; text: string });
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: '12025550188', to: '14155550100', text: 'From advising' }),
        expect.objectContaining({
          from: '12025550123',
          to: '14155550100',
          text: 'From admissions',
        }),
      ]),
    );
  });

  it('stores every text of a student in the one thread, whoever starts it', async () => {
    const contact = make.contact({ phone: '+14155550100' });
    const started = await startConversation(contact.id, admissions.id);

    await postWebhook(h, 'inbound', inboundBody({ text: 'Thanks!' }));

    expect(await threadsOf(contact.id)).toHaveLength(1);
    const messages = await texts(started.id);
    expect(messages.filter((m) => m.kind === 'sms').map((m) => m.text)).toEqual([
      'Hello from us',
      'Thanks!',
    ]);
  });
});

describe('a text to a number that is not ours', () => {
  it('refuses the drop counters to a request without a session', async () => {
    const res = await fetch(`${h.url}/api/admin/stats`);
    expect(res.status).toBe(401);
  });

  it('answers 200, attaches to no thread and is counted for admins', async () => {
    make.contact({ phone: '+14155550100' });
    const created = record(observer, 'message:created');

    const res = await postWebhook(h, 'inbound', inboundBody({ to: '13125550100' }));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, stored: false });
    expect(count('conversations')).toBe(0);
    expect(count('messages')).toBe(0);
    const stats = await admin.get('/api/admin/stats');
    expect(stats.body.foreignNumbers.count).toBe(1);
    expect(stats.body.foreignNumbers.lastAt).toEqual(expect.any(String));
    expect((await dana.get('/api/admin/stats')).status).toBe(403);
    await sleep(100);
    expect(created).toHaveLength(0);
  });
});

describe('contacts who share a phone', () => {
  let student: { id: number };
  let parent: { id: number };

  beforeEach(() => {
    student = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
    parent = make.contact({ firstName: 'Rosa', lastName: 'Lopez', phone: '+14155550100' });
  });

  it('sends the text to the most recently active of their threads', async () => {
    const studentThread = await startConversation(student.id, admissions.id);
    const parentThread = await startConversation(parent.id, admissions.id);
    setActivity(studentThread.id, '2030-01-02T00:00:00.000Z');
    setActivity(parentThread.id, '2030-01-01T00:00:00.000Z');

    await postWebhook(h, 'inbound', inboundBody({ text: 'for the latest thread' }));
    setActivity(studentThread.id, '2030-01-02T00:00:00.000Z');
    setActivity(parentThread.id, '2030-01-03T00:00:00.000Z');
    await postWebhook(h, 'inbound', inboundBody({ text: 'now the other one' }));

    expect((await texts(studentThread.id)).map((m) => m.text)).toContain('for the latest thread');
    expect((await texts(parentThread.id)).map((m) => m.text)).toContain('now the other one');
    expect(count('conversations')).toBe(2);
  });

  it('prefers a thread on the texted office number to a newer one elsewhere', async () => {
    const advising = make.number('+12025550188', 'Advising');
    const studentThread = await startConversation(student.id, admissions.id);
    const parentThread = await startConversation(parent.id, advising.id);
    setActivity(studentThread.id, '2030-01-01T00:00:00.000Z');
    setActivity(parentThread.id, '2030-01-05T00:00:00.000Z');

    await postWebhook(h, 'inbound', inboundBody({ to: '12025550123', text: 'to admissions' }));

    expect((await texts(studentThread.id)).map((m) => m.text)).toContain('to admissions');
    expect(count('conversations')).toBe(2);
  });

  it('opens a thread here for the contact most recently active elsewhere', async () => {
    const advising = make.number('+12025550188', 'Advising');
    const aunt = make.contact({ firstName: 'Ana', lastName: 'Lopez', phone: '+14155550100' });
    const parentThread = await startConversation(parent.id, advising.id);
    const otherThread = await startConversation(aunt.id, advising.id);
    setActivity(parentThread.id, '2030-01-05T00:00:00.000Z');
    setActivity(otherThread.id, '2030-01-01T00:00:00.000Z');

    await postWebhook(h, 'inbound', inboundBody({ to: '12025550123', text: 'new number' }));

    const [opened] = (await threadsOf(parent.id)).filter((t) => t.numberId === admissions.id);
    expect(opened).toBeDefined();
    expect((await texts(opened!.id)).map((m) => m.text)).toEqual(['new number']);
    expect(await threadsOf(student.id)).toHaveLength(0);
  });
});

describe('POST /api/conversations/:id/close and /reopen', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/1/close`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('closes and reopens a thread, telling every client and noting who did it', async () => {
    const contact = make.contact({ phone: '+14155550100' });
    const { id } = await startConversation(contact.id, admissions.id);
    const updates = record(observer, 'conversation:updated');

    const closed = await dana.post(`/api/conversations/${id}/close`);
    expect(closed.body.conversation.status).toBe('closed');
    await waitFor(() => updates.find((u) => u.conversation.status === 'closed'));
    expect((await dana.get('/api/conversations?status=closed')).body.conversations).toHaveLength(1);

    const reopened = await dana.post(`/api/conversations/${id}/reopen`);
    expect(reopened.body.conversation.status).toBe('open');
    await waitFor(() => updates.find((u) => u.conversation.status === 'open'));
    expect(updates.map((u) => u.actor?.name)).toEqual(['Dana Reyes', 'Dana Reyes']);
    const activity = (await texts(id)).filter((m) => m.kind === 'activity').map((m) => m.text);
    expect(activity).toEqual([
      'Dana Reyes closed the conversation',
      'Dana Reyes reopened the conversation',
    ]);
  });

  it('reopens the same closed thread on a student text, with its history in order', async () => {
    const contact = make.contact({ phone: '+14155550100' });
    const { id } = await startConversation(contact.id, admissions.id, 'Your visit is Friday');
    await postWebhook(h, 'inbound', inboundBody({ text: 'Great, thanks' }));
    await dana.post(`/api/conversations/${id}/close`);
    const updates = record(observer, 'conversation:updated');

    await postWebhook(h, 'inbound', inboundBody({ text: 'One more question' }));

    await waitFor(() =>
      updates.find((u) => u.conversation.id === id && u.conversation.status === 'open'),
    );
    expect(count('conversations')).toBe(1);
    const history = (await texts(id)).map((m) => `${m.kind}:${m.text}`);
    expect(history).toEqual([
      'sms:Your visit is Friday',
      'sms:Great, thanks',
      'activity:Dana Reyes closed the conversation',
      'activity:A new text from the student reopened the conversation',
      'sms:One more question',
    ]);
  });
});

describe('POST /api/conversations', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', numberId: 1, contactId: 1, text: 'hi' }),
    });
    expect(res.status).toBe(401);
  });

  it('creates the thread with the creator first and sends the first text in one step', async () => {
    const contact = make.contact({ phone: '+14155550100' });
    const team = (await admin.post('/api/teams', { name: 'Admissions', memberIds: [eliId] })).body
      .team;
    const created = record(observer, 'conversation:created');

    const res = await dana.post('/api/conversations', {
      name: 'Fall visit',
      numberId: admissions.id,
      contactId: contact.id,
      participantIds: [eliId],
      assignee: { type: 'team', id: team.id },
      text: 'Hi Maya, your visit is booked.',
    });

    expect(res.status).toBe(201);
    expect(res.body.conversation).toMatchObject({
      name: 'Fall visit',
      status: 'open',
      phone: '+14155550100',
      numberId: admissions.id,
      participantIds: [danaId, eliId],
      assignee: { type: 'team', id: team.id },
    });
    expect(res.body.message).toMatchObject({ direction: 'outbound', status: 'queued' });
    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toMatchObject({ from: '12025550123', to: '14155550100' });
    await waitFor(() => created.length);
    expect(created[0]!.conversation.id).toBe(res.body.conversation.id);
  });

  it('lists the creator first even when a participant has a lower id', async () => {
    const contact = make.contact({ phone: '+14155550100' });

    const res = await eli.post('/api/conversations', {
      name: 'Order',
      numberId: admissions.id,
      contactId: contact.id,
      participantIds: [danaId],
      text: 'Hello',
    });

    expect(res.body.conversation.participantIds).toEqual([eliId, danaId]);
  });

  it('puts the text into the existing thread, reopening it, and says so', async () => {
    const contact = make.contact({ phone: '+14155550100' });
    const first = await startConversation(contact.id, admissions.id);
    await dana.post(`/api/conversations/${first.id}/close`);

    const res = await dana.post('/api/conversations', {
      name: 'Another name',
      numberId: admissions.id,
      contactId: contact.id,
      text: 'Following up',
    });

    expect(res.status).toBe(200);
    expect(res.body.existing).toBe(true);
    expect(res.body.conversation).toMatchObject({ id: first.id, status: 'open', name: 'Visit' });
    const sms = (await texts(first.id)).filter((m) => m.kind === 'sms').map((m) => m.text);
    expect(sms).toEqual(['Hello from us', 'Following up']);
  });

  it('refuses a contact without a mobile number', async () => {
    const contact = make.contact({ phone: '+442079460018', mobile: false });

    const res = await dana.post('/api/conversations', {
      name: 'Landline',
      numberId: admissions.id,
      contactId: contact.id,
      text: 'Hello',
    });

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('no_mobile_number');
    expect(count('conversations')).toBe(0);
  });
});
