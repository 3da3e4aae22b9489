import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The composer's counter: SmsMeter.tsx imports exactly this (checked below).
import { countSms, MAX_MESSAGE_LENGTH, splitForCarrier } from '@shared/sms.js';

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
import { SMS_CASES } from '../shared/sms-cases.js';

const EMOJI = '\u{1F600}';

let h: Harness;
let dana: Staff;
let threadId: number;

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, user.email);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Hi, a question about my deposit' }));
  threadId = (await dana.get('/api/conversations')).body.conversations[0].id;
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  await h.app.outbox.idle();
  h.fake!.reset();
});

const send = (text: string) => dana.post(`/api/conversations/${threadId}/messages`, { text });

/** What the composer does with a text: count it with its counter and allow Send within 1600. */
const composerAccepts = (text: string) =>
  text.trim().length > 0 && countSms(text).characters <= MAX_MESSAGE_LENGTH;

describe('SMS counter shared by the composer and the server', () => {
  it('is the counter the composer imports', () => {
    const meter = readFileSync('client/src/components/common/SmsMeter.tsx', 'utf8');
    expect(meter).toMatch(/import \{[^}]*\bcountSms\b[^}]*\} from '@shared\/sms\.js';/);
  });

  it.each(SMS_CASES)('counts $name alike in the composer and the stored message', async (sms) => {
    const composer = countSms(sms.text);

    const res = await send(sms.text);

    expect(res.status).toBe(201);
    const expected = { encoding: sms.encoding, segments: sms.segments };
    expect({ encoding: composer.encoding, segments: composer.segments }).toEqual(expected);
    expect(composer.characters).toBe(sms.characters);
    expect(res.body.message).toMatchObject(expected);
    const stored = (await dana.get(`/api/conversations/${threadId}/messages`)).body.messages;
    expect(stored.find((m: { id: number }) => m.id === res.body.message.id)).toMatchObject(
      expected,
    );
  });
});

describe('POST /api/conversations/:id/messages length limit', () => {
  const limitCases = [
    { name: '1600 GSM-7 characters', text: 'a'.repeat(1600), accepted: true },
    { name: '1601 GSM-7 characters', text: 'a'.repeat(1601), accepted: false },
    { name: '800 emoji (1600 units)', text: EMOJI.repeat(800), accepted: true },
    { name: '800 emoji and a letter (1601 units)', text: `${EMOJI.repeat(800)}a`, accepted: false },
    {
      name: '1599 letters and an emoji (1601 units)',
      text: `${'a'.repeat(1599)}${EMOJI}`,
      accepted: false,
    },
    {
      name: '160 CRLF lines of 10 (1760 typed, 1600 after normalising)',
      text: `${'a'.repeat(9)}\r\n`.repeat(160),
      accepted: true,
    },
    { name: '1601 with lone CRs', text: `${'a'.repeat(9)}\r`.repeat(160) + 'a', accepted: false },
  ];

  it.each(limitCases)('agrees with the composer on $name', async ({ text, accepted }) => {
    expect(composerAccepts(text)).toBe(accepted);

    const res = await send(text);

    if (accepted) {
      expect(res.status).toBe(201);
      expect(res.body.message.text).toBe(text.replace(/\r\n?/g, '\n'));
      return;
    }
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('message_too_long');
    expect(res.body.error.details).toMatchObject({ limit: 1600 });
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('counts the limit after saved-reply fields are filled in', async () => {
    const fits = `Hi {{contact.firstName}} ${'a'.repeat(1600 - 'Hi Maya '.length)}`;
    const over = `${fits}a`;

    const accepted = await send(fits);
    const refused = await send(over);

    expect(accepted.status).toBe(201);
    expect(accepted.body.message.text).toMatch(/^Hi Maya a/);
    expect(accepted.body.message.text).toHaveLength(1600);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('message_too_long');
  });
});

describe('long texts and the carrier’s 1000-character cap', () => {
  const words = (count: number) =>
    Array.from({ length: count }, (_, index) => `word${String(index).padStart(3, '0')}`).join(' ');

  it('sends a 1,300-character text in ordered parts of ≤1000, split between words', async () => {
    const text = words(163).slice(0, 1300);
    expect(text).toHaveLength(1300);

    const res = await send(text);

    expect(res.status).toBe(201);
    const requests = await h.fake!.waitForRequests(2);
    const texts = requests.map((r) => (r.body as { text: string }).text);
    expect(texts.join('')).toBe(text);
    expect(texts).toEqual(splitForCarrier(text));
    for (const part of texts) expect(part.length).toBeLessThanOrEqual(1000);
    expect(texts[0]!.endsWith(' ')).toBe(true);
    expect(texts[1]!.startsWith('word')).toBe(true);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(2);
  });

  it('stores and shows the parts as one message whose state combines them', async () => {
    const text = words(200).slice(0, 1500);
    const res = await send(text);
    const [first, second] = await h.fake!.waitForRequests(2);
    const messageId = res.body.message.id as number;
    const status = async () =>
      (await dana.get(`/api/conversations/${threadId}/messages`)).body.messages.find(
        (m: { id: number }) => m.id === messageId,
      ).status as string;
    await h.app.outbox.idle();
    const stored = h.db.sqlite
      .prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND text = ?')
      .get(threadId, text) as { n: number };
    expect(stored.n).toBe(1);
    const receipt = (uuid: string, state: string) =>
      postWebhook(h, 'status', { message_uuid: uuid, status: state, channel: 'sms' });

    await receipt(first!.messageUuid!, 'delivered');
    expect(await status()).toBe('submitted');

    await receipt(second!.messageUuid!, 'delivered');
    expect(await status()).toBe('delivered');
  });

  it('fails the whole message when one part is rejected, saying why in plain words', async () => {
    const res = await send(words(200).slice(0, 1500));
    const [first, second] = await h.fake!.waitForRequests(2);
    await h.app.outbox.idle();

    await postWebhook(h, 'status', { message_uuid: first!.messageUuid, status: 'delivered' });
    await postWebhook(h, 'status', {
      message_uuid: second!.messageUuid,
      status: 'rejected',
      error: { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1300', title: 1300 },
    });

    const messages = (await dana.get(`/api/conversations/${threadId}/messages`)).body.messages;
    expect(messages.find((m: { id: number }) => m.id === res.body.message.id)).toMatchObject({
      status: 'rejected',
      errorCode: '1300',
      error: 'the number is not a mobile',
    });
  });
});
