import { focusLost } from './focus.js';

/** Long enough for a thread or the inbox's first page to arrive on a slow connection. */
const WAIT_MS = 8_000;

const TABBABLE_ROW = '#inbox-panel [data-testid="inbox-row"][tabindex="0"]';

/** The inbox row Tab reaches: the open conversation's, the last focused, or the first. */
export const tabbableRow = () => document.querySelector<HTMLElement>(TABBABLE_ROW);

/** A page's own focus target: the thread heading, a form's first field, else the heading. */
export const pageTarget = () => document.querySelector<HTMLElement>('main [data-autofocus]');

/**
 * Focuses the target as soon as it is on screen, while the focus is still lost (on the body
 * after a fresh load or a removed control). Gives up once the user puts the focus anywhere
 * else, so a field they went to first keeps it. Returns the function that stops waiting.
 */
export function focusWhenShown(target: () => HTMLElement | null | undefined): () => void {
  const settle = (): boolean => {
    if (!focusLost()) return true;
    const element = target();
    if (!element || element.getClientRects().length === 0) return false;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
    return true;
  };
  if (settle()) return () => undefined;

  const observer = new MutationObserver(() => {
    if (settle()) stop();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
    document.removeEventListener('focusin', stop);
  }
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  document.addEventListener('focusin', stop);
  return stop;
}
