import { createSignal, For, Show } from 'solid-js';

import { currentPath } from '../../lib/router.js';
import { directory } from '../../stores/directory.store.js';
import { formatCount } from '../../stores/counts.store.js';
import { inboxUnread } from '../../stores/inbox.store.js';
import { isAdmin, isSupervisor, session, signOut } from '../../stores/session.store.js';
import { Avatar } from '../common/Avatar.jsx';
import { Icon } from '../common/Icon.jsx';
import { NotificationToggle } from './NotificationToggle.jsx';

interface NavItem {
  href: string;
  label: string;
  /** Paths under this prefix mark the item current too. */
  prefix?: string;
  shown: () => boolean;
}

const always = () => true;

const WORK_ITEMS: NavItem[] = [
  { href: '/', label: 'Inbox', shown: always },
  { href: '/contacts', label: 'Contacts', prefix: '/contacts', shown: always },
  { href: '/board', label: 'Board', shown: isSupervisor },
  { href: '/simulator', label: 'Simulator', shown: () => directory.simulatorEnabled },
];

const ADMIN_ITEMS: NavItem[] = [
  { href: '/admin/users', label: 'Users', shown: isAdmin },
  { href: '/admin/teams', label: 'Teams', shown: isAdmin },
  { href: '/admin/numbers', label: 'Numbers', shown: isAdmin },
  { href: '/settings/sms', label: 'Settings', prefix: '/settings', shown: isAdmin },
];

function isCurrent(item: NavItem, path: string): boolean {
  if (item.href === '/') return path === '/' || path.startsWith('/c/') || path === '/new';
  return path === item.href || (item.prefix !== undefined && path.startsWith(`${item.prefix}/`));
}

export function TopBar() {
  const [menuOpen, setMenuOpen] = createSignal(false);

  const handleNavClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) setMenuOpen(false);
  };

  const link = (item: NavItem) => (
    <Show when={item.shown()}>
      <li>
        <a
          class="nav-link"
          href={item.href}
          aria-current={isCurrent(item, currentPath()) ? 'page' : undefined}
        >
          {item.label}{' '}
          <Show when={item.href === '/' && inboxUnread() > 0}>
            <span class="nav-count">
              {formatCount(inboxUnread())}
              <span class="sr-only"> unread</span>
            </span>
          </Show>
        </a>
      </li>
    </Show>
  );

  return (
    <header class="topbar">
      <a class="brand" href="/">
        <span class="brand-mark" aria-hidden="true">
          <Icon name="sms" size={16} />
        </span>
        <span class="brand-name">Switchboard</span>
      </a>

      <button
        type="button"
        class="button button-ghost menu-toggle"
        aria-expanded={menuOpen()}
        aria-controls="main-nav"
        onClick={() => setMenuOpen(!menuOpen())}
      >
        <Icon name={menuOpen() ? 'close' : 'menu'} size={18} />
        <span>Menu</span>
      </button>

      <nav
        id="main-nav"
        class="main-nav"
        classList={{ open: menuOpen() }}
        aria-label="Main"
        onClick={handleNavClick}
      >
        <ul class="nav-list">
          <For each={WORK_ITEMS}>{link}</For>
        </ul>
        <Show when={isAdmin()}>
          <ul class="nav-list nav-admin" aria-label="Admin">
            <li class="nav-group-label" aria-hidden="true">
              Admin
            </li>
            <For each={ADMIN_ITEMS}>{link}</For>
          </ul>
        </Show>
        <div class="nav-account">
          <span class="nav-account-name">
            {session.user?.name} <span class="account-role">{session.user?.role}</span>
          </span>
          <button type="button" class="button button-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </nav>

      <div class="account">
        <Show when={session.user}>
          {(user) => (
            <>
              <Avatar name={user().name} size="small" />
              <span class="account-name">
                <span class="account-user">{user().name}</span>
                <span class="account-role">{user().role}</span>
              </span>
            </>
          )}
        </Show>
        <NotificationToggle />
        <button type="button" class="button button-ghost" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
