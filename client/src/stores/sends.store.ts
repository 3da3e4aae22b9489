import { createEffect, createSignal, untrack } from 'solid-js';

import * as api from '../lib/api.js';
import { onMessageAdded } from './inbox.store.js';
import { announceSendFailure } from './live-news.store.js';
import {
  addPending,
  dropPending,
  findPending,
  markPending,
  upsertMessage,
} from './messages.store.js';

/**
 * Optimistic replies. The text shows in the thread at once as "Sending…" under an id of our own
 * (`clientId`); the server echoes that id on its answer and on `message:created`, and whichever
 * comes first replaces the copy. A refusal leaves the copy as "Not sent" with Retry and Edit.
 */

export interface ReplyDraft {
  text: string;
  files: api.UploadAnswer[];
}

let counter = 0;

const newClientId = (): string =>
  [Date.now(), (counter += 1), Math.floor(Math.random() * 36 ** 6)]
    .map((part) => part.toString(36))
    .join('-');

/**
 * Resolves true once the server has the reply, false when it is left "Not sent". A collision
 * hold (`newer_messages`) removes the copy and rethrows: the composer shows what is new.
 */
export function sendOptimistic(
  conversationId: number,
  draft: ReplyDraft,
  guard: api.SendGuard,
): Promise<boolean> {
  const clientId = newClientId();
  addPending({
    clientId,
    conversationId,
    text: draft.text,
    files: draft.files,
    state: 'sending',
    error: null,
    createdAt: new Date().toISOString(),
  });
  return post(conversationId, clientId, guard);
}

async function post(conversationId: number, clientId: string, guard: api.SendGuard) {
  const copy = findPending(conversationId, clientId);
  if (!copy) return false;
  const ids = copy.files.map((file) => file.attachment.id);
  try {
    const { message } = await api.sendMessage(conversationId, copy.text, ids, {
      ...guard,
      clientId,
    });
    upsertMessage(message);
    onMessageAdded(message, true);
    return true;
  } catch (failure) {
    if (failure instanceof api.ApiError && failure.code === 'newer_messages') {
      dropPending(conversationId, clientId);
      throw failure;
    }
    const reason = api.errorMessage(failure);
    markPending(conversationId, clientId, { state: 'failed', error: reason });
    announceSendFailure(conversationId, reason);
    return false;
  }
}

/** Sends a "Not sent" reply again as it is: the counselor has it in front of them. */
export function retrySend(conversationId: number, clientId: string): Promise<boolean> {
  markPending(conversationId, clientId, { state: 'sending', error: null });
  return post(conversationId, clientId, { force: true });
}

const [editRequest, setEditRequest] = createSignal<
  (ReplyDraft & { conversationId: number }) | null
>(null);

export { editRequest };

/** Takes a "Not sent" reply out of the thread and back into that thread's composer. */
export function editSend(conversationId: number, clientId: string): void {
  const copy = findPending(conversationId, clientId);
  if (!copy) return;
  dropPending(conversationId, clientId);
  setEditRequest({ conversationId, text: copy.text, files: copy.files });
}

/** For the composer of a thread: receives the replies sent back to it with Edit. */
export function onEditRequest(conversationId: number, apply: (draft: ReplyDraft) => void): void {
  createEffect(() => {
    const request = editRequest();
    if (request?.conversationId !== conversationId) return;
    setEditRequest(null);
    untrack(() => apply({ text: request.text, files: request.files }));
  });
}
