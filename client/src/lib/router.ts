import { createSignal } from 'solid-js';

/** A tiny History-API router: one location signal, `navigate`, and path-pattern matching. */

interface Location {
  path: string;
  search: string;
}

const read = (): Location => ({ path: window.location.pathname, search: window.location.search });

const [location, setLocation] = createSignal<Location>(read());

export const currentPath = (): string => location().path;

export const currentQuery = (): URLSearchParams => new URLSearchParams(location().search);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const here = window.location.pathname + window.location.search;
  if (to !== here) {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
  }
  setLocation(read());
}

/** Same-origin `<a href>` clicks navigate in place; modified clicks and new tabs are left alone. */
function handleDocumentClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;

  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return;
  if (anchor.origin !== window.location.origin || anchor.pathname.startsWith('/api/')) return;
  if (anchor.hash && anchor.pathname === window.location.pathname) return;

  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => setLocation(read()));
  document.addEventListener('click', handleDocumentClick);
}

/** Matches `/c/:id` against `/c/42` → `{ id: '42' }`; null when the path does not fit. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;

  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}
