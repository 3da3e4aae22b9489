import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { ConversationDto, MessageDto, UserDto } from '@shared/dto.js';

import { announcements, resetAnnouncer, shorten } from './announcer.store.js';
import { putConversation, resetInbox } from './inbox.store.js';
import {
  announceAssignment,
  announceDeliveryFailure,
  announceInboundText,
  announceStatusChange,
} from './live-news.store.js';
import { startSession } from './session.store.js';
import { closeThread, openThread } from './thread.store.js';
import { conversationDto, messageDto } from '../test/dto-fixtures.js';

const me: UserDto = {
  id: 1,
  email: 'dana@example.edu',
  name: 'Dana Reyes',
  role: 'counselor',
  active: true,
  emailNotifications: false,
  browserNotifications: false,
  createdAt: '2026-03-01T09:00:00.000Z',
};
const sam = { id: 2, name: 'Sam Ortiz' };

const conversation = (id: number, contactName: string): ConversationDto =>
  conversationDto({
    id,
    name: `Thread ${id}`,
    contactId: id,
    contactName,
  });

const text = (overrides: Partial<MessageDto>): MessageDto =>
  messageDto({
    id: 9,
    direction: 'inbound',
    text: 'Is the deposit refundable?',
    status: 'received',
    authorId: null,
    ...overrides,
  });

const spoken = () => announcements('polite').map((line) => line.text);
const shouted = () => announcements('assertive').map((line) => line.text);

describe('live news', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 503 })),
    );
    resetAnnouncer();
    resetInbox();
    startSession(me);
    putConversation(conversation(7, 'Maya Lopez'));
    putConversation(conversation(8, 'Leo Chen'));
    closeThread(7);
    openThread(7);
  });

  it('reads a text in the open thread in full, and only who wrote elsewhere', () => {
    announceInboundText(text({}));
    announceInboundText(text({ conversationId: 8, text: 'Private words' }));

    expect(spoken()).toEqual([
      'New text from Maya Lopez: Is the deposit refundable?',
      'New text from Leo Chen',
    ]);
  });

  it('names texts elsewhere only when the thread is unassigned, mine or one I am in', () => {
    const other = (id: number, fields: Partial<ConversationDto>) =>
      putConversation({ ...conversation(id, `Student ${id}`), ...fields });
    other(20, { assignee: { type: 'user', id: 2 } });
    other(21, { assignee: { type: 'user', id: 1 } });
    other(22, { assignee: { type: 'user', id: 2 }, participantIds: [1] });
    other(23, { assignee: { type: 'team', id: 5 } });

    for (const id of [20, 21, 22, 23]) announceInboundText(text({ conversationId: id }));

    expect(spoken()).toEqual(['New text from Student 21', 'New text from Student 22']);
  });

  it('says nothing for texts staff send or notes', () => {
    announceInboundText(text({ direction: 'outbound', authorId: 2 }));
    announceInboundText(text({ kind: 'note' }));

    expect(spoken()).toEqual([]);
  });

  it('tells a colleague’s assignments of the open thread or to the user, not own ones', () => {
    announceAssignment({ conversationId: 7, assignee: { type: 'user', id: 1 }, actor: me });
    announceAssignment({ conversationId: 7, assignee: { type: 'user', id: 1 }, actor: sam });
    announceAssignment({ conversationId: 8, assignee: { type: 'user', id: 1 }, actor: sam });
    announceAssignment({ conversationId: 8, assignee: { type: 'user', id: 3 }, actor: sam });
    announceAssignment({ conversationId: 7, assignee: null, actor: null });

    expect(spoken()).toEqual([
      'Sam Ortiz assigned this conversation to you',
      'Sam Ortiz assigned the conversation with Leo Chen to you',
      'A conversation rule unassigned this conversation',
    ]);
  });

  it('tells who closed or reopened the open thread, unless it was the user', () => {
    const closed = { ...conversation(7, 'Maya Lopez'), status: 'closed' as const };

    announceStatusChange(closed, 'open', me);
    announceStatusChange(closed, 'open', sam);
    announceStatusChange(conversation(7, 'Maya Lopez'), 'closed', sam);
    announceStatusChange({ ...conversation(8, 'Leo Chen'), status: 'closed' }, 'open', sam);

    expect(spoken()).toEqual([
      'Sam Ortiz closed this conversation',
      'Sam Ortiz reopened this conversation',
    ]);
  });

  it('raises the user’s own text failing at the carrier, once', () => {
    const mine = text({ direction: 'outbound', authorId: 1, status: 'submitted' });
    const failed = { ...mine, status: 'failed' as const, error: 'the number is not reachable' };

    announceDeliveryFailure(failed, mine);
    announceDeliveryFailure(failed, failed);
    announceDeliveryFailure({ ...failed, authorId: 2 }, { ...mine, authorId: 2 });

    expect(shouted()).toEqual(['Your text to Maya Lopez failed: the number is not reachable']);
  });

  it('keeps a spoken line short, cut at a word', () => {
    const long = `${'word '.repeat(60)}end`;

    const line = shorten(long, 40);

    expect(line.length).toBeLessThanOrEqual(41);
    expect(line.endsWith('word…')).toBe(true);
  });
});
