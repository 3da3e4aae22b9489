import { For, Show } from 'solid-js';

import { currentPath } from '../../lib/router.js';
import { session, signOut } from '../../stores/session.store.js';
import { NotificationToggle } from './NotificationToggle.jsx';

const ACCOUNT_LINKS = [
  { href: '/profile', label: 'Profile' },
  { href: '/profile/notifications', label: 'My notifications' },
];

/** The account block at the foot of the phone menu: who is signed in, profile, alerts, sign out. */
export function NavAccount() {
  return (
    <div class="nav-account">
      <Show when={session.user}>
        {(user) => (
          <p class="nav-account-name">
            {user().name} <span class="account-role">{user().role}</span>
          </p>
        )}
      </Show>
      <ul class="nav-list" aria-label="Account">
        <For each={ACCOUNT_LINKS}>
          {(item) => (
            <li>
              <a
                class="nav-link"
                href={item.href}
                aria-current={currentPath() === item.href ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          )}
        </For>
      </ul>
      <div class="nav-account-actions">
        <NotificationToggle testId="notification-toggle-menu" />
        <button type="button" class="button button-small" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </div>
  );
}
