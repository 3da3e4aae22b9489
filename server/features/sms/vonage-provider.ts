import { Vonage } from '@vonage/server-sdk';

import { toCarrier } from '@shared/phone.js';

import type { VonageConfig } from '../../lib/config.js';
import { reasonFor } from './carrier-errors.js';
import { CarrierError, type MediaRef, type SendRequest, type SmsProvider } from './sms-provider.js';

interface SdkError {
  response?: { status?: number; headers?: Headers; json?: () => Promise<unknown> };
  code?: string;
  name?: string;
}

/** Sends through the Vonage Messages API with the real SDK; classifies its failures. */
export class VonageProvider implements SmsProvider {
  readonly name = 'vonage';
  private readonly vonage: Vonage;

  constructor(
    credentials: VonageConfig,
    apiHost: string | null,
    private readonly timeoutMs = 15_000,
  ) {
    const auth =
      credentials.kind === 'jwt'
        ? { applicationId: credentials.applicationId, privateKey: credentials.privateKey }
        : { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret };
    this.vonage = new Vonage(auth, {
      ...(apiHost ? { apiHost } : {}),
      timeout: timeoutMs,
    });
  }

  async send(request: SendRequest): Promise<{ carrierId: string }> {
    const base = { to: toCarrier(request.to), from: toCarrier(request.from), channel: 'sms' };
    const body = request.media
      ? mmsBody(base, request.media, request.text)
      : { ...base, messageType: 'text', text: request.text };

    try {
      // The SDK's own message classes add nothing here; it takes the camelCase plain object.
      const result = await withTimeout(
        this.vonage.messages.send({ ...body, clientRef: request.clientRef } as never),
        this.timeoutMs,
      );
      const carrierId = (result as { messageUUID?: string }).messageUUID;
      if (!carrierId) throw new CarrierError(true, 'no_id', 'the carrier answered without an id');
      return { carrierId };
    } catch (error) {
      throw await classify(error);
    }
  }
}

/** An MMS carries one picture (`image`) or one other file (`file`), the text as its caption. */
function mmsBody(base: { to: string; from: string }, media: MediaRef, text: string) {
  const messageType = media.contentType.startsWith('image/') ? 'image' : 'file';
  const content = text ? { url: media.url, caption: text } : { url: media.url };
  return { ...base, channel: 'mms', messageType, [messageType]: content };
}

async function classify(error: unknown): Promise<CarrierError> {
  if (error instanceof CarrierError) return error;
  const e = error as SdkError;
  const status = e.response?.status;
  if (!status) {
    return new CarrierError(true, 'network', 'the carrier could not be reached');
  }

  const retryAfter = e.response?.headers?.get?.('retry-after') ?? null;
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429)
    return new CarrierError(true, '429', 'the carrier is throttling our texts', retryAfterMs);
  if (status >= 500)
    return new CarrierError(true, String(status), 'the carrier had an error', retryAfterMs);

  const body = (await e.response?.json?.().catch(() => null)) as {
    title?: unknown;
    detail?: unknown;
  } | null;
  const code = body?.title !== undefined ? String(body.title) : String(status);
  const detail = typeof body?.detail === 'string' ? body.detail : null;
  return new CarrierError(false, code, reasonFor(/^\d+$/.test(code) ? code : null, detail ?? code));
}

export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.min(at - Date.now(), 3_600_000));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CarrierError(true, 'timeout', 'the carrier did not answer in time')),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
