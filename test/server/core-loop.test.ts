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
  startHarness,
  waitFor,
  sleep,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { tamperedSignature } from '../helpers/vonage-signature.js';

let h: Harness;
let dana: Staff;
let eli: Staff;
let sockets: ClientSocket[];
let conversationCount: () => number;
let messageCount: () => number;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes' });
  const b = await make.user({ name: 'Eli Park' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, a.email);
  eli = await signIn(h, b.email);
  sockets = [connect(h, dana.cookie), connect(h, eli.cookie)];
  await Promise.all(sockets.map((s) => connected(s)));
  conversationCount = () =>
    (h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n;
  messageCount = () =>
    (h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

describe('POST /webhooks/vonage/inbound', () => {
  it('delivers a signed inbound text to both counselors exactly once', async () => {
    const [onDana, onEli] = sockets.map((s) => record(s, 'message:created'));
    const created = record(sockets[0]!, 'conversation:created');

    const res = await postWebhook(h, 'inbound', fixture('inbound-sms.json'));

    expect(res.status).toBe(200);
    await waitFor(() => onDana!.length && onEli!.length);
    await sleep(100);
    for (const seen of [onDana!, onEli!]) {
      expect(seen).toHaveLength(1);
      expect(seen[0]!.message).toMatchObject({
        direction: 'inbound',
        text:
          'Hi, is the deposit deadline still May 1? I sent my form yesterday but the portal ' +
          'says pending.',
        status: 'received',
        encoding: 'GSM-7',
        segments: 1,
      });
      expect(seen[0]!.seq).toBeGreaterThan(0);
    }
    expect(created).toHaveLength(1);
    expect(created[0]!.conversation).toMatchObject({ phone: '+14155550100', status: 'open' });
  });

  it('stores a duplicated webhook once, even when both copies arrive together', async () => {
    const body = fixture('inbound-sms.json');
    const seen = record(sockets[1]!, 'message:created');

    const answers = await Promise.all([
      postWebhook(h, 'inbound', body),
      postWebhook(h, 'inbound', body),
    ]);
    await postWebhook(h, 'inbound', body);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(messageCount()).toBe(1);
    await sleep(150);
    expect(seen).toHaveLength(1);
  });

  it('answers 401 to an unsigned or tampered webhook and stores nothing', async () => {
    const body = fixture('inbound-sms.json');
    const seen = record(sockets[0]!, 'message:created');

    const unsigned = await postWebhook(h, 'inbound', body, { sign: false });
    const wrongSecret = await postWebhook(h, 'inbound', body, {
      authorization: tamperedSignature(body, 'test-signature-secret-0123456789', 'wrong-secret'),
    });
    const bodyChanged = await postWebhook(h, 'inbound', body.replace('May 1', 'May 9'), {
      authorization: tamperedSignature(body, 'test-signature-secret-0123456789', 'body-changed'),
    });

    for (const res of [unsigned, wrongSecret, bodyChanged]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_signature');
    }
    expect(messageCount()).toBe(0);
    expect(conversationCount()).toBe(0);
    await sleep(100);
    expect(seen).toHaveLength(0);
  });

  it('drops a text from an unknown sender: stored nowhere, pushed nowhere, counted', async () => {
    const seen = record(sockets[0]!, 'message:created');

    const res = await postWebhook(h, 'inbound', inboundBody({ from: '13105550188' }));

    expect(res.status).toBe(200);
    expect(messageCount()).toBe(0);
    expect(conversationCount()).toBe(0);
    const counter = h.db.sqlite
      .prepare(`SELECT count FROM drop_counters WHERE reason = 'unknown_sender'`)
      .get();
    expect(counter).toEqual({ count: 1 });
    await sleep(100);
    expect(seen).toHaveLength(0);
  });

  it('answers 5xx when the text cannot be stored, so Vonage retries', async () => {
    h.db.sqlite.exec(`CREATE TRIGGER fail_insert BEFORE INSERT ON messages BEGIN
      SELECT RAISE(ABORT, 'disk full'); END`);

    const res = await postWebhook(h, 'inbound', fixture('inbound-sms.json'));
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(conversationCount()).toBe(0);

    h.db.sqlite.exec('DROP TRIGGER fail_insert');
    const retried = await postWebhook(h, 'inbound', fixture('inbound-sms.json'));
    expect(retried.status).toBe(200);
    expect(messageCount()).toBe(1);
  });

  it('reopens a closed thread on inbound, keeping its history', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'first' }));
    const [conversation] = (await dana.get('/api/conversations')).body.conversations;
    await dana.post(`/api/conversations/${conversation.id}/close`);
    const updates = record(sockets[1]!, 'conversation:updated');

    await postWebhook(h, 'inbound', inboundBody({ text: 'second' }));

    const messages = (await dana.get(`/api/conversations/${conversation.id}/messages`)).body
      .messages;
    expect(
      messages
        .filter((m: { kind: string }) => m.kind === 'sms')
        .map((m: { text: string }) => m.text),
    ).toEqual(['first', 'second']);
    await waitFor(() => updates.find((u) => u.conversation.status === 'open'));
    expect(conversationCount()).toBe(1);
  });
});

describe('POST /api/conversations/:id/messages', () => {
  async function thread() {
    await postWebhook(h, 'inbound', fixture('inbound-sms.json'));
    return (await dana.get('/api/conversations')).body.conversations[0] as { id: number };
  }

  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('queues a reply, sends one request to Vonage and shows the receipt to both', async () => {
    const { id } = await thread();
    const updatesOnEli = record(sockets[1]!, 'message:updated');
    const createdOnEli = record(sockets[1]!, 'message:created');

    const res = await dana.post(`/api/conversations/${id}/messages`, {
      text: 'Yes, May 1 still stands.',
    });

    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      status: 'queued',
      direction: 'outbound',
      segments: 1,
    });
    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.path).toBe('/v1/messages');
    expect(request!.body).toMatchObject({
      to: '14155550100',
      from: '12025550123',
      text: 'Yes, May 1 still stands.',
      channel: 'sms',
      message_type: 'text',
    });
    await waitFor(() => createdOnEli.find((e) => e.message.id === res.body.message.id));
    await waitFor(() => updatesOnEli.find((e) => e.message.status === 'submitted'));

    const carrierId = request!.messageUuid!;
    const delivered = JSON.parse(fixture('status-delivered.json'));
    const receipt = await postWebhook(h, 'status', { ...delivered, message_uuid: carrierId });
    expect(receipt.status).toBe(200);
    await waitFor(() => updatesOnEli.find((e) => e.message.status === 'delivered'));

    const lateSubmitted = JSON.parse(fixture('status-submitted.json'));
    await postWebhook(h, 'status', { ...lateSubmitted, message_uuid: carrierId });
    const messages = (await eli.get(`/api/conversations/${id}/messages`)).body.messages;
    expect(messages.find((m: { id: number }) => m.id === res.body.message.id).status).toBe(
      'delivered',
    );
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(1);
    expect(updatesOnEli.filter((e) => e.message.status === 'submitted')).toHaveLength(1);
  });

  it('refuses a text over 1600 characters with 422 message_too_long', async () => {
    const { id } = await thread();
    const res = await dana.post(`/api/conversations/${id}/messages`, { text: 'a'.repeat(1601) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('message_too_long');
    await sleep(50);
    expect(h.fake!.requests).toHaveLength(0);
  });
});

describe('socket connection', () => {
  it('refuses a socket without a session with unauthorized', async () => {
    const socket = connect(h, null);
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });
});

describe('joining and assigning', () => {
  it('adds the caller as participant and pushes the join and assignment to all', async () => {
    await postWebhook(h, 'inbound', fixture('inbound-sms.json'));
    const { id } = (await dana.get('/api/conversations')).body.conversations[0];
    const eliId = (await eli.get('/api/me')).body.user.id;
    const joins = record(sockets[1]!, 'conversation:joined');
    const assigned = record(sockets[1]!, 'conversation:assigned');

    const joined = await dana.post(`/api/conversations/${id}/join`);
    const assign = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: eliId },
    });

    expect(joined.status).toBe(200);
    expect(joined.body.conversation.participantIds).toHaveLength(1);
    expect(assign.body.conversation.assignee).toEqual({ type: 'user', id: eliId });
    await waitFor(() => joins.length && assigned.length);
    expect(assigned[0]).toMatchObject({
      conversationId: id,
      assignee: { type: 'user', id: eliId },
      previous: null,
    });
    expect(assigned[0]!.actor?.name).toBe('Dana Reyes');
  });
});
