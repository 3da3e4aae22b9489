import type {
  AssistantAction,
  AssistantStatusDto,
  AssistantTone,
  BotAnswerDto,
  BusinessHoursSlot,
  RuleAction,
  RuleCondition,
  RuleDto,
  SavedReplyDto,
  TagColor,
  TagDto,
  TemplatePreviewDto,
} from '@shared/automation.js';
import type { Assignee, ConversationDto, MessageDto } from '@shared/dto.js';

import { request } from './api.js';

/** HTTP calls of the automation features: saved replies, tags, notes, rules, assistant, bot. */

export const listSavedReplies = () =>
  request<{ savedReplies: SavedReplyDto[] }>('GET', '/api/saved-replies');

export const createSavedReply = (body: { title: string; body: string }) =>
  request<{ savedReply: SavedReplyDto }>('POST', '/api/saved-replies', body);

export const updateSavedReply = (id: number, body: { title?: string; body?: string }) =>
  request<{ savedReply: SavedReplyDto }>('PATCH', `/api/saved-replies/${id}`, body);

export const deleteSavedReply = (id: number) => request<void>('DELETE', `/api/saved-replies/${id}`);

export interface PreviewTarget {
  conversationId?: number;
  contactId?: number;
  numberId?: number;
}

export const previewTemplate = (template: string, target: PreviewTarget) =>
  request<TemplatePreviewDto>('POST', '/api/templates/preview', { template, ...target });

export const listTags = () => request<{ tags: TagDto[] }>('GET', '/api/tags');

export const createTag = (body: { name: string; color?: TagColor }) =>
  request<{ tag: TagDto }>('POST', '/api/tags', body);

export const updateTag = (id: number, body: { name?: string; color?: TagColor }) =>
  request<{ tag: TagDto }>('PATCH', `/api/tags/${id}`, body);

export const deleteTag = (id: number) => request<void>('DELETE', `/api/tags/${id}`);

export const tagConversation = (id: number, tag: { tagId: number } | { name: string }) =>
  request<{ conversation: ConversationDto }>('POST', `/api/conversations/${id}/tags`, tag);

export const untagConversation = (id: number, tagId: number) =>
  request<{ conversation: ConversationDto }>('DELETE', `/api/conversations/${id}/tags/${tagId}`);

export const addNote = (id: number, text: string) =>
  request<{ message: MessageDto }>('POST', `/api/conversations/${id}/notes`, { text });

export interface RuleInput {
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
}

export const listRules = () => request<{ rules: RuleDto[] }>('GET', '/api/rules');

export const createRule = (body: RuleInput) =>
  request<{ rule: RuleDto }>('POST', '/api/rules', body);

export const updateRule = (id: number, body: Partial<RuleInput>) =>
  request<{ rule: RuleDto }>('PATCH', `/api/rules/${id}`, body);

export const deleteRule = (id: number) => request<void>('DELETE', `/api/rules/${id}`);

export const reorderRules = (ids: number[]) =>
  request<{ rules: RuleDto[] }>('POST', '/api/rules/reorder', { ids });

export const getAssistant = () => request<AssistantStatusDto>('GET', '/api/assistant');

export interface AssistantInput {
  text?: string;
  conversationId?: number;
  tone?: AssistantTone;
  language?: string;
  oneSegment?: boolean;
}

export const runAssistant = (action: AssistantAction, body: AssistantInput) =>
  request<{ text: string; segments: number; corrections?: Array<{ from: string; to: string }> }>(
    'POST',
    `/api/assistant/${action}`,
    body,
  );

export const listBotAnswers = () => request<{ answers: BotAnswerDto[] }>('GET', '/api/bot/answers');

export interface BotAnswerInput {
  question: string;
  answer: string;
  keywords: string[];
}

export const createBotAnswer = (body: BotAnswerInput) =>
  request<{ answer: BotAnswerDto }>('POST', '/api/bot/answers', body);

export const updateBotAnswer = (id: number, body: Partial<BotAnswerInput>) =>
  request<{ answer: BotAnswerDto }>('PATCH', `/api/bot/answers/${id}`, body);

export const deleteBotAnswer = (id: number) => request<void>('DELETE', `/api/bot/answers/${id}`);

/** The settings automation reads; the rest of the settings object is passed through. */
export interface AutomationSettings {
  officeName: string;
  timezone: string;
  businessHours: BusinessHoursSlot[];
  botEnabled: boolean;
  botHandoff: Assignee | null;
  botHandoffText: string;
}

export const getSettings = () => request<{ settings: AutomationSettings }>('GET', '/api/settings');

export const saveSettings = (body: Partial<AutomationSettings>) =>
  request<{ settings: AutomationSettings }>('PUT', '/api/settings', body);
