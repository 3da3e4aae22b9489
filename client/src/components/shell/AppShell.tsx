import type { JSX } from 'solid-js';

import { Announcer } from './Announcer.jsx';
import { ConnectionBanner } from './ConnectionBanner.jsx';
import { KeyboardShortcuts } from './KeyboardShortcuts.jsx';
import { Notices } from './Notices.jsx';
import { TopBar } from './TopBar.jsx';

export function AppShell(props: { children: JSX.Element }) {
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      <ConnectionBanner />
      <main id="main" class="app-main" tabindex="-1">
        {props.children}
      </main>
      <Notices />
      <KeyboardShortcuts />
      <Announcer />
    </div>
  );
}
