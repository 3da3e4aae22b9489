/**
 * Shapes of the automation features that cross the wire: saved replies, tags, conversation
 * rules, the writing assistant and the auto-reply bot (SPEC §7). The server validates them with
 * zod; the client builds its settings pages from them.
 */

import type { Assignee } from './dto.js';
import type { SmsCount } from './sms.js';

export interface SavedReplyDto {
  id: number;
  title: string;
  body: string;
  createdById: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A saved reply (or any text) filled from current data: exactly what would be sent. */
export interface TemplatePreviewDto {
  text: string;
  /** Fields with no value and no fallback: sending is refused until they are edited out. */
  missing: string[];
  /** Placeholders that name no known field; they are sent as written. */
  unknown: string[];
  counts: SmsCount;
}

/** Colours a tag chip may take; the client maps each to a token. */
export const TAG_COLORS = ['slate', 'blue', 'green', 'amber', 'red', 'purple'] as const;

export type TagColor = (typeof TAG_COLORS)[number];

export interface TagDto {
  id: number;
  name: string;
  color: TagColor;
  /** How many conversations carry it. */
  conversationCount: number;
}

/** One opening of business hours: `day` 0 is Sunday; times are `HH:MM` in the office zone. */
export interface BusinessHoursSlot {
  day: number;
  start: string;
  end: string;
}

export type RuleCondition =
  | { type: 'text'; op: 'contains' | 'starts_with'; value: string }
  | { type: 'office_number'; numberIds: number[] }
  | {
      type: 'contact_field';
      field: 'firstName' | 'lastName' | 'email';
      op: 'is_set' | 'is_empty' | 'equals' | 'contains';
      value?: string;
    }
  | { type: 'tag'; op: 'has' | 'lacks'; tagId: number }
  | { type: 'time'; when: 'business_hours' | 'outside_business_hours' };

export type RuleAction =
  | { type: 'add_tag'; tagId: number }
  /** With `ifUnassigned`, a thread someone already has keeps its assignee. */
  | { type: 'assign'; assignee: Assignee; ifUnassigned?: boolean }
  | { type: 'add_participants'; userIds: number[] }
  | { type: 'auto_reply'; text?: string; savedReplyId?: number }
  | { type: 'close' };

export interface RuleDto {
  id: number;
  name: string;
  position: number;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  createdAt: string;
  updatedAt: string;
}

/** What the writing assistant can do; `summarise` and `draft` read the thread. */
export const ASSISTANT_ACTIONS = [
  'draft',
  'improve',
  'fix',
  'shorten',
  'expand',
  'tone',
  'translate',
  'summarise',
] as const;

export type AssistantAction = (typeof ASSISTANT_ACTIONS)[number];

export const ASSISTANT_TONES = ['friendly', 'formal', 'encouraging'] as const;

export type AssistantTone = (typeof ASSISTANT_TONES)[number];

/** Languages the composer offers for translation; any language name is accepted by the API. */
export const ASSISTANT_LANGUAGES = [
  'Spanish',
  'English',
  'French',
  'Portuguese',
  'Chinese (Simplified)',
  'Vietnamese',
  'Arabic',
  'Korean',
  'Haitian Creole',
] as const;

export interface AssistantStatusDto {
  /** True when a model endpoint is configured (ASSISTANT_API_URL). */
  enabled: boolean;
  /** Actions available now: all of them with a model, only `fix` (spelling) without. */
  actions: AssistantAction[];
  /** Environment variables that turn the model on, for the "how to enable" hint. */
  setup: string[];
}

export interface BotAnswerDto {
  id: number;
  question: string;
  answer: string;
  keywords: string[];
  position: number;
}
