import type { BotAnswerDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { isAppError } from '../../lib/errors.js';
import { category } from '../../lib/logger.js';
import { getSettings } from '../admin/settings.js';
import type { AssistantClient } from '../assistant/assistant.service.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { MessageService } from '../messages/message.service.js';
import type { StoredInbound } from '../webhooks/inbound.service.js';
import type { BotAnswers } from './bot-answers.js';

export type BotOutcome =
  | { kind: 'answered'; answerId: number }
  | { kind: 'handed_off'; reason: string }
  | { kind: 'skipped' };

const BOT = 'Auto-reply bot';

/** "Can I talk to a person", "call me", "real human": the student wants staff, not the bot. */
const WANTS_PERSON = new RegExp(
  '\\b(?:human|real person|a person|someone|somebody|agent|representative|counsell?or|' +
    'advisor|adviser|staff member|speak (?:to|with)|talk (?:to|with)|call me)\\b',
  'i',
);

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/** Whole-word, case-blind; a keyword may be several words. */
function mentions(text: string, keyword: string): boolean {
  const word = fold(keyword)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return (
    word.length > 0 &&
    new RegExp(`(?:^|[^\\p{L}\\p{N}])${word}(?:$|[^\\p{L}\\p{N}])`, 'u').test(fold(text))
  );
}

/** The answer whose keywords the text mentions most; none on a tie (not sure). */
export function matchByKeywords(text: string, answers: BotAnswerDto[]): BotAnswerDto | null {
  const scored = answers
    .map((answer) => ({ answer, score: answer.keywords.filter((k) => mentions(text, k)).length }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || (next && next.score === best.score)) return null;
  return best.answer;
}

/**
 * The auto-reply bot (off by default): it answers the text that starts a new conversation from
 * the admins' questions and answers — chosen by the model when one is configured, by keywords
 * otherwise — and hands off to the configured person or team when it is unsure or the student
 * asks for a person. Its texts are marked `automated: 'bot'` and go through `queueOutbound`.
 */
export class AutoReplyBot {
  private readonly log;

  constructor(
    private readonly deps: Deps,
    private readonly parts: {
      answers: BotAnswers;
      conversations: ConversationService;
      messages: MessageService;
      client: AssistantClient;
    },
  ) {
    this.log = category(deps.logger, 'rules');
  }

  /** The inbound hook: only a brand-new conversation, never an opt-out or help keyword. */
  readonly onStored = (stored: StoredInbound): void => {
    if (!stored.created || stored.keyword !== null || !getSettings(this.deps).botEnabled) return;
    setImmediate(() => {
      this.answer(stored).catch((error: unknown) => {
        this.log.error(
          { err: error, conversationId: stored.conversationId },
          'auto-reply bot failed',
        );
      });
    });
  };

  async answer(stored: StoredInbound): Promise<BotOutcome> {
    const text = stored.message.text;
    if (WANTS_PERSON.test(text)) return this.handOff(stored, 'the student asked for a person');

    const answers = this.parts.answers.list();
    if (!answers.length) return this.handOff(stored, 'there are no saved answers yet');

    const chosen = await this.choose(text, answers);
    if (!chosen) return this.handOff(stored, 'no saved answer fits the question');
    return this.reply(stored, chosen);
  }

  private async choose(text: string, answers: BotAnswerDto[]): Promise<BotAnswerDto | null> {
    if (!this.parts.client.enabled) return matchByKeywords(text, answers);
    const list = answers.map((answer, index) => `${index + 1}. ${answer.question}`).join('\n');
    try {
      const reply = await this.parts.client.complete(
        [
          {
            role: 'system',
            content:
              "You route student text messages to a college office's list of questions. Reply " +
              'with only the number of the question the text asks, or 0 when none fits or you ' +
              'are not sure.',
          },
          { role: 'user', content: `Questions:\n${list}\n\nStudent's text: ${text}` },
        ],
        'bot',
      );
      const number = Number(/\d+/.exec(reply)?.[0] ?? 0);
      return answers[number - 1] ?? null;
    } catch (error) {
      if (!isAppError(error)) throw error;
      return matchByKeywords(text, answers);
    }
  }

  private reply(stored: StoredInbound, answer: BotAnswerDto): BotOutcome {
    const { conversations, messages } = this.parts;
    return this.deps.events.transact((tx): BotOutcome => {
      try {
        messages.queueOutbound(tx, {
          conversationId: stored.conversationId,
          text: answer.answer,
          authorId: null,
          automated: 'bot',
        });
      } catch (error) {
        if (!isAppError(error)) throw error;
        conversations.appendActivity(
          tx,
          stored.conversationId,
          `${BOT} could not answer: ${error.message}`,
          null,
        );
        return { kind: 'skipped' };
      }
      conversations.appendActivity(
        tx,
        stored.conversationId,
        `${BOT} answered “${answer.question}”`,
        null,
      );
      this.log.info({ conversationId: stored.conversationId, answerId: answer.id }, 'bot answered');
      return { kind: 'answered', answerId: answer.id };
    });
  }

  private handOff(stored: StoredInbound, reason: string): BotOutcome {
    const { conversations, messages } = this.parts;
    const settings = getSettings(this.deps);
    const id = stored.conversationId;

    return this.deps.events.transact((tx): BotOutcome => {
      conversations.appendActivity(tx, id, `${BOT} handed this off: ${reason}`, null);
      const target = settings.botHandoff;
      if (target && conversations.load(id).assignee === null) {
        try {
          conversations.assign(tx, id, target, null, { label: BOT, ifAssignee: null });
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.code !== 'assignment_conflict') {
            conversations.appendActivity(tx, id, `${BOT} could not assign: ${error.message}`, null);
          }
        }
      }
      if (settings.botHandoffText) {
        try {
          const text = settings.botHandoffText;
          messages.queueOutbound(tx, {
            conversationId: id,
            text,
            authorId: null,
            automated: 'bot',
          });
        } catch (error) {
          if (!isAppError(error)) throw error;
          conversations.appendActivity(tx, id, `${BOT} did not text back: ${error.message}`, null);
        }
      }
      this.log.info({ conversationId: id }, 'bot handed off');
      return { kind: 'handed_off', reason };
    });
  }
}
