import { createEffect, Match, on, onMount, Switch } from 'solid-js';

import { AppRoutes } from './AppRoutes.jsx';
import { AppShell } from './components/shell/AppShell.jsx';
import { connectSocket, disconnectSocket } from './lib/socket.js';
import { currentPath, currentQuery, navigate } from './lib/router.js';
import { SetupPage } from './pages/SetupPage.jsx';
import { SignInPage } from './pages/SignInPage.jsx';
import { loadDirectory } from './stores/directory.store.js';
import { formatCount } from './stores/counts.store.js';
import { inboxUnread } from './stores/inbox.store.js';
import { loadSession, session } from './stores/session.store.js';
import { resetAll } from './stores/sync.js';

const PUBLIC_PATHS = new Set(['/login', '/setup']);

/** Only same-site paths may be a `next` target: `/c/4`, never `//evil.example`. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function App() {
  onMount(() => void loadSession());

  createEffect(
    on(
      () => session.status,
      (status) => {
        if (status === 'signed-in') {
          connectSocket();
          void loadDirectory();
        } else if (status !== 'loading') {
          disconnectSocket();
          resetAll();
        }
      },
    ),
  );

  createEffect(() => {
    const count = inboxUnread();
    document.title = count > 0 ? `(${formatCount(count)}) Switchboard` : 'Switchboard';
  });

  createEffect(() => {
    const status = session.status;
    const path = currentPath();
    if (status === 'signed-out' && !PUBLIC_PATHS.has(path)) {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + window.location.search)}`;
      navigate(`/login${next}`, { replace: true });
    } else if (status === 'signed-out' && path === '/setup') {
      // A used set-up link: say so on the sign-in page rather than silently swapping pages.
      navigate('/login?setup=done', { replace: true });
    } else if (status === 'needs-setup' && path !== '/setup') {
      navigate(`/setup${window.location.search}`, { replace: true });
    } else if (status === 'signed-in' && PUBLIC_PATHS.has(path)) {
      navigate(safeNext(currentQuery().get('next')), { replace: true });
    }
  });

  return (
    <Switch>
      <Match when={session.status === 'loading'}>
        <div class="splash" role="status">
          <span class="spinner" aria-hidden="true" />
          <span>Loading Switchboard…</span>
        </div>
      </Match>
      <Match when={session.status === 'needs-setup'}>
        <SetupPage />
      </Match>
      <Match when={session.status === 'signed-out'}>
        <SignInPage />
      </Match>
      <Match when={session.status === 'signed-in'}>
        <AppShell>
          <AppRoutes />
        </AppShell>
      </Match>
    </Switch>
  );
}
