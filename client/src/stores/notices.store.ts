import { createStore } from 'solid-js/store';

export interface Notice {
  id: number;
  text: string;
  tone: 'success' | 'info' | 'error';
}

/** Routine confirmations fade quickly; an error waits until someone dismisses it. */
const NOTICE_MS = 4_000;

/** Short confirmations that outlive a navigation ("your text was added to it"). */
const [notices, setNotices] = createStore<Notice[]>([]);

export { notices };

let nextId = 1;

export function dismissNotice(id: number): void {
  setNotices((list) => list.filter((notice) => notice.id !== id));
}

export function showNotice(text: string, tone: Notice['tone'] = 'success'): void {
  const id = nextId++;
  setNotices((list) => [...list, { id, text, tone }]);
  if (tone !== 'error') window.setTimeout(() => dismissNotice(id), NOTICE_MS);
}
