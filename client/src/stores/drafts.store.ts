import { createStore } from 'solid-js/store';

/** Unsent replies by conversation, so switching threads keeps what was being written. */
const [drafts, setDrafts] = createStore<Record<number, string>>({});

export const draftOf = (conversationId: number): string => drafts[conversationId] ?? '';

export function saveDraft(conversationId: number, text: string): void {
  setDrafts(conversationId, text);
}

export function clearDraft(conversationId: number): void {
  setDrafts(conversationId, '');
}
