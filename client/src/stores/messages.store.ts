import { batch } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';

import type { DeliveryStatus, MessageDto } from '@shared/dto.js';

import * as api from '../lib/api.js';

/** A reply on screen before the server has it: "Sending…", or "Not sent" with the reason. */
export interface PendingSend {
  clientId: string;
  conversationId: number;
  text: string;
  files: api.UploadAnswer[];
  state: 'sending' | 'failed';
  error: string | null;
  createdAt: string;
}

/** Message histories of the threads this client has opened, oldest first, and unsent replies. */
interface MessagesState {
  byConversation: Record<number, MessageDto[]>;
  loading: Record<number, boolean>;
  errors: Record<number, string | null>;
  pending: Record<number, PendingSend[]>;
}

const EMPTY: MessagesState = { byConversation: {}, loading: {}, errors: {}, pending: {} };

const [messages, setMessages] = createStore<MessagesState>(structuredClone(EMPTY));

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

export const findMessage = (conversationId: number, id: number): MessageDto | undefined =>
  threadMessages(conversationId).find((message) => message.id === id);

/**
 * Adds or updates one message of a thread whose history is loaded; other threads wait. The
 * sender's "Sending…" copy gives way to it in the same update, so the two never show together.
 */
export function upsertMessage(message: MessageDto): void {
  batch(() => {
    if (message.clientId) dropPending(message.conversationId, message.clientId);
    storeMessage(message);
  });
}

function storeMessage(message: MessageDto): void {
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
  setMessages(reconcile(structuredClone(EMPTY)));
}

export const pendingSends = (conversationId: number): PendingSend[] =>
  messages.pending[conversationId] ?? [];

export const findPending = (conversationId: number, clientId: string): PendingSend | undefined =>
  pendingSends(conversationId).find((copy) => copy.clientId === clientId);

export function addPending(copy: PendingSend): void {
  setMessages('pending', copy.conversationId, (list = []) => [...list, copy]);
}

export function markPending(
  conversationId: number,
  clientId: string,
  change: Pick<PendingSend, 'state' | 'error'>,
): void {
  setMessages('pending', conversationId, (copy) => copy.clientId === clientId, change);
}

export function dropPending(conversationId: number, clientId: string): void {
  if (!findPending(conversationId, clientId)) return;
  setMessages('pending', conversationId, (list) =>
    list.filter((copy) => copy.clientId !== clientId),
  );
}

/** The threads whose history is loaded, to refetch after the server resets the event log. */
export function loadedConversationIds(): number[] {
  return Object.keys(messages.byConversation).map(Number);
}
