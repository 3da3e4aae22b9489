import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { png } from '../helpers/media-files.js';

let h: Harness;
let make: ReturnType<typeof factories>;
let dana: Staff;
let contactId: number;
let numbers: Array<{ id: number }>;
let threadId: number;

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  numbers = [make.number('+12025550123', 'Admissions'), make.number('+12025550124', 'Advising')];
  contactId = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' }).id;
  dana = await signIn(h, user.email);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Hi' }));
  threadId = (await dana.get('/api/conversations')).body.conversations[0].id;
});

afterEach(async () => {
  await h.close();
});

const optOut = () => postWebhook(h, 'inbound', inboundBody({ text: 'STOP' }));

const messageCount = () =>
  (
    h.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM messages WHERE kind = 'sms'`).get() as {
      n: number;
    }
  ).n;

async function expectRefused(res: { status: number; body: any }) {
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('contact_unsubscribed');
  await sleep(150);
  expect(h.fake!.requests).toHaveLength(0);
}

describe('opt-out send guard', () => {
  it('refuses a reply to an opted-out contact without calling the carrier', async () => {
    await optOut();
    const before = messageCount();

    const res = await dana.post(`/api/conversations/${threadId}/messages`, {
      text: 'Still there?',
    });

    await expectRefused(res);
    expect(messageCount()).toBe(before);
  });

  it('refuses a saved reply with fields to an opted-out contact', async () => {
    await optOut();

    const res = await dana.post(`/api/conversations/${threadId}/messages`, {
      text: 'Hi {{contact.firstName|there}}, your deposit is due May 1.',
    });

    await expectRefused(res);
  });

  it('refuses a picture to an opted-out contact', async () => {
    const upload = await fetch(`${h.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie: dana.cookie, 'content-type': 'image/png', 'x-file-name': 'dot.png' },
      body: new Uint8Array(png(4, 3)),
    });
    const { attachment } = await upload.json();
    await optOut();

    const res = await dana.post(`/api/conversations/${threadId}/messages`, {
      text: '',
      attachmentIds: [attachment.id],
    });

    await expectRefused(res);
  });

  it.each([0, 1])('refuses a new conversation from office number %i', async (index) => {
    await optOut();
    const threads = () =>
      (h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n;
    const before = threads();

    const res = await dana.post('/api/conversations', {
      name: 'Deposit',
      numberId: numbers[index]!.id,
      contactId,
      text: 'Hi Maya, a quick note on your deposit.',
    });

    await expectRefused(res);
    expect(threads()).toBe(before);
  });

  it('sends no HELP answer to an opted-out contact', async () => {
    await optOut();

    const res = await postWebhook(h, 'inbound', inboundBody({ text: 'HELP' }));

    expect(res.status).toBe(200);
    await sleep(200);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('refuses to retry a failed message once the contact opted out', async () => {
    h.fake!.enqueue({ status: 422 });
    const sent = await dana.post(`/api/conversations/${threadId}/messages`, { text: 'Form?' });
    await h.fake!.waitForRequests(1);
    await h.app.outbox.idle();
    await optOut();

    const res = await dana.post(`/api/messages/${sent.body.message.id}/retry`);

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('contact_unsubscribed');
    await sleep(150);
    expect(h.fake!.requests).toHaveLength(1);
  });

  it('fails a text queued before the opt-out instead of sending it', async () => {
    await h.app.outbox.stop();
    const sent = await dana.post(`/api/conversations/${threadId}/messages`, { text: 'Queued' });
    await optOut();

    h.app.outbox.start();

    await waitFor(() => {
      const row = h.db.sqlite
        .prepare('SELECT status, error_code FROM messages WHERE id = ?')
        .get(sent.body.message.id) as { status: string; error_code: string };
      return row.status === 'failed' && row.error_code === 'contact_unsubscribed';
    });
    expect(h.fake!.requests).toHaveLength(0);
  });
});

describe('opt-out send guard on automation', () => {
  /** Two students text in for the first time; Noah was unsubscribed by staff beforehand. */
  async function twoNewStudents() {
    const noah = make.contact({ firstName: 'Noah', lastName: 'Kim', phone: '+14155550111' });
    make.contact({ firstName: 'Olivia', lastName: 'Diaz', phone: '+14155550122' });
    await dana.post(`/api/contacts/${noah.id}/unsubscribe`);

    await postWebhook(h, 'inbound', inboundBody({ from: '14155550111', text: 'Orientation?' }));
    await postWebhook(h, 'inbound', inboundBody({ from: '14155550122', text: 'Orientation?' }));
  }

  async function signInAdmin() {
    const admin = await make.user({ name: 'Ada Admin', role: 'admin' });
    return signIn(h, admin.email);
  }

  it('sends a rule’s auto-reply only to the contact who has not opted out', async () => {
    const admin = await signInAdmin();
    const rule = await admin.post('/api/rules', {
      name: 'Welcome',
      actions: [{ type: 'auto_reply', text: 'Thanks! We reply within a day.' }],
    });
    expect(rule.status).toBe(201);

    await twoNewStudents();

    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toMatchObject({ to: '14155550122' });
    await sleep(200);
    expect(h.fake!.requests).toHaveLength(1);
  });

  it('sends the bot’s reply only to the contact who has not opted out', async () => {
    const admin = await signInAdmin();
    const settings = await admin.put('/api/settings', {
      botEnabled: true,
      botHandoffText: 'Someone from our office will reply soon.',
    });
    expect(settings.status).toBe(200);

    await twoNewStudents();

    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toMatchObject({ to: '14155550122' });
    await sleep(200);
    expect(h.fake!.requests).toHaveLength(1);
  });
});
