import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { category } from '../../lib/logger.js';
import type { EventLog } from '../realtime/event-log.js';
import { OPTED_OUT_CODE } from './carrier-errors.js';
import type { ReceiptService } from './receipts.js';
import { CarrierError, type MediaRef, type SmsProvider } from './sms-provider.js';

export interface OutboxOptions {
  /** First retry delay; doubled per attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  concurrency: number;
}

export const DEFAULT_OUTBOX: OutboxOptions = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 6,
  concurrency: 4,
};

interface DuePart {
  id: number;
  message_id: number;
  conversation_id: number;
  part_index: number;
  text: string;
  attempts: number;
  from_e164: string;
  to_e164: string;
  unsubscribed: string | null;
}

/**
 * The durable outbox. Parts are rows in message_parts written with the message; this worker
 * sends each due part once at a time per conversation (so parts and replies stay in order),
 * retries transient failures with backoff, and fails a part with a reason when it gives up.
 *
 * The one duplicate it cannot rule out: a crash after the carrier accepted a part and before its
 * id was written. On restart that part is `sending` and goes out again.
 */
export class Outbox {
  private readonly inFlight = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly log;
  private readonly statements;

  constructor(
    private readonly deps: Deps,
    private readonly events: EventLog,
    private readonly sms: SmsProvider,
    private readonly receipts: ReceiptService,
    private readonly mediaOf: (messageId: number) => MediaRef[],
    private readonly options: OutboxOptions = DEFAULT_OUTBOX,
  ) {
    this.log = category(deps.logger, 'sms');
    const { sqlite } = deps.db;
    this.statements = {
      due: sqlite.prepare<[string, number], DuePart>(
        `SELECT p.id, p.message_id, p.conversation_id, p.part_index, p.text, p.attempts,
           n.e164 AS from_e164, c.phone AS to_e164, ct.sms_unsubscribed_at AS unsubscribed
         FROM message_parts p
         JOIN conversations c ON c.id = p.conversation_id
         JOIN office_numbers n ON n.id = c.number_id
         JOIN contacts ct ON ct.id = c.contact_id
         WHERE p.send_state = 'pending' AND p.next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM message_parts q WHERE q.conversation_id = p.conversation_id
             AND q.id < p.id AND q.send_state IN ('pending', 'sending'))
         ORDER BY p.id LIMIT ?`,
      ),
      nextDue: sqlite.prepare<[], { at: string | null }>(
        `SELECT MIN(next_attempt_at) AS at FROM message_parts WHERE send_state = 'pending'`,
      ),
      claim: sqlite.prepare<[string, number]>(
        `UPDATE message_parts SET send_state = 'sending', attempts = attempts + 1, updated_at = ?
         WHERE id = ? AND send_state = 'pending'`,
      ),
      sent: sqlite.prepare<[string, string, number]>(
        `UPDATE message_parts SET send_state = 'sent', carrier_id = ?, updated_at = ? WHERE id = ?`,
      ),
      retryLater: sqlite.prepare<[string, string, string, string, number]>(
        `UPDATE message_parts SET send_state = 'pending', next_attempt_at = ?, error_code = ?,
           error = ?, updated_at = ? WHERE id = ?`,
      ),
      failPart: sqlite.prepare<[string, number]>(
        `UPDATE message_parts SET send_state = 'failed', updated_at = ? WHERE id = ?`,
      ),
      restOf: sqlite.prepare<[number, number], { id: number }>(
        `SELECT id FROM message_parts WHERE message_id = ? AND part_index > ?
           AND send_state IN ('pending', 'sending')`,
      ),
      resetSending: sqlite.prepare(
        `UPDATE message_parts SET send_state = 'pending' WHERE send_state = 'sending'`,
      ),
    };
  }

  /** Resumes every part still due, including ones a crash left mid-send. */
  start(): void {
    this.stopped = false;
    const resumed = this.statements.resetSending.run().changes;
    if (resumed) this.log.warn({ parts: resumed }, 'resuming parts interrupted mid-send');
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    setImmediate(() => this.tick());
  }

  /** Stops taking new parts and waits for the calls in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when nothing is pending or in flight (tests and shutdown). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const pending = this.statements.nextDue.get()?.at;
      if (!pending && this.running.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('outbox did not drain in time');
  }

  private tick(): void {
    if (this.stopped) return;
    const free = this.options.concurrency - this.inFlight.size;
    if (free > 0) {
      const due = this.statements.due.all(nowIso(this.deps), free + this.inFlight.size);
      for (const part of due) {
        if (this.inFlight.size >= this.options.concurrency) break;
        if (this.inFlight.has(part.conversation_id)) continue;
        this.launch(part);
      }
    }
    this.scheduleNext();
  }

  private scheduleNext(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = this.statements.nextDue.get()?.at;
    if (!at || this.stopped) return;
    const delay = Math.max(0, Math.min(Date.parse(at) - this.deps.clock.now().getTime(), 60_000));
    this.timer = setTimeout(() => this.tick(), delay + 5);
    this.timer.unref();
  }

  private launch(part: DuePart): void {
    if (this.statements.claim.run(nowIso(this.deps), part.id).changes === 0) return;
    this.inFlight.add(part.conversation_id);
    const run = this.send(part).finally(() => {
      this.inFlight.delete(part.conversation_id);
      this.running.delete(run);
      this.wake();
    });
    this.running.add(run);
  }

  private async send(part: DuePart): Promise<void> {
    if (part.unsubscribed) {
      this.fail(part, 'contact_unsubscribed', 'the contact opted out before it was sent');
      return;
    }
    // A message's files ride one per request, on its first parts in upload order.
    const media = this.mediaOf(part.message_id)[part.part_index];
    try {
      const { carrierId } = await this.sms.send({
        from: part.from_e164,
        to: part.to_e164,
        text: part.text,
        clientRef: `part-${part.id}`,
        ...(media ? { media } : {}),
      });
      this.events.transact((tx) => {
        this.statements.sent.run(carrierId, nowIso(this.deps), part.id);
        this.receipts.setPartStatus(tx, part.id, part.message_id, 'submitted', null, null);
        this.receipts.applyParked(tx, carrierId);
      });
      this.log.info({ messageId: part.message_id, part: part.part_index }, 'sms submitted');
    } catch (error) {
      this.handleFailure(part, error);
    }
  }

  private handleFailure(part: DuePart, error: unknown): void {
    const carrier =
      error instanceof CarrierError
        ? error
        : new CarrierError(true, 'internal', 'the text could not be handed to the carrier');
    if (!(error instanceof CarrierError)) this.log.error({ err: error }, 'unexpected send failure');

    const attempts = part.attempts + 1;
    if (!carrier.transient || attempts >= this.options.maxAttempts) {
      const reason = carrier.transient
        ? `${carrier.reason} (gave up after ${attempts} tries)`
        : carrier.reason;
      this.fail(part, carrier.code, reason);
      return;
    }

    const backoff = Math.min(
      this.options.baseDelayMs * 2 ** (attempts - 1),
      this.options.maxDelayMs,
    );
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    const delay = Math.max(jittered, carrier.retryAfterMs ?? 0);
    const now = this.deps.clock.now();
    const at = new Date(now.getTime() + delay).toISOString();
    this.statements.retryLater.run(at, carrier.code, carrier.reason, now.toISOString(), part.id);
    this.log.warn(
      { messageId: part.message_id, attempts, delayMs: Math.round(delay), code: carrier.code },
      'sms send will be retried',
    );
  }

  private fail(part: DuePart, code: string, reason: string): void {
    this.events.transact((tx) => {
      const now = nowIso(this.deps);
      const ids = [
        part.id,
        ...this.statements.restOf.all(part.message_id, part.part_index).map((r) => r.id),
      ];
      for (const id of ids) {
        this.statements.failPart.run(now, id);
        this.receipts.setPartStatus(tx, id, part.message_id, 'failed', code, reason);
      }
      if (code === OPTED_OUT_CODE) this.receipts.carrierOptOut(tx, part);
    });
    this.log.warn({ messageId: part.message_id, code }, 'sms failed');
  }
}
