import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { InboxConversationDto, MessageDto } from '@shared/dto.js';

import {
  inboxRows,
  loadInbox,
  onConversationAssigned,
  onConversationChanged,
  onMessageAdded,
  resetInbox,
  setInboxFilter,
  unreadCount,
} from './inbox.store.js';
import { conversationDto, messageDto } from '../test/dto-fixtures.js';

const conversation = (overrides: Partial<InboxConversationDto>): InboxConversationDto =>
  conversationDto({ name: 'Deposit question', ...overrides });

const inbound = (conversationId: number, createdAt: string): MessageDto =>
  messageDto({
    id: 100 + conversationId,
    conversationId,
    direction: 'inbound',
    text: 'New text',
    status: 'received',
    authorId: null,
    createdAt,
    updatedAt: createdAt,
  });

function serve(conversations: InboxConversationDto[]) {
  const body = JSON.stringify({ conversations, nextCursor: null });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status: 200 })),
  );
}

describe('inbox store', () => {
  beforeEach(async () => {
    resetInbox();
    serve([
      conversation({ id: 1, lastMessageAt: '2026-03-10T12:00:00.000Z' }),
      conversation({ id: 2, lastMessageAt: '2026-03-10T12:10:00.000Z' }),
    ]);
    await loadInbox();
  });

  it('sorts rows by newest activity', () => {
    expect(inboxRows().map((row) => row.id)).toEqual([2, 1]);
  });

  it('moves a thread to the top and marks it unread when a text arrives', () => {
    onMessageAdded(inbound(1, '2026-03-10T12:20:00.000Z'), false);
    expect(inboxRows().map((row) => row.id)).toEqual([1, 2]);
    expect(inboxRows()[0]?.unread).toBe(true);
    expect(unreadCount()).toBe(1);
  });

  it('leaves a thread read when its reader is looking at it', () => {
    onMessageAdded(inbound(1, '2026-03-10T12:20:00.000Z'), true);
    expect(unreadCount()).toBe(0);
  });

  it('ignores an older version of a conversation', () => {
    onConversationChanged(conversation({ id: 1, name: 'Newer', updatedAt: '2026-03-10T13:00Z' }));
    onConversationChanged(conversation({ id: 1, name: 'Older', updatedAt: '2026-03-10T12:30Z' }));
    expect(inboxRows().find((row) => row.id === 1)?.name).toBe('Newer');
  });

  it('adds a new conversation to the All view', () => {
    onConversationChanged(conversation({ id: 3, lastMessageAt: '2026-03-10T12:30:00.000Z' }));
    expect(inboxRows().map((row) => row.id)).toEqual([3, 2, 1]);
  });

  it('takes a conversation out of Unassigned once it is assigned', () => {
    setInboxFilter({ view: 'unassigned' });
    onConversationAssigned(2, { type: 'team', id: 4 });
    expect(inboxRows().map((row) => row.id)).toEqual([1]);
  });
});
