import { eq } from 'drizzle-orm';

import type { RuleAction, RuleDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { users } from '../../db/schema.js';
import { isAppError } from '../../lib/errors.js';
import { category } from '../../lib/logger.js';
import { getSettings } from '../admin/settings.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { MessageService } from '../messages/message.service.js';
import type { Tx } from '../realtime/event-log.js';
import { savedReplyBody } from '../saved-replies/saved-replies.routes.js';
import type { TagService } from '../tags/tag.service.js';
import type { StoredInbound } from '../webhooks/inbound.service.js';
import { ruleMatches, type RuleContext } from './rule-conditions.js';
import type { RuleService } from './rule.service.js';

export type RuleOutcome = 'applied' | 'no_match' | 'already_ran';

interface EngineParts {
  rules: RuleService;
  conversations: ConversationService;
  messages: MessageService;
  tags: TagService;
}

/**
 * Runs the conversation rules on the student text that created or reopened a thread. It is
 * registered as an inbound after-commit hook, which is the only trigger: a rule's own actions
 * (assigning, closing, replying) write through the services and never come back here. Each
 * rule claims (rule, message) in `rule_runs` before it acts, so it runs once per trigger
 * however often it is asked.
 */
export class RuleEngine {
  private readonly log;
  private readonly claim;
  private readonly record;
  private readonly contactOf;

  constructor(
    private readonly deps: Deps,
    private readonly parts: EngineParts,
  ) {
    this.log = category(deps.logger, 'rules');
    const { sqlite } = deps.db;
    this.claim = sqlite.prepare<[number, number, number, string], { id: number }>(
      `INSERT INTO rule_runs (rule_id, conversation_id, message_id, outcome, created_at)
       VALUES (?, ?, ?, 'running', ?) ON CONFLICT (rule_id, message_id) DO NOTHING RETURNING id`,
    );
    this.record = sqlite.prepare<[string, number]>('UPDATE rule_runs SET outcome = ? WHERE id = ?');
    this.contactOf = sqlite.prepare<
      [number],
      { first_name: string; last_name: string; email: string | null }
    >('SELECT first_name, last_name, email FROM contacts WHERE id = ?');
  }

  /** The inbound hook: only a text that opened the thread triggers rules. */
  readonly onStored = (stored: StoredInbound): void => {
    if (stored.opened) this.run(stored);
  };

  /** Runs every enabled rule, in order, once each for this text. */
  run(stored: StoredInbound): Array<{ ruleId: number; outcome: RuleOutcome }> {
    const results: Array<{ ruleId: number; outcome: RuleOutcome }> = [];
    for (const rule of this.parts.rules.enabled()) {
      try {
        const outcome = this.deps.events.transact((tx) => this.runRule(tx, rule, stored));
        results.push({ ruleId: rule.id, outcome });
      } catch (error) {
        this.log.error({ err: error, ruleId: rule.id }, 'conversation rule failed');
      }
    }
    return results;
  }

  private runRule(tx: Tx, rule: RuleDto, stored: StoredInbound): RuleOutcome {
    const claimed = this.claim.get(
      rule.id,
      stored.conversationId,
      stored.message.id,
      nowIso(this.deps),
    );
    if (!claimed) return 'already_ran';

    if (!ruleMatches(rule, this.context(stored))) {
      this.record.run('no_match', claimed.id);
      return 'no_match';
    }
    const notes = rule.actions.map((action) => this.apply(tx, rule, action, stored.conversationId));
    this.record.run(notes.join('; ') || 'applied', claimed.id);
    this.log.info(
      { ruleId: rule.id, conversationId: stored.conversationId },
      'conversation rule applied',
    );
    return 'applied';
  }

  private context(stored: StoredInbound): RuleContext {
    const thread = this.parts.conversations.row(stored.conversationId);
    const contact = this.contactOf.get(thread.contact_id);
    const settings = getSettings(this.deps);
    return {
      text: stored.message.text,
      numberId: thread.number_id,
      contact: {
        firstName: contact?.first_name ?? '',
        lastName: contact?.last_name ?? '',
        email: contact?.email ?? null,
      },
      hasTag: (tagId) => this.parts.tags.has(stored.conversationId, tagId),
      at: this.deps.clock.now(),
      timeZone: settings.timezone,
      businessHours: settings.businessHours,
    };
  }

  /**
   * One action. A refusal the services answer with (an opted-out contact, a person who left) is
   * written into the thread and does not stop the rule's other actions.
   */
  private apply(tx: Tx, rule: RuleDto, action: RuleAction, conversationId: number): string {
    const who = `Rule '${rule.name}'`;
    const line = (text: string) =>
      this.parts.conversations.appendActivity(tx, conversationId, text, null);
    try {
      return this.act(tx, who, action, conversationId, line);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'assignment_conflict') return `${action.type}: kept`;
      const reason =
        error.code === 'contact_unsubscribed'
          ? 'the contact has opted out of texts'
          : error.message;
      line(`${who} could not ${VERBS[action.type]}: ${reason.replace(/\.$/, '')}`);
      return `${action.type}: refused (${error.code})`;
    }
  }

  private act(
    tx: Tx,
    who: string,
    action: RuleAction,
    conversationId: number,
    line: (text: string) => void,
  ): string {
    const { conversations, messages, tags } = this.parts;
    switch (action.type) {
      case 'add_tag': {
        const tag = tags.load(action.tagId);
        if (tags.apply(tx, conversationId, tag.id, null)) line(`${who} tagged this ${tag.name}`);
        return 'add_tag: done';
      }
      case 'assign': {
        const unassigned = conversations.load(conversationId).assignee === null;
        if (action.ifUnassigned && !unassigned) return 'assign: kept';
        conversations.assign(tx, conversationId, action.assignee, null, {
          label: who,
          ...(action.ifUnassigned ? { ifAssignee: null } : {}),
        });
        return 'assign: done';
      }
      case 'add_participants': {
        for (const userId of action.userIds) {
          const user = this.deps.db.orm.select().from(users).where(eq(users.id, userId)).get();
          if (!user?.active) {
            line(`${who} could not add a participant: that person is no longer active`);
          } else if (conversations.addParticipant(tx, conversationId, user, null)) {
            line(`${who} added ${user.name} to the conversation`);
          }
        }
        return 'add_participants: done';
      }
      case 'auto_reply': {
        const text = action.text ?? savedReplyBody(this.deps, action.savedReplyId ?? 0);
        if (text === null) {
          line(`${who} could not auto-reply: its saved reply was deleted`);
          return 'auto_reply: no saved reply';
        }
        messages.queueOutbound(tx, { conversationId, text, authorId: null, automated: 'rule' });
        line(`${who} sent an auto-reply`);
        return 'auto_reply: queued';
      }
      case 'close':
        conversations.setStatus(tx, conversationId, 'closed', null, who);
        return 'close: done';
    }
  }
}

const VERBS: Record<RuleAction['type'], string> = {
  add_tag: 'add a tag',
  assign: 'assign the conversation',
  add_participants: 'add participants',
  auto_reply: 'auto-reply',
  close: 'close the conversation',
};
