import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** The width at which the inbox shows the contact beside the thread (keep in step with CSS). */
export const WIDE_LAYOUT = '(min-width: 1440px)';

/** The width below which the inbox shows the list or the thread, never both (as in CSS). */
export const STACKED_LAYOUT = '(max-width: 767px)';

/** Whether a media query matches, kept current for as long as the calling owner lives. */
export function createMediaQuery(query: string): Accessor<boolean> {
  const list = window.matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const handleChange = (event: MediaQueryListEvent) => setMatches(event.matches);
  list.addEventListener('change', handleChange);
  onCleanup(() => list.removeEventListener('change', handleChange));
  return matches;
}
