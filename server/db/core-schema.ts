/** People, numbers, contacts, conversations, messages and the event log: the core tables. */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** The two times every editable row keeps. */
export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'counselor'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  emailNotifications: integer('email_notifications', { mode: 'boolean' }).notNull().default(true),
  browserNotifications: integer('browser_notifications', { mode: 'boolean' })
    .notNull()
    .default(true),
  ...timestamps,
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  ...timestamps,
});

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('team_members_user_idx').on(t.userId),
  ],
);

export const officeNumbers = sqliteTable('office_numbers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  e164: text('e164').notNull().unique(),
  label: text('label').notNull(),
  ...timestamps,
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    smsUnsubscribedAt: text('sms_unsubscribed_at'),
    ...timestamps,
  },
  // The contact list's A–Z order, nameless contacts last: the list reads this index in order.
  (t) => [
    index('contacts_name_order_idx').on(
      sql`(${t.lastName} = '' AND ${t.firstName} = '')`,
      sql`${t.lastName} COLLATE NOCASE`,
      sql`${t.firstName} COLLATE NOCASE`,
      t.id,
    ),
  ],
);

export const contactPhones = sqliteTable(
  'contact_phones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    e164: text('e164').notNull(),
    mobile: integer('mobile', { mode: 'boolean' }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('contact_phones_e164_idx').on(t.e164),
    uniqueIndex('contact_phones_contact_e164_uq').on(t.contactId, t.e164),
  ],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    phone: text('phone').notNull(),
    numberId: integer('number_id')
      .notNull()
      .references(() => officeNumbers.id),
    assigneeUserId: integer('assignee_user_id').references(() => users.id),
    assigneeTeamId: integer('assignee_team_id').references(() => teams.id),
    /** 'u:<id>', 't:<id>' or '' (unassigned): one indexed key serves mine, team, unassigned. */
    assigneeKey: text('assignee_key').notNull().default(''),
    createdById: integer('created_by_id').references(() => users.id),
    possibleOptOut: integer('possible_opt_out', { mode: 'boolean' }).notNull().default(false),
    lastMessageAt: text('last_message_at').notNull(),
    lastMessageId: integer('last_message_id'),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    lastMessageDirection: text('last_message_direction', { enum: ['inbound', 'outbound'] }),
    /** Newest student text: the thread is unread for a user who has not read up to it. */
    lastInboundMessageId: integer('last_inbound_message_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('conversations_thread_uq').on(t.contactId, t.phone, t.numberId),
    index('conversations_last_idx').on(t.lastMessageAt),
    index('conversations_status_last_idx').on(t.status, t.lastMessageAt),
    index('conversations_assignee_last_idx').on(t.assigneeKey, t.lastMessageAt),
    index('conversations_assignee_status_last_idx').on(t.assigneeKey, t.status, t.lastMessageAt),
    index('conversations_phone_idx').on(t.phone, t.numberId),
    check(
      'conversations_one_assignee',
      sql`${t.assigneeUserId} IS NULL OR ${t.assigneeTeamId} IS NULL`,
    ),
  ],
);

export const participants = sqliteTable(
  'participants',
  {
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('participants_user_idx').on(t.userId, t.conversationId),
  ],
);

export const conversationReads = sqliteTable(
  'conversation_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    lastReadMessageId: integer('last_read_message_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    kind: text('kind', { enum: ['sms', 'note', 'activity'] })
      .notNull()
      .default('sms'),
    text: text('text').notNull(),
    status: text('status', {
      enum: ['received', 'queued', 'submitted', 'delivered', 'rejected', 'undeliverable', 'failed'],
    }).notNull(),
    segments: integer('segments').notNull(),
    encoding: text('encoding', { enum: ['GSM-7', 'UCS-2'] }).notNull(),
    /** The carrier's id of an inbound message; outbound ids live on message_parts. */
    carrierId: text('carrier_id').unique(),
    errorCode: text('error_code'),
    error: text('error'),
    authorId: integer('author_id').references(() => users.id),
    automated: text('automated', { enum: ['bot', 'rule'] }),
    ...timestamps,
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.id),
    // Reports count and walk one kind and direction of text over a range of days.
    index('messages_kind_direction_created_idx').on(t.kind, t.direction, t.createdAt),
  ],
);

/**
 * The outbox: one row per carrier request. A text over the carrier's per-request cap has several
 * parts, sent in order; the message's status combines them.
 */
export const messageParts = sqliteTable(
  'message_parts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: integer('conversation_id').notNull(),
    partIndex: integer('part_index').notNull(),
    text: text('text').notNull(),
    sendState: text('send_state', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    carrierId: text('carrier_id').unique(),
    status: text('status', {
      enum: ['queued', 'submitted', 'delivered', 'rejected', 'undeliverable', 'failed'],
    }).notNull(),
    errorCode: text('error_code'),
    error: text('error'),
    ...timestamps,
  },
  (t) => [
    index('message_parts_due_idx').on(t.sendState, t.nextAttemptAt),
    uniqueIndex('message_parts_message_idx').on(t.messageId, t.partIndex),
  ],
);

/** Receipts for a carrier id not written yet: applied when the send records it. */
export const parkedReceipts = sqliteTable(
  'parked_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    carrierId: text('carrier_id').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code'),
    errorDetail: text('error_detail'),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('parked_receipts_carrier_idx').on(t.carrierId)],
);

/** The durable event log: every pushed event, its `seq` and payload. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('events_created_idx').on(t.createdAt)],
);

/** Counts of things dropped on purpose (unknown senders, texts to numbers that are not ours). */
export const dropCounters = sqliteTable('drop_counters', {
  reason: text('reason').primaryKey(),
  count: integer('count').notNull().default(0),
  lastAt: text('last_at'),
});

/** The in-app notification log: emails kept here when no SMTP server is configured. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every opt-out and opt-in of a contact: keyword, person or carrier; office number; message. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['opt_out', 'opt_in'] }).notNull(),
    source: text('source', { enum: ['keyword', 'staff', 'carrier', 'suppression'] }).notNull(),
    keyword: text('keyword'),
    userId: integer('user_id').references(() => users.id),
    numberId: integer('number_id').references(() => officeNumbers.id),
    messageId: integer('message_id').references(() => messages.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('consent_events_contact_idx').on(t.contactId, t.id),
    index('consent_events_kind_created_idx').on(t.kind, t.createdAt),
  ],
);

/** Numbers that opted out before any contact had them: the number and the time, nothing else. */
export const suppressions = sqliteTable('suppressions', {
  e164: text('e164').primaryKey(),
  createdAt: text('created_at').notNull(),
});

/** Files attached to outbound MMS, stored under the data folder. */
export const attachments = sqliteTable(
  'attachments',
  {
    /** Random and unguessable: it is the path the carrier fetches. */
    id: text('id').primaryKey(),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);
