import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  type HarnessOptions,
  type Staff,
} from '../helpers/app-harness.js';
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtp.js';

let h: Harness | undefined;
let smtp: SmtpTestServer | undefined;
let silent: { server: Server; sockets: Set<Socket> } | undefined;

interface Office {
  dana: Staff;
  eli: Staff;
  sam: Staff;
  emails: { dana: string; eli: string; sam: string };
  conversationId: number;
}

/**
 * Starts the app and a thread "Fall visit" with Maya Lopez, created by Dana with Eli as a
 * participant; Sam is staff but not in the thread.
 */
async function startOffice(options: HarnessOptions = {}): Promise<Office> {
  h = await startHarness(options);
  const make = factories(h);
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  const s = await make.user({ name: 'Sam Ortiz' });
  const number = make.number('+12025550123');
  const contact = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  const dana = await signIn(h, d.email);
  const created = await dana.post('/api/conversations', {
    name: 'Fall visit',
    numberId: number.id,
    contactId: contact.id,
    participantIds: [e.id],
    text: 'Your visit is on Friday.',
  });
  expect(created.status).toBe(201);
  return {
    dana,
    eli: await signIn(h, e.email),
    sam: await signIn(h, s.email),
    emails: { dana: d.email, eli: e.email, sam: s.email },
    conversationId: created.body.conversation.id,
  };
}

/** A TCP server on loopback that accepts connections and never says a word. */
async function startSilentServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  silent = { server, sockets };
  return `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Polls an async check until it gives a value. */
async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const storedTexts = () =>
  (
    h!.db.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM messages WHERE direction = 'inbound'`)
      .get() as { n: number }
  ).n;

afterEach(async () => {
  await h?.close();
  await smtp?.close();
  if (silent) {
    for (const socket of silent.sockets) socket.destroy();
    await new Promise((resolve) => silent!.server.close(resolve));
  }
  h = undefined;
  smtp = undefined;
  silent = undefined;
});

describe('participant email over SMTP', () => {
  it('emails every participant each student text, with names, the text and a link', async () => {
    smtp = await startSmtpServer();
    const office = await startOffice({ env: { SMTP_URL: smtp.url } });

    const res = await postWebhook(h!, 'inbound', inboundBody({ text: 'Can I bring my dad?' }));

    expect(res.status).toBe(200);
    const mails = await smtp.waitFor(2);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(
      [office.emails.dana, office.emails.eli].sort(),
    );
    for (const mail of mails) {
      expect(mail.subject).toBe('Maya Lopez texted: Fall visit');
      expect(mail.text).toContain('Maya Lopez sent a text in "Fall visit"');
      expect(mail.text).toContain('Can I bring my dad?');
      expect(mail.text).toContain(`http://127.0.0.1:3999/c/${office.conversationId}`);
    }
    await sleep(200);
    expect(smtp.messages).toHaveLength(2);
  });

  it('emails each later text too, and a participant who joined', async () => {
    smtp = await startSmtpServer();
    const office = await startOffice({ env: { SMTP_URL: smtp.url } });
    await postWebhook(h!, 'inbound', inboundBody({ text: 'first' }));
    await smtp.waitFor(2);
    await office.sam.post(`/api/conversations/${office.conversationId}/join`);

    await postWebhook(h!, 'inbound', inboundBody({ text: 'second' }));

    const mails = await smtp.waitFor(5);
    const second = mails.filter((m) => m.text.includes('second'));
    expect(second.flatMap((m) => m.to).sort()).toEqual(
      [office.emails.dana, office.emails.eli, office.emails.sam].sort(),
    );
  });

  it('sends nothing to a participant who turned these emails off', async () => {
    smtp = await startSmtpServer();
    const office = await startOffice({ env: { SMTP_URL: smtp.url } });
    const off = await office.eli.patch('/api/me', { emailNotifications: false });
    expect(off.body.user.emailNotifications).toBe(false);

    await postWebhook(h!, 'inbound', inboundBody({ text: 'Only Dana hears this' }));

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual([office.emails.dana]);
    await sleep(200);
    expect(smtp.messages).toHaveLength(1);
  });

  it('answers the webhook at once when the SMTP server never replies', async () => {
    const url = await startSilentServer();
    await startOffice({ env: { SMTP_URL: url } });

    const first = await postWebhook(h!, 'inbound', inboundBody({ text: 'one' }));
    const second = await postWebhook(h!, 'inbound', inboundBody({ text: 'two' }));

    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.stored, second.body.stored]).toEqual([true, true]);
    expect(storedTexts()).toBe(2);
    await waitFor(() => silent!.sockets.size > 0);
  });
});

describe('GET /api/notifications', () => {
  it('refuses a request without a session', async () => {
    await startOffice();
    const res = await fetch(`${h!.url}/api/notifications`);
    expect(res.status).toBe(401);
  });

  it('keeps the emails in the in-app log without SMTP, each user seeing their own', async () => {
    const office = await startOffice();

    await postWebhook(h!, 'inbound', inboundBody({ text: 'Is parking free?' }));

    const mine = await eventually(async () => {
      const { notifications } = (await office.dana.get('/api/notifications')).body;
      return notifications.length ? notifications : undefined;
    });
    expect(mine).toEqual([
      expect.objectContaining({
        toEmail: office.emails.dana,
        subject: 'Maya Lopez texted: Fall visit',
        body: expect.stringContaining('Is parking free?'),
        createdAt: expect.any(String),
      }),
    ]);
    await eventually(
      async () => (await office.eli.get('/api/notifications')).body.notifications.length === 1,
    );
    expect((await office.sam.get('/api/notifications')).body.notifications).toEqual([]);
  });

  it('pages newest first with limit and before', async () => {
    const office = await startOffice();
    for (const text of ['one', 'two', 'three']) {
      await postWebhook(h!, 'inbound', inboundBody({ text }));
    }
    await eventually(
      async () => (await office.dana.get('/api/notifications')).body.notifications.length === 3,
    );

    const page = (await office.dana.get('/api/notifications?limit=2')).body.notifications;
    const rest = (await office.dana.get(`/api/notifications?before=${page[1].id}`)).body
      .notifications;

    expect(page.map((n: { body: string }) => n.body.split('\n')[2])).toEqual(['three', 'two']);
    expect(rest.map((n: { body: string }) => n.body.split('\n')[2])).toEqual(['one']);
  });
});
