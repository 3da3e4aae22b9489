import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { InboxViewCount } from '@shared/dto.js';

import * as api from '../lib/api.js';

/** The inbox tab counts from `GET /api/conversations/counts`, refreshed as events arrive. */
interface CountsState {
  loaded: boolean;
  views: Record<string, InboxViewCount>;
  /** Open threads with a student text this user has not read: the badge and the tab title. */
  unread: number;
  cap: number;
}

const initial = (): CountsState => ({ loaded: false, views: {}, unread: 0, cap: 100 });

const [counts, setCounts] = createStore<CountsState>(initial());

export { counts };

/** However many events arrive, the counts are refetched at most about once a second. */
const REFRESH_MS = 1_000;

let timer: number | undefined;
let loading = false;
let again = false;
let generation = 0;

export async function loadCounts(): Promise<void> {
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  const asked = generation;
  try {
    const answer = await api.getInboxCounts();
    if (asked !== generation) return;
    batch(() => {
      setCounts('views', reconcile(Object.fromEntries(answer.views.map((v) => [v.view, v]))));
      setCounts({ loaded: true, unread: answer.unread, cap: answer.cap });
    });
  } catch {
    // The counts are a summary: the next event or refresh brings them back.
  } finally {
    loading = false;
    if (again) {
      again = false;
      scheduleCounts();
    }
  }
}

/** Asks for fresh counts soon; calls in the meantime fold into that one request. */
export function scheduleCounts(): void {
  if (timer !== undefined) return;
  timer = window.setTimeout(() => {
    timer = undefined;
    void loadCounts();
  }, REFRESH_MS);
}

export function resetCounts(): void {
  generation += 1;
  window.clearTimeout(timer);
  timer = undefined;
  setCounts(reconcile(initial()));
}

/** "1,204", or "99+" for a capped count (unread, participating) that reached the cap. */
export function formatCount(value: number, capped = true): string {
  return capped && value >= counts.cap ? `${counts.cap - 1}+` : value.toLocaleString();
}

/** Participating is counted by a join per thread, so its numbers stop at the cap too. */
export const isCappedView = (view: string): boolean => view === 'participating';

/** The number a tab shows for its view under the status filter. */
export function viewTotal(view: string, status: 'open' | 'closed' | 'all'): number | null {
  const count = counts.views[view];
  if (!count) return null;
  if (status === 'open') return count.open;
  if (status === 'closed') return count.closed;
  return count.open + count.closed;
}
