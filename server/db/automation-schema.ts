/** Tags, saved replies, rules, the bot and reply waits: automation and reports tables. */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

import { conversations, messages, timestamps, users } from './core-schema.js';

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  color: text('color').notNull().default('slate'),
  createdAt: text('created_at').notNull(),
});

export const conversationTags = sqliteTable(
  'conversation_tags',
  {
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.tagId] }),
    index('conversation_tags_tag_idx').on(t.tagId, t.conversationId),
  ],
);

export const savedReplies = sqliteTable('saved_replies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  body: text('body').notNull(),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

/** Conversation rules: run in `position` order on the student text that opens a thread. */
export const rules = sqliteTable('rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  match: text('match', { enum: ['all', 'any'] })
    .notNull()
    .default('all'),
  /** JSON array of conditions. */
  conditions: text('conditions').notNull(),
  /** JSON array of actions. */
  actions: text('actions').notNull(),
  ...timestamps,
});

/** One row per rule and triggering message: a rule runs once per trigger, whatever happens. */
export const ruleRuns = sqliteTable(
  'rule_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    outcome: text('outcome').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('rule_runs_once_uq').on(t.ruleId, t.messageId)],
);

/** The auto-reply bot's questions and answers, kept by admins. */
export const botAnswers = sqliteTable('bot_answers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  /** Comma-separated keywords for matching when no model is configured. */
  keywords: text('keywords').notNull().default(''),
  position: integer('position').notNull().default(0),
  ...timestamps,
});

/**
 * One row per wait of a student for a person's reply, kept up to date as texts are written, so
 * the response-time and open-age reports read it instead of walking threads. A wait starts at
 * a student text when the thread's previous counted message (a student text, a person's reply,
 * a reopening) is not a student text; it ends at the next person's reply, or unanswered (no
 * reply id) at the next reopening.
 */
export const replyWaits = sqliteTable(
  'reply_waits',
  {
    /** The student text that started the wait. */
    messageId: integer('message_id')
      .primaryKey()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    startedAt: text('started_at').notNull(),
    /** 'first' when the text opened or reopened the thread, 'reply' when a person wrote last. */
    opening: text('opening', { enum: ['first', 'reply'] }).notNull(),
    endedAt: text('ended_at'),
    /** The person's reply that ended the wait (no foreign key: nothing deletes single texts). */
    replyMessageId: integer('reply_message_id'),
    repliedBy: integer('replied_by'),
    /** From the student text to the reply, in milliseconds. */
    waitMs: integer('wait_ms'),
  },
  (t) => [
    // Covers the response-time report: a range of start times, read without the table.
    index('reply_waits_started_idx').on(t.startedAt, t.repliedBy, t.opening, t.waitMs),
    uniqueIndex('reply_waits_open_uq')
      .on(t.conversationId)
      .where(sql`${t.endedAt} IS NULL`),
  ],
);

/** Per thread, the opening a student's next wait gets: 'reply' after a person's reply. */
export const replyTurns = sqliteTable('reply_turns', {
  conversationId: integer('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  nextOpening: text('next_opening', { enum: ['first', 'reply'] }).notNull(),
});
