import { For } from 'solid-js';

import { currentPath } from '../../lib/router.js';

export interface SubNavPage {
  href: string;
  label: string;
}

/** Links between the pages of one section (settings, the user's account), the current marked. */
export function SubNav(props: { label: string; pages: readonly SubNavPage[] }) {
  return (
    <nav class="settings-nav" aria-label={props.label}>
      <ul>
        <For each={props.pages}>
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
