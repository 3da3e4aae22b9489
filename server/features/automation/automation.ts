import { Router } from 'express';

import type { Deps } from '../../context.js';
import {
  AssistantClient,
  type AssistantOptions,
  DEFAULT_ASSISTANT,
} from '../assistant/assistant.service.js';
import { assistantRoutes } from '../assistant/assistant.routes.js';
import { WritingAssistant } from '../assistant/writing-assistant.js';
import { BotAnswers } from '../bot/bot-answers.js';
import { botRoutes } from '../bot/bot.routes.js';
import { AutoReplyBot } from '../bot/bot.service.js';
import type { ConversationService } from '../conversations/conversation.service.js';
import type { MessageService } from '../messages/message.service.js';
import { notesRoutes } from '../notes/notes.routes.js';
import { RuleEngine } from '../rules/rule-engine.js';
import { RuleService } from '../rules/rule.service.js';
import { rulesRoutes } from '../rules/rules.routes.js';
import { savedRepliesRoutes } from '../saved-replies/saved-replies.routes.js';
import { TagService } from '../tags/tag.service.js';
import { tagsRoutes } from '../tags/tags.routes.js';
import type { InboundService } from '../webhooks/inbound.service.js';

export interface Automation {
  /** Saved replies, tags, notes, rules, the writing assistant and the bot's answers. */
  routes: Router;
  rules: RuleEngine;
  bot: AutoReplyBot;
  tags: TagService;
}

/**
 * Builds the automation features and registers their inbound hooks: the rules first (they run
 * on the text that opens a thread), then the bot (only on a new conversation), so the bot sees
 * what the rules did.
 */
export function createAutomation(
  deps: Deps,
  parts: { conversations: ConversationService; messages: MessageService; inbound: InboundService },
  options: Partial<AssistantOptions> = {},
): Automation {
  const { conversations, messages, inbound } = parts;
  const tags = new TagService(deps, conversations);
  const ruleService = new RuleService(deps);
  const rules = new RuleEngine(deps, { rules: ruleService, conversations, messages, tags });
  const client = new AssistantClient(deps, { ...DEFAULT_ASSISTANT, ...options });
  const answers = new BotAnswers(deps);
  const bot = new AutoReplyBot(deps, { answers, conversations, messages, client });
  inbound.onStored(rules.onStored);
  inbound.onStored(bot.onStored);

  const routes = Router();
  routes.use(savedRepliesRoutes(deps));
  routes.use(tagsRoutes(deps, { tags, conversations }));
  routes.use(notesRoutes(deps, conversations));
  routes.use(rulesRoutes(ruleService));
  routes.use(assistantRoutes(new WritingAssistant(deps, client, conversations)));
  routes.use(botRoutes(answers));
  return { routes, rules, bot, tags };
}
