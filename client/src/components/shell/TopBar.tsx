import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';

import { currentPath } from '../../lib/router.js';
import { directory } from '../../stores/directory.store.js';
import { formatCount } from '../../stores/counts.store.js';
import { inboxUnread } from '../../stores/inbox.store.js';
import { isAdmin, isSupervisor, session, signOut } from '../../stores/session.store.js';
import { Avatar } from '../common/Avatar.jsx';
import { Icon } from '../common/Icon.jsx';
import { NavAccount } from './NavAccount.jsx';
import { NotificationToggle } from './NotificationToggle.jsx';
import { ShortcutsButton } from './ShortcutsButton.jsx';

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
  { href: '/reports', label: 'Reports', shown: isSupervisor },
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

/**
 * The top bar. On a phone the navigation folds into a menu: focus moves into it when it opens
 * and back to the Menu button when Esc or a tap outside closes it; that tap still reaches
 * whatever it was aimed at.
 */
export function TopBar() {
  const [menuOpen, setMenuOpen] = createSignal(false);
  let toggle: HTMLButtonElement | undefined;
  let nav: HTMLElement | undefined;

  const openMenu = () => {
    setMenuOpen(true);
    queueMicrotask(() => nav?.querySelector<HTMLElement>('a, button')?.focus());
  };

  const closeMenu = (returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) toggle?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen()) return;
    event.preventDefault();
    closeMenu(true);
  };

  const handlePointerDown = (event: PointerEvent) => {
    const target = event.target as Node;
    if (!menuOpen() || nav?.contains(target) || toggle?.contains(target)) return;
    // Focus goes back to the button first; a tapped field or button then takes it as usual.
    closeMenu(nav?.contains(document.activeElement) ?? false);
  };

  onMount(() => {
    document.addEventListener('keydown', handleKeyDown);
    document.addEventListener('pointerdown', handlePointerDown);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', handleKeyDown);
    document.removeEventListener('pointerdown', handlePointerDown);
  });

  const handleNavClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) closeMenu(false);
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
        ref={toggle}
        type="button"
        class="button button-ghost menu-toggle"
        aria-expanded={menuOpen()}
        aria-controls="main-nav"
        onClick={() => (menuOpen() ? closeMenu(true) : openMenu())}
      >
        <Icon name={menuOpen() ? 'close' : 'menu'} size={18} />
        <span>Menu</span>
      </button>

      <nav
        ref={nav}
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
        <NavAccount />
      </nav>

      <div class="account">
        <Show when={session.user}>
          {(user) => (
            <a
              class="account-link"
              href="/profile"
              title="Your profile and notifications"
              aria-current={currentPath().startsWith('/profile') ? 'page' : undefined}
            >
              <Avatar name={user().name} size="small" />
              <span class="account-name">
                <span class="account-user">{user().name}</span>
                <span class="account-role">{user().role}</span>
              </span>
            </a>
          )}
        </Show>
        <ShortcutsButton />
        <NotificationToggle />
        <button type="button" class="button button-ghost" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
