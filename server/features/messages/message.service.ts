import type { MessageDto } from '@shared/dto.js';
import { isUsRegion } from '@shared/phone.js';
import { MAX_MESSAGE_LENGTH, normalizeText, splitForCarrier } from '@shared/sms.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { OptOutService } from '../optout/optout.service.js';
import type { Tx } from '../realtime/event-log.js';
import { fillForSending } from '../saved-replies/template-values.js';
import type { Outbox } from '../sms/outbox.js';

export interface OutboundInput {
  conversationId: number;
  text: string;
  authorId: number | null;
  automated?: MessageDto['automated'];
  attachmentIds?: string[];
  clientId?: string;
}

/**
 * The one way a text leaves Switchboard. Every outbound path — replies, new conversations,
 * rules, the bot, HELP answers — calls `queueOutbound`, so the opt-out guard, the length limit
 * and the MMS region rule cannot be walked around. The message and its outbox parts are written
 * in the caller's transaction; the outbox is woken after the commit.
 */
export class MessageService {
  private outbox: Outbox | null = null;
  private readonly statements;

  constructor(
    private readonly deps: Deps,
    private readonly conversations: ConversationService,
    private readonly optOut: OptOutService,
  ) {
    const { sqlite } = deps.db;
    this.statements = {
      insertPart: sqlite.prepare<[number, number, number, string, string, string, string]>(
        `INSERT INTO message_parts (message_id, conversation_id, part_index, text, send_state,
           status, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 'queued', ?, ?, ?)`,
      ),
      attach: sqlite.prepare<[number, string, number]>(
        `UPDATE attachments SET message_id = ? WHERE id = ? AND message_id IS NULL
           AND uploaded_by_id IS ?`,
      ),
      failedParts: sqlite.prepare<[number], { id: number }>(
        `SELECT id FROM message_parts WHERE message_id = ?
           AND (send_state = 'failed' OR status IN ('failed', 'rejected', 'undeliverable'))`,
      ),
      resetPart: sqlite.prepare<[string, string, number]>(
        `UPDATE message_parts SET send_state = 'pending', status = 'queued', attempts = 0,
           error_code = NULL, error = NULL, carrier_id = NULL, next_attempt_at = ?, updated_at = ?
         WHERE id = ?`,
      ),
      resetMessage: sqlite.prepare<[string, number]>(
        `UPDATE messages SET status = 'queued', error_code = NULL, error = NULL, updated_at = ?
         WHERE id = ?`,
      ),
    };
  }

  setOutbox(outbox: Outbox): void {
    this.outbox = outbox;
  }

  /** Checks and stores an outbound text as queued, with its outbox parts. */
  queueOutbound(tx: Tx, input: OutboundInput): MessageDto {
    const text = fillForSending(this.deps, input, normalizeText(input.text));
    const attachmentIds = input.attachmentIds ?? [];
    if (!text.trim() && !attachmentIds.length) {
      throw errors.invalidInput('text: write a message before sending');
    }
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw errors.unprocessable(
        'message_too_long',
        `Texts are limited to ${MAX_MESSAGE_LENGTH} characters; this one has ${text.length}.`,
        { length: text.length, limit: MAX_MESSAGE_LENGTH },
      );
    }

    const thread = this.conversations.row(input.conversationId);
    this.guard(thread.contact_id);
    if (attachmentIds.length && !isUsRegion(thread.phone)) {
      throw errors.unprocessable(
        'mms_not_supported',
        'Pictures and files can only be sent to US numbers; this student’s number is not one.',
      );
    }

    const message = this.conversations.appendMessage(tx, input.conversationId, {
      direction: 'outbound',
      kind: 'sms',
      text,
      status: 'queued',
      authorId: input.authorId,
      automated: input.automated ?? null,
      ...(input.clientId ? { clientId: input.clientId } : {}),
    });
    if (!message) throw new Error('outbound insert returned no row');

    for (const id of attachmentIds) {
      if (this.statements.attach.run(message.id, id, input.authorId ?? -1).changes === 0) {
        throw errors.invalidInput(`attachmentIds: ${id} is not an attachment you uploaded`);
      }
    }

    const now = nowIso(this.deps);
    // The carrier takes one file per request: a part for each, the text riding as captions.
    const parts = text ? splitForCarrier(text) : [];
    while (parts.length < Math.max(1, attachmentIds.length)) parts.push('');
    parts.forEach((part, index) => {
      this.statements.insertPart.run(message.id, input.conversationId, index, part, now, now, now);
    });
    tx.afterCommit(() => this.outbox?.wake());
    if (!attachmentIds.length) return message;
    const withFiles = this.conversations.messages.load(message.id);
    return input.clientId ? { ...withFiles, clientId: input.clientId } : withFiles;
  }

  /** Refuses any text to a contact who opted out: 409 contact_unsubscribed, no carrier call. */
  guard(contactId: number): void {
    if (this.optOut.isUnsubscribed(contactId)) {
      throw errors.conflict(
        'contact_unsubscribed',
        'This contact has opted out of texts. Nothing can be sent until they text START or ' +
          'staff re-subscribe them.',
      );
    }
  }

  /** Sends a failed message again: its failed parts go back to the outbox. */
  retry(tx: Tx, messageId: number): MessageDto {
    const message = this.conversations.messages.row(messageId);
    if (!message || message.kind !== 'sms' || message.direction !== 'outbound') {
      throw errors.notFound('The message');
    }
    if (!['failed', 'rejected', 'undeliverable'].includes(message.status)) {
      throw errors.conflict('not_failed', 'Only a failed message can be retried.');
    }
    this.guard(this.conversations.row(message.conversation_id).contact_id);

    const now = nowIso(this.deps);
    for (const part of this.statements.failedParts.all(messageId)) {
      this.statements.resetPart.run(now, now, part.id);
    }
    this.statements.resetMessage.run(now, messageId);
    const dto = this.conversations.messages.load(messageId);
    tx.emit('message:updated', {
      conversationId: message.conversation_id,
      message: dto,
      actor: null,
    });
    tx.afterCommit(() => this.outbox?.wake());
    return dto;
  }
}
