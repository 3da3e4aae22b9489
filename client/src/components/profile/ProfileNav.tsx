import { For } from 'solid-js';

import { currentPath } from '../../lib/router.js';

const PROFILE_PAGES = [
  { href: '/profile', label: 'Profile' },
  { href: '/profile/notifications', label: 'My notifications' },
] as const;

/** Links between the profile and the user's notification log. */
export function ProfileNav() {
  return (
    <nav class="settings-nav" aria-label="Your account">
      <ul>
        <For each={PROFILE_PAGES}>
          {(page) => (
            <li>
              <a href={page.href} aria-current={currentPath() === page.href ? 'page' : undefined}>
                {page.label}
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
