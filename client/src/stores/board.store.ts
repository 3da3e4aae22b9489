import { createStore, reconcile } from 'solid-js/store';

import type { Assignee } from '@shared/dto.js';

import { errorMessage } from '../lib/api.js';
import { loadOpenConversations } from './inbox.store.js';

export interface AssignmentChange {
  seq: number;
  conversationId: number;
  assignee: Assignee | null;
  previous: Assignee | null;
  actorName: string | null;
  /** When this client learned of it: the event carries no time of its own. */
  at: number;
}

/** The supervisor board: a live feed of assignment changes and whether its data is loaded. */
interface BoardState {
  feed: AssignmentChange[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
}

const FEED_LENGTH = 50;

const [board, setBoard] = createStore<BoardState>({
  feed: [],
  loaded: false,
  loading: false,
  error: null,
});

export { board };

export async function loadBoard(): Promise<void> {
  setBoard({ loading: true, error: null });
  try {
    await loadOpenConversations();
    setBoard({ loaded: true, loading: false });
  } catch (error) {
    setBoard({ loading: false, error: errorMessage(error) });
  }
}

export function recordAssignment(change: AssignmentChange): void {
  setBoard('feed', (feed) => [change, ...feed].slice(0, FEED_LENGTH));
}

export function resetBoard(): void {
  setBoard(reconcile({ feed: [], loaded: false, loading: false, error: null }));
}
