import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { category } from '../../lib/logger.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { OptOutService } from '../optout/optout.service.js';
import type { Tx } from '../realtime/event-log.js';
import { OPTED_OUT_CODE, reasonFor } from './carrier-errors.js';
import { canMove, combine, type PartStatus } from './delivery-state.js';

export interface Receipt {
  carrierId: string;
  status: PartStatus;
  errorCode: string | null;
  errorDetail: string | null;
}

interface PartRow {
  id: number;
  message_id: number;
  conversation_id: number;
  status: PartStatus;
}

/**
 * Applies delivery receipts to message parts, monotonically, and re-derives each message's
 * state. A receipt for an id the outbox has not written yet is parked until it is.
 */
export class ReceiptService {
  private readonly statements;
  private readonly log;

  constructor(
    private readonly deps: Deps,
    private readonly conversations: ConversationService,
    private readonly optOut: OptOutService,
  ) {
    const { sqlite } = deps.db;
    this.log = category(deps.logger, 'sms');
    this.statements = {
      partByCarrier: sqlite.prepare<[string], PartRow>(
        'SELECT id, message_id, conversation_id, status FROM message_parts WHERE carrier_id = ?',
      ),
      setPart: sqlite.prepare<[string, string | null, string | null, string, number]>(
        `UPDATE message_parts SET status = ?, error_code = ?, error = ?, updated_at = ?
         WHERE id = ?`,
      ),
      partsOf: sqlite.prepare<
        [number],
        { status: PartStatus; error_code: string | null; error: string | null }
      >(
        `SELECT status, error_code, error FROM message_parts WHERE message_id = ?
         ORDER BY part_index`,
      ),
      messageState: sqlite.prepare<
        [number],
        { status: string; error_code: string | null; conversation_id: number }
      >('SELECT status, error_code, conversation_id FROM messages WHERE id = ?'),
      setMessage: sqlite.prepare<[string, string | null, string | null, string, number]>(
        'UPDATE messages SET status = ?, error_code = ?, error = ?, updated_at = ? WHERE id = ?',
      ),
      park: sqlite.prepare<[string, string, string | null, string | null, string]>(
        `INSERT INTO parked_receipts (carrier_id, status, error_code, error_detail, received_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      parked: sqlite.prepare<
        [string],
        { id: number; status: PartStatus; error_code: string | null; error_detail: string | null }
      >(
        `SELECT id, status, error_code, error_detail FROM parked_receipts WHERE carrier_id = ?
         ORDER BY id`,
      ),
      unpark: sqlite.prepare<[string]>('DELETE FROM parked_receipts WHERE carrier_id = ?'),
      contactOf: sqlite.prepare<[number], { contact_id: number; number_id: number }>(
        'SELECT contact_id, number_id FROM conversations WHERE id = ?',
      ),
    };
  }

  apply(tx: Tx, receipt: Receipt): 'applied' | 'ignored' | 'parked' {
    const part = this.statements.partByCarrier.get(receipt.carrierId);
    if (!part) {
      this.statements.park.run(
        receipt.carrierId,
        receipt.status,
        receipt.errorCode,
        receipt.errorDetail,
        nowIso(this.deps),
      );
      return 'parked';
    }
    return this.applyToPart(tx, part, receipt) ? 'applied' : 'ignored';
  }

  /** Applies receipts that arrived before the send recorded this carrier id. */
  applyParked(tx: Tx, carrierId: string): void {
    const rows = this.statements.parked.all(carrierId);
    if (!rows.length) return;
    this.statements.unpark.run(carrierId);
    for (const row of rows) {
      const part = this.statements.partByCarrier.get(carrierId);
      if (!part) return;
      this.applyToPart(tx, part, {
        carrierId,
        status: row.status,
        errorCode: row.error_code,
        errorDetail: row.error_detail,
      });
    }
  }

  /** Sets a part's state directly (the outbox's own outcomes) when it moves forward. */
  setPartStatus(
    tx: Tx,
    partId: number,
    messageId: number,
    status: PartStatus,
    code: string | null,
    reason: string | null,
  ) {
    this.statements.setPart.run(status, code, reason, nowIso(this.deps), partId);
    this.refreshMessage(tx, messageId);
  }

  /** Re-derives a message's state from its parts; emits `message:updated` when it changed. */
  refreshMessage(tx: Tx, messageId: number): void {
    const parts = this.statements.partsOf.all(messageId);
    const state = this.statements.messageState.get(messageId);
    if (!state || !parts.length) return;

    const status = combine(parts);
    const failed = parts.find((part) => part.status === status && part.error);
    const code = failed?.error_code ?? null;
    const reason = failed?.error ?? null;
    if (state.status === status && state.error_code === code) return;

    this.statements.setMessage.run(status, code, reason, nowIso(this.deps), messageId);
    const message = this.conversations.messages.load(messageId);
    tx.emit('message:updated', { conversationId: state.conversation_id, message, actor: null });
  }

  private applyToPart(tx: Tx, part: PartRow, receipt: Receipt): boolean {
    if (!canMove(part.status, receipt.status)) {
      this.log.debug({ partId: part.id, from: part.status, to: receipt.status }, 'receipt ignored');
      return false;
    }
    const reason =
      receipt.status === 'submitted' || receipt.status === 'delivered'
        ? null
        : reasonFor(receipt.errorCode, receipt.errorDetail);
    this.statements.setPart.run(
      receipt.status,
      receipt.errorCode,
      reason,
      nowIso(this.deps),
      part.id,
    );
    this.refreshMessage(tx, part.message_id);
    this.log.info(
      { messageId: part.message_id, status: receipt.status },
      'delivery receipt applied',
    );

    if (receipt.errorCode === OPTED_OUT_CODE) this.carrierOptOut(tx, part);
    return true;
  }

  /** Vonage error 1240 (the recipient texted STOP to the carrier) counts as an opt-out. */
  carrierOptOut(tx: Tx, part: Pick<PartRow, 'conversation_id' | 'message_id'>): void {
    const thread = this.statements.contactOf.get(part.conversation_id);
    if (!thread) return;
    this.optOut.optOut(tx, thread.contact_id, {
      source: 'carrier',
      keyword: OPTED_OUT_CODE,
      numberId: thread.number_id,
      messageId: part.message_id,
    });
  }
}
