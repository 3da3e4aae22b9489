import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { ConversationDto } from '@shared/dto.js';

const fake = vi.hoisted(() => {
  type Listener = (payload?: unknown) => void;
  const listeners = new Map<string, Listener[]>();
  const socket = {
    connected: true,
    active: true,
    emitted: [] as [string, unknown][],
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    emit(event: string, payload: unknown) {
      socket.emitted.push([event, payload]);
      return socket;
    },
    connect: () => socket,
    disconnect: () => socket,
    removeAllListeners() {
      listeners.clear();
      return socket;
    },
  };
  const options: { auth?: (send: (data: object) => void) => void } = {};
  const fire = (event: string, payload?: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const authSent = () => {
    let sent: object = {};
    options.auth?.((data) => (sent = data));
    return sent;
  };
  return { socket, options, fire, authSent, listeners };
});

vi.mock('socket.io-client', () => ({
  io: (options: typeof fake.options) => {
    Object.assign(fake.options, options);
    return fake.socket;
  },
}));

vi.mock('../stores/sync.js', () => ({ refreshAll: vi.fn(async () => undefined) }));

const { connectSocket, connectionState, disconnectSocket, offlineSummary, startViewing } =
  await import('./socket.js');
const { findConversation, resetInbox } = await import('../stores/inbox.store.js');

const conversation = (name: string, updatedAt: string): ConversationDto => ({
  id: 9,
  name,
  status: 'open',
  channel: 'sms',
  numberId: 1,
  contactId: 1,
  phone: '+16175550142',
  contactName: 'Maya Patel',
  assignee: null,
  participantIds: [],
  tags: [],
  possibleOptOut: false,
  createdById: null,
  lastMessageAt: updatedAt,
  lastMessagePreview: 'Hi',
  lastMessageDirection: 'inbound',
  lastMessageId: 1,
  createdAt: updatedAt,
  updatedAt,
});

describe('socket', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 404 })),
    );
    disconnectSocket();
    resetInbox();
    fake.socket.emitted = [];
    connectSocket();
    fake.fire('connect');
    fake.fire('sync:ready', { seq: 10, replayed: 0 });
  });

  it('registers each listener once', () => {
    expect(fake.listeners.get('message:created')).toHaveLength(1);
    fake.fire('connect');
    expect(fake.listeners.get('message:created')).toHaveLength(1);
  });

  it('applies a logged event only when its seq is past lastSeq', () => {
    fake.fire('conversation:created', { seq: 10, conversation: conversation('Old', '2026-01-01') });
    expect(findConversation(9)).toBeUndefined();
    fake.fire('conversation:created', { seq: 11, conversation: conversation('New', '2026-01-02') });
    expect(findConversation(9)?.name).toBe('New');
    fake.fire('conversation:updated', { seq: 11, conversation: conversation('Dup', '2026-01-03') });
    expect(findConversation(9)?.name).toBe('New');
  });

  it('sends the current lastSeq on every reconnect', () => {
    fake.fire('conversation:created', { seq: 14, conversation: conversation('A', '2026-01-01') });
    expect(fake.authSent()).toEqual({ lastSeq: 14 });
  });

  it('says what was missed after coming back', () => {
    fake.fire('disconnect', 'transport close');
    expect(connectionState()).toBe('reconnecting');
    fake.fire('connect');
    const message = {
      id: 3,
      conversationId: 9,
      direction: 'inbound',
      kind: 'sms',
      text: 'Hi',
      status: 'received',
      attachments: [],
      createdAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    fake.fire('message:created', { seq: 11, conversationId: 9, message });
    fake.fire('sync:ready', { seq: 11, replayed: 1 });
    expect(connectionState()).toBe('online');
    expect(offlineSummary()).toMatch(/You were offline .* — 1 new text$/);
  });

  it('tells the server again which thread is open after a reconnect', () => {
    startViewing(9);
    fake.socket.emitted = [];
    fake.fire('disconnect', 'transport close');
    fake.fire('connect');
    expect(fake.socket.emitted).toContainEqual(['viewing:start', { conversationId: 9 }]);
  });
});
