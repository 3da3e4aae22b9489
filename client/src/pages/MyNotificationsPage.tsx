import { createSignal, For, onMount, Show } from 'solid-js';

import type { NotificationDto } from '@shared/dto.js';

import { Alert } from '../components/common/Alert.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { ProfileNav } from '../components/profile/ProfileNav.jsx';
import { errorMessage, listNotifications } from '../lib/api.js';
import { fullDateTime } from '../lib/format.js';

const PAGE_SIZE = 50;

/** The thread an email is about, as a path on this site (the email holds `PUBLIC_URL/c/:id`). */
const threadLink = (body: string): string | null => {
  const id = /\/c\/(\d+)\b/.exec(body)?.[1];
  return id ? `/c/${id}` : null;
};

/** The user's emails as the in-app log keeps them, newest first. */
export function MyNotificationsPage() {
  const [items, setItems] = createSignal<NotificationDto[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [more, setMore] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const load = async (before?: number) => {
    setBusy(true);
    setError(null);
    try {
      const { notifications } = await listNotifications(before);
      setItems((list) => (before ? [...list, ...notifications] : notifications));
      setMore(notifications.length === PAGE_SIZE);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoaded(true);
      setBusy(false);
    }
  };

  onMount(() => void load());

  return (
    <div class="page page-form">
      <ProfileNav />
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            My notifications
          </h1>
          <p class="page-intro">
            The emails Switchboard sent you, newest first. When no mail server (SMTP) is configured,
            this is where they land instead of your mailbox. Turn them on or off in your{' '}
            <a href="/profile">profile</a>.
          </p>
        </div>
      </header>
      <Show when={error() && items().length > 0}>
        <Alert>{error()}</Alert>
      </Show>
      <section class="card" aria-label="Emails">
        <ListGate
          loaded={loaded()}
          error={error()}
          onRetry={() => void load()}
          count={items().length}
          noun="your emails"
          empty="No emails yet. They come when a student texts a conversation you are in."
          size="row"
        >
          <ul class="plain-list notification-list">
            <For each={items()}>
              {(item) => (
                <li class="notification-item" data-testid="notification">
                  <div class="notification-head">
                    <h2 class="notification-subject">{item.subject}</h2>
                    <time class="muted" datetime={item.createdAt}>
                      {fullDateTime(item.createdAt)}
                    </time>
                  </div>
                  <p class="notification-body">{item.body}</p>
                  <Show when={threadLink(item.body)}>
                    {(href) => <a href={href()}>Open the conversation</a>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </ListGate>
      </section>
      <Show when={more()}>
        <div class="form-actions form-actions-start">
          <button
            type="button"
            class="button"
            disabled={busy()}
            onClick={() => void load(items().at(-1)?.id)}
          >
            {busy() ? 'Loading…' : 'Show older'}
          </button>
        </div>
      </Show>
    </div>
  );
}
