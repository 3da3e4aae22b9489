import { createStore, produce } from 'solid-js/store';

/**
 * What the screen reader should say, outside any component: two live regions (Announcer.tsx)
 * render these lists. Each line is a new node, so two announcements in a row are both read,
 * and a line goes away after a while so the regions never grow into a second history.
 */

export type Politeness = 'polite' | 'assertive';

export interface Announcement {
  id: number;
  text: string;
}

type AnnouncerState = Record<Politeness, Announcement[]>;

const KEEP_MS = 15_000;
const KEEP_LINES = 3;
const MAX_CHARS = 160;

const [lines, setLines] = createStore<AnnouncerState>({ polite: [], assertive: [] });

let nextId = 1;

export const announcements = (politeness: Politeness): Announcement[] => lines[politeness];

/** Cuts a long text at a word, with an ellipsis, so a long message is not read out whole. */
export function shorten(text: string, limit = MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}

export function announce(text: string, politeness: Politeness = 'polite'): void {
  const line = { id: nextId++, text: shorten(text) };
  setLines(
    produce((state) => {
      state[politeness].push(line);
      if (state[politeness].length > KEEP_LINES) state[politeness].shift();
    }),
  );
  window.setTimeout(() => forget(politeness, line.id), KEEP_MS);
}

function forget(politeness: Politeness, id: number): void {
  setLines(politeness, (list) => list.filter((line) => line.id !== id));
}

export function resetAnnouncer(): void {
  setLines({ polite: [], assertive: [] });
}
