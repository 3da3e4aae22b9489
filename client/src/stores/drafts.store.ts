import { createStore } from 'solid-js/store';

/** Unsent replies by conversation, so switching threads keeps what was being written. */
const [drafts, setDrafts] = createStore<Record<number, string>>({});

export const draftOf = (conversationId: number): string => drafts[conversationId] ?? '';

/** The newest message id the counselor had seen when each draft began: the collision guard. */
const startedAfter = new Map<number, number>();

export function saveDraft(conversationId: number, text: string): void {
  setDrafts(conversationId, text);
  if (!text.trim()) startedAfter.delete(conversationId);
}

export function clearDraft(conversationId: number): void {
  setDrafts(conversationId, '');
  startedAfter.delete(conversationId);
}

export const draftStartedAfter = (conversationId: number): number | undefined =>
  startedAfter.get(conversationId);

/** Marks where a draft began; with `moved`, the counselor has now seen up to this message. */
export function markDraftStart(conversationId: number, newestSeenId: number, moved = false): void {
  if (moved || !startedAfter.has(conversationId)) startedAfter.set(conversationId, newestSeenId);
}
