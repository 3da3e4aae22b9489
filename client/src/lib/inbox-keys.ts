import { announce } from '../stores/announcer.store.js';
import { focusWhenShown } from './arrival-focus.js';
import { focusLost } from './focus.js';
import { navigate } from './router.js';
import { bindShortcut } from './shortcuts.js';

const ROW = '[data-testid="inbox-row"]';

/** The inbox rows on screen, top to bottom. */
export const inboxRows = (): HTMLElement[] => [
  ...document.querySelectorAll<HTMLElement>(`#inbox-panel ${ROW}`),
];

const rowId = (row: HTMLElement | undefined): number | null =>
  row ? Number(row.dataset.conversationId) : null;

const isShown = (element: Element) => element.getClientRects().length > 0;

/** Focuses a row and scrolls it into view; false when there is no such row or it is hidden. */
export function focusRow(row: HTMLElement | undefined): boolean {
  if (!row || !isShown(row)) return false;
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

export function focusRowById(id: number | null): boolean {
  return focusRow(inboxRows().find((row) => rowId(row) === id));
}

/** The id of the row after this one, or before it when it is the last: where focus goes next. */
export function neighbourRowId(id: number): number | null {
  const rows = inboxRows();
  const index = rows.findIndex((row) => rowId(row) === id);
  if (index < 0) return null;
  return rowId(rows[index + 1] ?? rows[index - 1]);
}

/** Esc from the thread: back to its row, opening the list first where it was hidden (phones). */
export function returnToList(selectedId: number | null): void {
  if (focusRowById(selectedId) || focusRow(inboxRows()[0])) return;
  navigate('/');
  focusWhenShown(() => inboxRows().find((row) => rowId(row) === selectedId) ?? inboxRows()[0]);
}

/** Opens a row; the open conversation's own row just takes the focus into its thread. */
function openRow(row: HTMLElement, selectedId: number | null): void {
  if (rowId(row) === selectedId) document.getElementById('thread-title')?.focus();
  else row.click();
}

export interface InboxKeyOptions {
  selectedId: () => number | null;
  hasMore: () => boolean;
  loadMore: () => Promise<void>;
}

const focusInList = () => document.activeElement?.closest('#inbox-panel') != null;
const focusInThread = () => document.activeElement?.closest('.inbox-thread') != null;

/** Where a move starts: the focused row, or the open conversation's, or before the first. */
function startIndex(rows: HTMLElement[], selectedId: number | null): number {
  const focused = rows.findIndex((row) => row === document.activeElement);
  if (focused >= 0) return focused;
  return rows.findIndex((row) => rowId(row) === selectedId);
}

/** The row `delta` away, loading the next page when the move runs past the loaded end. */
async function rowAtOffset(delta: number, options: InboxKeyOptions): Promise<HTMLElement | null> {
  let rows = inboxRows();
  const from = startIndex(rows, options.selectedId());
  const target = from < 0 ? (delta > 0 ? 0 : rows.length - 1) : from + delta;
  if (target >= rows.length && options.hasMore()) {
    await options.loadMore();
    rows = inboxRows();
  }
  if (from >= 0 && (target < 0 || target >= rows.length)) announceEnd(target < 0);
  return rows[Math.max(0, Math.min(target, rows.length - 1))] ?? null;
}

/** A move past either end stays put, so the screen reader says why nothing happened. */
function announceEnd(atStart: boolean): void {
  announce(atStart ? 'First conversation' : 'Last conversation');
}

/** j and k: in the list they move the focus; from an open thread they open the neighbour. */
export async function moveInInbox(delta: number, options: InboxKeyOptions): Promise<void> {
  const inThread = !focusInList() && (focusInThread() || options.selectedId() !== null);
  const row = await rowAtOffset(delta, options);
  if (!row) return;
  if (inThread) {
    const id = rowId(row);
    if (id !== options.selectedId()) navigate(`/c/${id}`);
  } else {
    focusRow(row);
  }
}

/** Arrows, Home and End on a focused row; the list's own keydown handler calls this. */
export function handleRowKey(event: KeyboardEvent, options: InboxKeyOptions): void {
  const row = (event.target as Element).closest<HTMLElement>(ROW);
  if (!row) return;
  const rows = inboxRows();
  const moves: Record<string, () => void> = {
    ArrowDown: () => void moveInInbox(1, options),
    ArrowUp: () => void moveInInbox(-1, options),
    Home: () => focusRow(rows[0]),
    End: () => focusRow(rows[rows.length - 1]),
    Enter: () => openRow(row, options.selectedId()),
  };
  const move = moves[event.key];
  if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  move();
}

/** Binds the inbox's single keys while the list is on screen; returns the unbinding. */
export function bindInboxKeys(options: InboxKeyOptions): () => void {
  const search = () => document.getElementById('inbox-search') as HTMLInputElement | null;
  const stops = [
    bindShortcut({ key: 'j', run: () => void moveInInbox(1, options) }),
    bindShortcut({ key: 'k', run: () => void moveInInbox(-1, options) }),
    bindShortcut({
      key: 'o',
      when: () => document.activeElement?.matches(ROW) ?? false,
      run: () => openRow(document.activeElement as HTMLElement, options.selectedId()),
    }),
    bindShortcut({
      key: '/',
      when: () => search() !== null && isShown(search()!),
      run: () => {
        search()?.focus();
        search()?.select();
      },
    }),
    bindShortcut({
      key: 'Escape',
      inFields: true,
      when: () =>
        focusInThread() || focusLost() || (document.activeElement === search() && !search()?.value),
      run: () => returnToList(options.selectedId()),
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
