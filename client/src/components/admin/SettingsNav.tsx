import { For } from 'solid-js';

import { currentPath } from '../../lib/router.js';

/** The settings sections, in the order the sub-navigation lists them. */
export const SETTINGS_PAGES = [
  { href: '/settings/sms', label: 'SMS' },
  { href: '/settings/tags', label: 'Tags' },
  { href: '/settings/rules', label: 'Rules' },
  { href: '/settings/assistant', label: 'Assistant & bot' },
] as const;

/** Links between the settings pages, shown at the top of each. */
export function SettingsNav() {
  return (
    <nav class="settings-nav" aria-label="Settings">
      <ul>
        <For each={SETTINGS_PAGES}>
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
