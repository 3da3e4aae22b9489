import { generateKeyPairSync } from 'node:crypto';

import { Vonage } from '@vonage/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startFakeVonage } from './fake-vonage.js';
import type { FakeVonage } from './fake-vonage.js';

const TO = '15550100';
const FROM = '15550199';
const APPLICATION_ID = '00000000-0000-4000-8000-000000000001';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

interface SdkHttpError {
  message: string;
  response: {
    status: number;
    headers: { get(name: string): string | null };
    json(): Promise<unknown>;
  };
}

function isSdkHttpError(error: unknown): error is SdkHttpError {
  return error instanceof Error && 'response' in error && error.response !== undefined;
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function outcomeOf(promise: Promise<unknown>): Promise<number | 'sent'> {
  try {
    await promise;
    return 'sent';
  } catch (error) {
    if (isSdkHttpError(error)) return error.response.status;
    throw error;
  }
}

function decodeJwtPayload(authorization: string | undefined): Record<string, unknown> {
  const token = (authorization ?? '').replace(/^Bearer /, '');
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function sendSms(vonage: Vonage, text = 'Office hours moved to 3pm') {
  return vonage.messages.send({ channel: 'sms', messageType: 'text', to: TO, from: FROM, text });
}

describe('startFakeVonage', () => {
  let fake: FakeVonage;
  let vonage: Vonage;

  beforeEach(async () => {
    fake = await startFakeVonage();
    vonage = new Vonage({ applicationId: APPLICATION_ID, privateKey }, { apiHost: fake.url });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('receives an SMS sent with JWT credentials', async () => {
    const result = await sendSms(vonage);

    const [request] = await fake.waitForRequests(1);
    expect(request?.body).toEqual({
      channel: 'sms',
      message_type: 'text',
      to: TO,
      from: FROM,
      text: 'Office hours moved to 3pm',
    });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(result.messageUUID).toBe(request?.messageUuid);
    expect(decodeJwtPayload(request?.headers.authorization)).toMatchObject({
      application_id: APPLICATION_ID,
    });
  });

  it('receives an SMS sent with Basic credentials', async () => {
    const basic = new Vonage({ apiKey: 'key123', apiSecret: 'secret456' }, { apiHost: fake.url });

    await sendSms(basic, 'Hello');

    const [request] = await fake.waitForRequests(1);
    const expected = `Basic ${Buffer.from('key123:secret456').toString('base64')}`;
    expect(request?.headers.authorization).toBe(expected);
    expect(request?.body).toMatchObject({ channel: 'sms', message_type: 'text', text: 'Hello' });
  });

  it('makes the SDK throw a 429 whose retry-after header is readable', async () => {
    fake.enqueue({ status: 429, retryAfter: 7 });

    const error = await captureError(sendSms(vonage));

    if (!isSdkHttpError(error)) throw new Error(`not an SDK HTTP error: ${String(error)}`);
    expect(error.response.status).toBe(429);
    expect(error.response.headers.get('retry-after')).toBe('7');
    expect(await error.response.json()).toMatchObject({ title: 'Rate Limit Hit' });
  });

  it('answers 500 with an RFC 7807 body', async () => {
    fake.enqueue({ status: 500 });

    const error = await captureError(sendSms(vonage));

    if (!isSdkHttpError(error)) throw new Error(`not an SDK HTTP error: ${String(error)}`);
    expect(error.response.status).toBe(500);
    expect(await error.response.json()).toMatchObject({
      type: expect.stringContaining('internal-error'),
      title: 'Internal Error',
      detail: expect.any(String),
      instance: expect.any(String),
    });
  });

  it('answers 422 with the given body', async () => {
    const body = { title: 'Invalid params', invalid_parameters: [{ name: 'to', reason: 'bad' }] };
    fake.enqueue({ status: 422, body });

    const error = await captureError(sendSms(vonage));

    if (!isSdkHttpError(error)) throw new Error(`not an SDK HTTP error: ${String(error)}`);
    expect(error.response.status).toBe(422);
    expect(await error.response.json()).toEqual(body);
  });

  it('drops the connection', async () => {
    fake.enqueue({ drop: true });

    const error = await captureError(sendSms(vonage));

    expect(error).toMatchObject({ name: 'FetchError', code: 'ECONNRESET' });
    expect(fake.requests).toHaveLength(1);
  });

  it('hangs until the SDK timeout aborts the request', async () => {
    const impatient = new Vonage(
      { applicationId: APPLICATION_ID, privateKey },
      { apiHost: fake.url, timeout: 200 },
    );
    fake.enqueue({ hang: true });

    const error = await captureError(sendSms(impatient));

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(1);
  });

  it('delays a 202 by delayMs', async () => {
    fake.enqueue({ status: 202, delayMs: 150 });
    const started = Date.now();

    await sendSms(vonage);

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('replays queued behaviours in order, then answers 202', async () => {
    fake.enqueue({ status: 500 }, { status: 429 });

    const outcomes: Array<number | 'sent'> = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      outcomes.push(await outcomeOf(sendSms(vonage)));
    }

    expect(outcomes).toEqual([500, 429, 'sent']);
  });

  it('calls onRequest hooks before answering', async () => {
    const seen: unknown[] = [];
    const unsubscribe = fake.onRequest((request) => seen.push(request.body));

    await sendSms(vonage, 'one');
    unsubscribe();
    await sendSms(vonage, 'two');

    expect(seen).toEqual([expect.objectContaining({ text: 'one' })]);
  });

  it('rejects waitForRequests when too few requests arrive', async () => {
    await expect(fake.waitForRequests(1, 50)).rejects.toThrow(/0 of 1/);
  });

  it('closes while a request is still hanging', async () => {
    fake.enqueue({ hang: true });
    const pending = captureError(sendSms(vonage));
    await fake.waitForRequests(1);

    await fake.close();

    expect(await pending).toMatchObject({ name: 'FetchError' });
  });
});
