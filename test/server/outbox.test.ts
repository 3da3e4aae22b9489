import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { VonageProvider } from '../../server/features/sms/vonage-provider.js';
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
  type HarnessOptions,
  type Staff,
} from '../helpers/app-harness.js';
import { startFakeVonage } from '../helpers/fake-vonage.js';

let h: Harness;
let dana: Staff;
let danaEmail: string;
let threadId: number;
let sockets: ClientSocket[];

interface MessageRow {
  id: number;
  status: string;
  error: string | null;
  errorCode: string | null;
}

async function start(options: HarnessOptions = {}) {
  h = await startHarness(options);
  const make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  danaEmail = user.email;
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, danaEmail);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is my form in?' }));
  threadId = (await dana.get('/api/conversations')).body.conversations[0].id;
}

/** Stops the app (keeping its database and the fake) and starts it again on the same files. */
async function restart() {
  const { dir, fake } = h;
  for (const socket of sockets) socket.disconnect();
  sockets = [];
  await h.close({ keepFiles: true, keepFake: true });
  h = await startHarness({ dir, fake: fake! });
  dana = await signIn(h, danaEmail);
}

const send = (text: string) => dana.post(`/api/conversations/${threadId}/messages`, { text });

async function messageById(id: number): Promise<MessageRow> {
  const { messages } = (await dana.get(`/api/conversations/${threadId}/messages`)).body;
  return messages.find((m: MessageRow) => m.id === id);
}

async function waitForStatus(id: number, status: string, timeoutMs = 5000): Promise<MessageRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const message = await messageById(id);
    if (message.status === status) return message;
    if (Date.now() > until) throw new Error(`message ${id} is ${message.status}, not ${status}`);
    await sleep(25);
  }
}

const receipt = (uuid: string, status: string, title?: string) =>
  postWebhook(h, 'status', {
    message_uuid: uuid,
    status,
    channel: 'sms',
    ...(title ? { error: { type: 'https://developer.nexmo.com/api-errors', title } } : {}),
  });

beforeEach(() => {
  sockets = [];
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

describe('Outbox: transient carrier failures', () => {
  beforeEach(() => start());

  it('retries a 429 through the real SDK and sends once accepted', async () => {
    h.fake!.enqueue({ status: 429 });

    const res = await send('Your form is in.');

    expect(res.status).toBe(201);
    const [throttled, accepted] = await h.fake!.waitForRequests(2);
    expect(throttled!.behaviour).toEqual({ status: 429 });
    expect(accepted!.body).toEqual(throttled!.body);
    await waitForStatus(res.body.message.id, 'submitted');
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(2);
  });

  it('retries a 500 through the real SDK and sends once accepted', async () => {
    h.fake!.enqueue({ status: 500 });

    const res = await send('Your form is in.');

    await h.fake!.waitForRequests(2);
    await waitForStatus(res.body.message.id, 'submitted');
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(2);
  });

  it('waits at least as long as retry-after says', async () => {
    h.fake!.enqueue({ status: 429, retryAfter: 2 });

    const res = await send('Your form is in.');

    await h.fake!.waitForRequests(1);
    const part = await waitFor(
      () =>
        h.db.sqlite
          .prepare(
            `SELECT next_attempt_at AS next, updated_at AS at FROM message_parts
           WHERE message_id = ? AND error_code = '429'`,
          )
          .get(res.body.message.id) as { next: string; at: string } | undefined,
    );
    expect(Date.parse(part.next) - Date.parse(part.at)).toBeGreaterThanOrEqual(2000);
    const [first, second] = await h.fake!.waitForRequests(2, 8000);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1900);
    await waitForStatus(res.body.message.id, 'submitted');
  });

  it('gives up after a bounded number of tries and fails the message with the reason', async () => {
    sockets = [connect(h, dana.cookie)];
    await connected(sockets[0]!);
    const updates = record(sockets[0]!, 'message:updated');
    h.fake!.enqueue({ status: 500 }, { status: 500 }, { status: 503 }, { status: 500 });

    const res = await send('Your form is in.');

    const failed = await waitForStatus(res.body.message.id, 'failed');
    expect(failed.error).toBe('the carrier had an error (gave up after 4 tries)');
    expect(h.fake!.requests).toHaveLength(4);
    await waitFor(() => updates.find((u) => u.message.status === 'failed'));
    await sleep(200);
    expect(h.fake!.requests).toHaveLength(4);
  });

  it('fails at once on a request the carrier refuses, without retrying', async () => {
    h.fake!.enqueue({ status: 422 });

    const res = await send('Your form is in.');

    const failed = await waitForStatus(res.body.message.id, 'failed');
    expect(failed.error).toBe('the value of one or more parameters is invalid');
    await sleep(150);
    expect(h.fake!.requests).toHaveLength(1);
  });
});

describe('Outbox: timeouts and dropped connections', () => {
  beforeEach(async () => {
    const fake = await startFakeVonage();
    const sms = new VonageProvider(
      { kind: 'basic', apiKey: 'key', apiSecret: 'secret' },
      fake.url,
      300,
    );
    await start({ fake, app: { sms } });
  });

  it('retries a send the carrier never answers', async () => {
    h.fake!.enqueue({ hang: true });

    const res = await send('Your form is in.');

    await h.fake!.waitForRequests(2, 5000);
    await waitForStatus(res.body.message.id, 'submitted');
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(2);
  });

  it('retries a send whose connection drops', async () => {
    h.fake!.enqueue({ drop: true });

    const res = await send('Your form is in.');

    await h.fake!.waitForRequests(2, 5000);
    await waitForStatus(res.body.message.id, 'submitted');
  });
});

describe('POST /webhooks/vonage/status', () => {
  beforeEach(() => start());

  it('applies a receipt that arrives before the send call has returned', async () => {
    h.fake!.enqueue({ status: 202, delayMs: 800 });
    const res = await send('Your form is in.');
    const [request] = await h.fake!.waitForRequests(1);

    const early = await receipt(request!.messageUuid!, 'delivered');

    expect(early.body).toMatchObject({ applied: 'parked' });
    expect((await messageById(res.body.message.id)).status).toBe('queued');
    await waitForStatus(res.body.message.id, 'delivered');
    await h.app.outbox.idle();
    expect((await messageById(res.body.message.id)).status).toBe('delivered');
    const parked = h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM parked_receipts').get();
    expect(parked).toEqual({ n: 0 });
  });

  it('applies receipts that arrive twice or out of order without moving backwards', async () => {
    const res = await send('Your form is in.');
    const [request] = await h.fake!.waitForRequests(1);
    await waitForStatus(res.body.message.id, 'submitted');
    const uuid = request!.messageUuid!;

    expect((await receipt(uuid, 'delivered')).body.applied).toBe('applied');
    expect((await receipt(uuid, 'delivered')).body.applied).toBe('ignored');
    expect((await receipt(uuid, 'submitted')).body.applied).toBe('ignored');
    expect((await receipt(uuid, 'rejected', '1250')).body.applied).toBe('ignored');

    expect(await messageById(res.body.message.id)).toMatchObject({
      status: 'delivered',
      error: null,
    });
  });

  it('keeps a final failure final and words the carrier’s code plainly', async () => {
    const res = await send('Your form is in.');
    const [request] = await h.fake!.waitForRequests(1);
    await waitForStatus(res.body.message.id, 'submitted');
    const uuid = request!.messageUuid!;

    await receipt(uuid, 'undeliverable', '3');
    await receipt(uuid, 'delivered');

    expect(await messageById(res.body.message.id)).toMatchObject({
      status: 'undeliverable',
      errorCode: '3',
      error: 'the number is no longer in service',
    });
  });
});

describe('POST /api/messages/:id/retry', () => {
  beforeEach(() => start());

  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/messages/1/retry`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('really sends a failed message again', async () => {
    h.fake!.enqueue({ status: 422 });
    const res = await send('Your form is in.');
    await waitForStatus(res.body.message.id, 'failed');

    const retried = await dana.post(`/api/messages/${res.body.message.id}/retry`);

    expect(retried.status).toBe(200);
    expect(retried.body.message).toMatchObject({ status: 'queued', error: null });
    const [, again] = await h.fake!.waitForRequests(2);
    expect(again!.body).toMatchObject({ text: 'Your form is in.', to: '14155550100' });
    await waitForStatus(res.body.message.id, 'submitted');
  });

  it('sends again a message the carrier rejected in a receipt', async () => {
    const res = await send('Your form is in.');
    const [request] = await h.fake!.waitForRequests(1);
    await waitForStatus(res.body.message.id, 'submitted');
    await receipt(request!.messageUuid!, 'rejected', '1250');
    await waitForStatus(res.body.message.id, 'rejected');

    await dana.post(`/api/messages/${res.body.message.id}/retry`);

    const [, again] = await h.fake!.waitForRequests(2);
    await waitForStatus(res.body.message.id, 'submitted');
    await receipt(again!.messageUuid!, 'delivered');
    expect((await messageById(res.body.message.id)).status).toBe('delivered');
  });

  it('refuses to retry a message that has not failed', async () => {
    const res = await send('Your form is in.');
    await waitForStatus(res.body.message.id, 'submitted');

    const retried = await dana.post(`/api/messages/${res.body.message.id}/retry`);

    expect(retried.status).toBe(409);
    expect(retried.body.error.code).toBe('not_failed');
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(1);
  });
});

describe('Outbox across a restart', () => {
  beforeEach(() => start());

  it('resumes the messages pending when the server stopped, in order, once each', async () => {
    await h.app.outbox.stop();
    const first = await send('First, before the restart.');
    const long = await send(`${'Second and long. '.repeat(70)}End.`);
    expect([first.status, long.status]).toEqual([201, 201]);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(0);

    await restart();

    const requests = await h.fake!.waitForRequests(3);
    const texts = requests.map((r) => (r.body as { text: string }).text);
    expect(texts[0]).toBe('First, before the restart.');
    expect(texts.slice(1).join('')).toBe(`${'Second and long. '.repeat(70)}End.`);
    await waitForStatus(long.body.message.id, 'submitted');
    await sleep(150);
    expect(h.fake!.requests).toHaveLength(3);
  });

  it('does not send again what the carrier had accepted before the restart', async () => {
    const res = await send('Sent before the restart.');
    await waitForStatus(res.body.message.id, 'submitted');

    await restart();

    await sleep(300);
    expect(h.fake!.requests).toHaveLength(1);
    expect((await messageById(res.body.message.id)).status).toBe('submitted');
  });

  it('sends again a part a crash left mid-call: the one documented duplicate', async () => {
    await h.app.outbox.stop();
    const res = await send('Caught mid-send.');
    h.db.sqlite
      .prepare(`UPDATE message_parts SET send_state = 'sending', attempts = 1 WHERE message_id = ?`)
      .run(res.body.message.id);

    await restart();

    await h.fake!.waitForRequests(1);
    await waitForStatus(res.body.message.id, 'submitted');
    await sleep(150);
    expect(h.fake!.requests).toHaveLength(1);
  });
});
