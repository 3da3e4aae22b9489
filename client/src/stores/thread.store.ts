import { createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { Assignee, ConversationDto, MessageDto } from '@shared/dto.js';
import type { PresenceEntry } from '@shared/events.js';

import * as api from '../lib/api.js';
import { putContact } from './contacts.store.js';
import { onConversationChanged, onMessageAdded, putConversation } from './inbox.store.js';
import { loadMessages, upsertMessage } from './messages.store.js';
import { currentUser } from './session.store.js';

/** The thread on screen, and who else is viewing or typing in each thread. */
interface ThreadState {
  openId: number | null;
  error: string | null;
  notFound: boolean;
  viewers: Record<number, PresenceEntry[]>;
  typers: Record<number, PresenceEntry[]>;
}

const [thread, setThread] = createStore<ThreadState>({
  openId: null,
  error: null,
  notFound: false,
  viewers: {},
  typers: {},
});

export { thread };

const [pageVisible, setPageVisible] = createSignal(document.visibilityState === 'visible');

document.addEventListener('visibilitychange', () => {
  setPageVisible(document.visibilityState === 'visible');
});

export { pageVisible };

/** True when the user can see this thread right now: it is open and the tab is in front. */
export const isThreadVisible = (conversationId: number): boolean =>
  thread.openId === conversationId && pageVisible();

export async function reloadThread(id: number): Promise<void> {
  try {
    const [{ conversation }] = await Promise.all([api.getConversation(id), loadMessages(id)]);
    putConversation(conversation);
    if (thread.openId === id) setThread({ error: null, notFound: false });
  } catch (error) {
    if (thread.openId !== id) return;
    const notFound = error instanceof api.ApiError && error.status === 404;
    setThread({ error: api.errorMessage(error), notFound });
  }
}

export function openThread(id: number): void {
  setThread({ openId: id, error: null, notFound: false });
  void reloadThread(id);
}

export function closeThread(id: number): void {
  if (thread.openId === id) setThread({ openId: null, error: null, notFound: false });
}

const others = (entries: PresenceEntry[]): PresenceEntry[] =>
  entries.filter((entry) => entry.userId !== currentUser()?.id);

export const viewersOf = (id: number): PresenceEntry[] => others(thread.viewers[id] ?? []);

export const typersOf = (id: number): PresenceEntry[] => others(thread.typers[id] ?? []);

export function onPresenceUpdated(conversationId: number, viewers: PresenceEntry[]): void {
  setThread('viewers', conversationId, reconcile(viewers, { key: 'userId' }));
}

export function onTypingUpdated(conversationId: number, typers: PresenceEntry[]): void {
  setThread('typers', conversationId, reconcile(typers, { key: 'userId' }));
}

/** Forgets who is viewing and typing everywhere (offline: the server's snapshot refills it). */
export function clearPresence(): void {
  setThread('viewers', reconcile({}));
  setThread('typers', reconcile({}));
}

export function resetThread(): void {
  setThread(reconcile({ openId: null, error: null, notFound: false, viewers: {}, typers: {} }));
}

/** Sets the assignee, racing fairly: `ifAssignee` is what the user saw when they chose. */
export async function assignThread(
  conversation: ConversationDto,
  assignee: Assignee | null,
): Promise<void> {
  const answer = await api.assignConversation(conversation.id, assignee, conversation.assignee);
  putConversation(answer.conversation);
}

export async function joinThread(id: number): Promise<void> {
  const answer = await api.joinConversation(id);
  putConversation(answer.conversation);
}

export async function leaveThread(id: number): Promise<void> {
  const answer = await api.leaveConversation(id);
  putConversation(answer.conversation);
}

export async function setThreadOpen(id: number, open: boolean): Promise<void> {
  const answer = await api.setConversationStatus(id, open);
  // Its own broadcast may come first and carry the same version: place it in the view now.
  onConversationChanged(answer.conversation);
}

/** Sends a reply and shows it at once, before its `message:created` event arrives. */
export async function sendReply(
  id: number,
  text: string,
  attachmentIds: string[] = [],
  guard: api.SendGuard = {},
): Promise<MessageDto> {
  const { message } = await api.sendMessage(id, text, attachmentIds, guard);
  upsertMessage(message);
  onMessageAdded(message, true);
  return message;
}

/** Sends a failed text again; its state goes back to queued at once. */
export async function retryFailed(messageId: number): Promise<void> {
  const { message } = await api.retryMessage(messageId);
  upsertMessage(message);
}

/** The thread's "possible opt-out" was right: unsubscribe the contact and clear the flag. */
export async function confirmPossibleOptOut(id: number): Promise<void> {
  const answer = await api.confirmOptOut(id);
  putConversation(answer.conversation);
  putContact(answer.contact);
}

export async function dismissPossibleOptOut(id: number): Promise<void> {
  const answer = await api.dismissOptOut(id);
  putConversation(answer.conversation);
}
