import type { MessageDto } from '@shared/dto.js';
import { classifyKeyword } from '@shared/optout.js';
import { fromCarrier } from '@shared/phone.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { category } from '../../lib/logger.js';
import { countDrop, getSettings } from '../admin/settings.js';
import { contactIdsByPhone } from '../contacts/contact.service.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { MessageService } from '../messages/message.service.js';
import type { OptOutService } from '../optout/optout.service.js';
import type { Tx } from '../realtime/event-log.js';

export interface InboundText {
  carrierId: string;
  /** Carrier forms, E.164 without the plus. */
  from: string;
  to: string;
  text: string;
}

export type InboundOutcome =
  | { stored: true; conversationId: number; messageId: number }
  | { stored: false; reason: 'duplicate' | 'unknown_sender' | 'foreign_number' };

/** What the after-commit hooks (participant email, rules) learn of a stored student text. */
export interface StoredInbound {
  conversationId: number;
  contactId: number;
  message: MessageDto;
  /** The thread was created or reopened by this text: the trigger for conversation rules. */
  opened: boolean;
  /** The thread was created by this text (a new conversation): the trigger for the bot. */
  created: boolean;
  keyword: ReturnType<typeof classifyKeyword>;
}

interface ThreadCandidate {
  id: number | null;
  contactId: number;
}

/**
 * A student's text, from webhook to committed rows: matching, threading, opt-out keywords and
 * the events, all in one transaction. Slow follow-ups run after the commit.
 */
export class InboundService {
  private readonly hooks: Array<(stored: StoredInbound) => void> = [];
  private readonly log;
  private readonly statements;

  constructor(
    private readonly deps: Deps,
    private readonly conversations: ConversationService,
    private readonly messages: MessageService,
    private readonly optOut: OptOutService,
  ) {
    this.log = category(deps.logger, 'sms');
    const { sqlite } = deps.db;
    this.statements = {
      seen: sqlite.prepare<[string], { id: number }>(
        'SELECT id FROM messages WHERE carrier_id = ?',
      ),
      office: sqlite.prepare<[string], { id: number }>(
        'SELECT id FROM office_numbers WHERE e164 = ?',
      ),
      latestThread: sqlite.prepare<
        [string, string],
        { id: number; contact_id: number; number_id: number }
      >(
        `SELECT c.id, c.contact_id, c.number_id FROM conversations c
         WHERE c.phone = ? AND c.contact_id IN (SELECT value FROM json_each(?))
         ORDER BY c.last_message_at DESC, c.id DESC`,
      ),
      flag: sqlite.prepare<[string, number]>(
        `UPDATE conversations SET possible_opt_out = 1, updated_at = ?
         WHERE id = ? AND possible_opt_out = 0`,
      ),
    };
  }

  /** Registers a follow-up run after each stored student text commits. */
  onStored(hook: (stored: StoredInbound) => void): void {
    this.hooks.push(hook);
  }

  receive(input: InboundText): InboundOutcome {
    // The carrier's form is E.164 without the plus, and stored numbers are E.164: no parsing.
    const sender = fromCarrier(input.from);
    const office = fromCarrier(input.to);
    const keyword = classifyKeyword(input.text);

    const outcome = this.deps.events.transact((tx): InboundOutcome => {
      if (this.statements.seen.get(input.carrierId)) return { stored: false, reason: 'duplicate' };

      const now = nowIso(this.deps);
      const number = this.statements.office.get(office);
      if (!number) {
        countDrop(this.deps, 'foreign_number', now);
        return { stored: false, reason: 'foreign_number' };
      }

      const contactIds = contactIdsByPhone(this.deps, sender);
      if (!contactIds.length) {
        countDrop(this.deps, 'unknown_sender', now);
        if (keyword === 'stop') this.optOut.suppressNumber(sender);
        if (keyword === 'start') this.optOut.liftSuppression(sender);
        return { stored: false, reason: 'unknown_sender' };
      }

      const thread = this.pickThread(sender, contactIds, number.id);
      return this.store(tx, input, { thread, sender, numberId: number.id, keyword, contactIds });
    });

    if (outcome.stored) this.log.info({ messageId: outcome.messageId }, 'inbound text stored');
    else this.log.info({ reason: outcome.reason }, 'inbound text not stored');
    return outcome;
  }

  /**
   * Several contacts may share a phone (a parent and a student): the most recently active thread
   * among them wins, on this office number first; with none, the newest contact gets a thread.
   */
  private pickThread(sender: string, contactIds: number[], numberId: number): ThreadCandidate {
    const threads = this.statements.latestThread.all(sender, JSON.stringify(contactIds));
    const here = threads.find((t) => t.number_id === numberId);
    if (here) return { id: here.id, contactId: here.contact_id };
    const elsewhere = threads[0];
    if (elsewhere) return { id: null, contactId: elsewhere.contact_id };
    return { id: null, contactId: Math.max(...contactIds) };
  }

  private store(
    tx: Tx,
    input: InboundText,
    context: {
      thread: ThreadCandidate;
      sender: string;
      numberId: number;
      keyword: ReturnType<typeof classifyKeyword>;
      contactIds: number[];
    },
  ): InboundOutcome {
    const { thread, sender, numberId, keyword, contactIds } = context;
    let id = thread.id;
    let opened = false;

    if (id === null) {
      id = this.conversations.createThread({
        name: this.threadName(thread.contactId),
        contactId: thread.contactId,
        phone: sender,
        numberId,
        createdById: null,
      });
      tx.emit('conversation:created', { conversation: this.conversations.load(id), actor: null });
      opened = true;
    } else {
      opened = this.conversations.setStatus(tx, id, 'open', null, 'A new text from the student');
    }

    const message = this.conversations.appendMessage(tx, id, {
      direction: 'inbound',
      kind: 'sms',
      text: input.text,
      status: 'received',
      carrierId: input.carrierId,
    });
    if (!message) return { stored: false, reason: 'duplicate' };

    this.applyKeyword(tx, {
      keyword,
      word: input.text.trim().replace(/\s+/g, ' ').toUpperCase().slice(0, 20),
      contactId: thread.contactId,
      // A STOP stops the phone: every contact who shares it is opted out (and back in on START).
      sharing: contactIds,
      conversationId: id,
      numberId,
      messageId: message.id,
    });

    const created = thread.id === null;
    const stored: StoredInbound = {
      conversationId: id,
      contactId: thread.contactId,
      message,
      opened,
      created,
      keyword,
    };
    tx.afterCommit(() => this.runHooks(stored));
    return { stored: true, conversationId: id, messageId: message.id };
  }

  private applyKeyword(
    tx: Tx,
    at: {
      keyword: ReturnType<typeof classifyKeyword>;
      word: string;
      contactId: number;
      sharing: number[];
      conversationId: number;
      numberId: number;
      messageId: number;
    },
  ): void {
    const change = {
      source: 'keyword' as const,
      keyword: at.word,
      numberId: at.numberId,
      messageId: at.messageId,
    };
    switch (at.keyword) {
      case 'stop':
        for (const contactId of at.sharing) this.optOut.optOut(tx, contactId, change);
        break;
      case 'start':
        for (const contactId of at.sharing) this.optOut.optIn(tx, contactId, change);
        break;
      case 'possible_stop':
        if (this.statements.flag.run(nowIso(this.deps), at.conversationId).changes) {
          tx.emit('conversation:updated', {
            conversation: this.conversations.load(at.conversationId),
            actor: null,
          });
        }
        break;
      case 'help':
        if (!this.optOut.isUnsubscribed(at.contactId)) {
          this.messages.queueOutbound(tx, {
            conversationId: at.conversationId,
            text: getSettings(this.deps).helpText,
            authorId: null,
            automated: 'rule',
          });
        }
        break;
      default:
        break;
    }
  }

  private threadName(contactId: number): string {
    const row = this.deps.db.sqlite
      .prepare<[number], { first_name: string; last_name: string }>(
        'SELECT first_name, last_name FROM contacts WHERE id = ?',
      )
      .get(contactId);
    return row ? `${row.first_name} ${row.last_name}`.trim() : 'New conversation';
  }

  private runHooks(stored: StoredInbound): void {
    for (const hook of this.hooks) {
      try {
        hook(stored);
      } catch (error) {
        this.log.error({ err: error }, 'inbound follow-up failed');
      }
    }
  }
}
