/** What the outbox asks of a carrier: send one SMS part, answer the carrier's id. */
export interface SmsProvider {
  readonly name: 'vonage' | 'simulator';
  send(request: SendRequest): Promise<{ carrierId: string }>;
  close?(): void;
}

export interface SendRequest {
  /** E.164 with the plus; adapters convert to the carrier's form. */
  from: string;
  to: string;
  text: string;
  clientRef: string;
  /** One picture or file per request (MMS); `text` is then its caption. */
  media?: MediaRef;
}

export interface MediaRef {
  /** Public and unguessable: the carrier fetches it. */
  url: string;
  contentType: string;
}

/**
 * A failed carrier call. `transient` ones (429, 5xx, timeouts, dropped connections) are retried
 * with backoff; the rest fail the message with `reason` in plain words.
 */
export class CarrierError extends Error {
  constructor(
    readonly transient: boolean,
    readonly code: string,
    readonly reason: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(reason);
    this.name = 'CarrierError';
  }
}
