import { createStore, reconcile } from 'solid-js/store';

import type { Assignee, AssignmentChangeDto } from '@shared/dto.js';

import { errorMessage, getBoard } from '../lib/api.js';
import { loadOpenConversations } from './inbox.store.js';

export interface AssignmentChange {
  seq: number;
  conversationId: number;
  assignee: Assignee | null;
  previous: Assignee | null;
  actorId: number | null;
  actorName: string | null;
  /** From the board's first load; live events name no conversation. */
  conversationName?: string | null;
  /** When it happened (loaded) or when this client learned of it (live events carry no time). */
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
    const [answer] = await Promise.all([getBoard(), loadOpenConversations()]);
    mergeFeed(answer.feed.map(fromDto));
    setBoard({ loaded: true, loading: false });
  } catch (error) {
    setBoard({ loading: false, error: errorMessage(error) });
  }
}

export function recordAssignment(change: AssignmentChange): void {
  mergeFeed([change]);
}

/** Adds changes to the feed once each, newest (highest seq) first. */
function mergeFeed(changes: AssignmentChange[]): void {
  setBoard('feed', (feed) => {
    const bySeq = new Map([...changes, ...feed].map((change) => [change.seq, change]));
    return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, FEED_LENGTH);
  });
}

const fromDto = (change: AssignmentChangeDto): AssignmentChange => ({
  seq: change.seq,
  conversationId: change.conversationId,
  assignee: change.assignee,
  previous: change.previous,
  actorId: change.actor?.id ?? null,
  actorName: change.actor?.name ?? null,
  conversationName: change.conversationName,
  at: Date.parse(change.at) || Date.now(),
});

export function resetBoard(): void {
  setBoard(reconcile({ feed: [], loaded: false, loading: false, error: null }));
}
