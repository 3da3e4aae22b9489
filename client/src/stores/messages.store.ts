import { createStore, produce, reconcile } from 'solid-js/store';

import type { DeliveryStatus, MessageDto } from '@shared/dto.js';

import * as api from '../lib/api.js';

/** Message histories of the threads this client has opened, oldest first. */
interface MessagesState {
  byConversation: Record<number, MessageDto[]>;
  loading: Record<number, boolean>;
  errors: Record<number, string | null>;
}

const [messages, setMessages] = createStore<MessagesState>({
  byConversation: {},
  loading: {},
  errors: {},
});

export { messages };

const time = (iso: string): number => Date.parse(iso) || 0;

const oldestFirst = (a: MessageDto, b: MessageDto): number =>
  time(a.createdAt) - time(b.createdAt) || a.id - b.id;

const RANK: Record<DeliveryStatus, number> = {
  received: 0,
  queued: 0,
  submitted: 1,
  delivered: 2,
  rejected: 3,
  undeliverable: 3,
  failed: 3,
};

/**
 * Receipts can arrive late, twice or out of order: a newer version wins, and at the same
 * timestamp a state never moves backwards.
 */
function isNewer(next: MessageDto, current: MessageDto): boolean {
  const diff = time(next.updatedAt) - time(current.updatedAt);
  if (diff !== 0) return diff > 0;
  return RANK[next.status] >= RANK[current.status];
}

export const threadMessages = (conversationId: number): MessageDto[] =>
  messages.byConversation[conversationId] ?? [];

export const isLoaded = (conversationId: number): boolean =>
  messages.byConversation[conversationId] !== undefined;

export async function loadMessages(conversationId: number): Promise<void> {
  setMessages('loading', conversationId, true);
  setMessages('errors', conversationId, null);
  try {
    const answer = await api.listMessages(conversationId);
    const known = messages.byConversation[conversationId] ?? [];
    const merged = new Map(answer.messages.map((message) => [message.id, message]));
    for (const message of known) {
      const fetched = merged.get(message.id);
      if (!fetched || isNewer(message, fetched)) merged.set(message.id, message);
    }
    const list = [...merged.values()].sort(oldestFirst);
    setMessages('byConversation', conversationId, reconcile(list, { key: 'id' }));
  } catch (error) {
    setMessages('errors', conversationId, api.errorMessage(error));
  } finally {
    setMessages('loading', conversationId, false);
  }
}

/** Adds or updates one message of a thread whose history is loaded; other threads wait. */
export function upsertMessage(message: MessageDto): void {
  const conversationId = message.conversationId;
  if (!isLoaded(conversationId)) return;

  setMessages(
    'byConversation',
    conversationId,
    produce((list) => {
      const index = list.findIndex((existing) => existing.id === message.id);
      if (index === -1) {
        list.push(message);
        if (list.length > 1 && oldestFirst(list[list.length - 2]!, message) > 0) {
          list.sort(oldestFirst);
        }
        return;
      }
      if (isNewer(message, list[index]!)) list[index] = message;
    }),
  );
}

export function resetMessages(): void {
  setMessages(reconcile({ byConversation: {}, loading: {}, errors: {} }));
}

/** The threads whose history is loaded, to refetch after the server resets the event log. */
export function loadedConversationIds(): number[] {
  return Object.keys(messages.byConversation).map(Number);
}
