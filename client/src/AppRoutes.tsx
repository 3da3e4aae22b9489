import { createEffect, createMemo, type JSX, on, onCleanup } from 'solid-js';
import { Dynamic } from 'solid-js/web';

import { focusWhenShown, pageTarget, tabbableRow } from './lib/arrival-focus.js';
import { currentPath, matchRoute } from './lib/router.js';
import { AssistantPage } from './pages/AssistantPage.jsx';
import { BoardPage } from './pages/BoardPage.jsx';
import { ContactPage } from './pages/ContactPage.jsx';
import { ContactsPage } from './pages/ContactsPage.jsx';
import { InboxPage } from './pages/InboxPage.jsx';
import { MyNotificationsPage } from './pages/MyNotificationsPage.jsx';
import { NewContactPage } from './pages/NewContactPage.jsx';
import { NewConversationPage } from './pages/NewConversationPage.jsx';
import { NoAccessPage } from './pages/NoAccessPage.jsx';
import { NotFoundPage } from './pages/NotFoundPage.jsx';
import { NumbersPage } from './pages/NumbersPage.jsx';
import { ProfilePage } from './pages/ProfilePage.jsx';
import { ReportsPage } from './pages/ReportsPage.jsx';
import { RulesPage } from './pages/RulesPage.jsx';
import { SimulatorPage } from './pages/SimulatorPage.jsx';
import { SmsSettingsPage } from './pages/SmsSettingsPage.jsx';
import { TagsPage } from './pages/TagsPage.jsx';
import { TeamsPage } from './pages/TeamsPage.jsx';
import { UsersPage } from './pages/UsersPage.jsx';
import { directory } from './stores/directory.store.js';
import { isAdmin, isSupervisor } from './stores/session.store.js';

interface PageProps {
  params: Record<string, string>;
}

interface Route {
  pattern: string;
  page: (props: PageProps) => JSX.Element;
  allowed?: () => boolean;
}

const inbox = (props: PageProps) => (
  <InboxPage conversationId={props.params.id ? Number(props.params.id) : null} />
);

const ROUTES: Route[] = [
  { pattern: '/', page: inbox },
  { pattern: '/c/:id', page: inbox },
  { pattern: '/new', page: () => <NewConversationPage /> },
  { pattern: '/contacts', page: () => <ContactsPage /> },
  { pattern: '/contacts/new', page: () => <NewContactPage /> },
  {
    pattern: '/contacts/:id',
    page: (props) => <ContactPage contactId={Number(props.params.id)} />,
  },
  { pattern: '/profile', page: () => <ProfilePage /> },
  { pattern: '/profile/notifications', page: () => <MyNotificationsPage /> },
  { pattern: '/board', page: () => <BoardPage />, allowed: isSupervisor },
  { pattern: '/reports', page: () => <ReportsPage />, allowed: isSupervisor },
  { pattern: '/admin/users', page: () => <UsersPage />, allowed: isAdmin },
  { pattern: '/admin/teams', page: () => <TeamsPage />, allowed: isAdmin },
  { pattern: '/admin/numbers', page: () => <NumbersPage />, allowed: isAdmin },
  { pattern: '/settings/sms', page: () => <SmsSettingsPage />, allowed: isAdmin },
  { pattern: '/settings/tags', page: () => <TagsPage />, allowed: isAdmin },
  { pattern: '/settings/rules', page: () => <RulesPage />, allowed: isAdmin },
  { pattern: '/settings/assistant', page: () => <AssistantPage />, allowed: isAdmin },
  {
    pattern: '/simulator',
    page: () => <SimulatorPage />,
    allowed: () => directory.simulatorEnabled || !directory.loaded,
  },
];

function resolve(path: string): { route: Route | null; params: Record<string, string> } {
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, path);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

/** Renders the page for the current path; the inbox stays mounted between threads. */
export function AppRoutes() {
  const match = createMemo(() => resolve(currentPath()));
  const page = createMemo(() => {
    const { route } = match();
    if (!route) return NotFoundPage;
    if (route.allowed && !route.allowed()) return NoAccessPage;
    return route.page;
  });

  // A fresh load or sign-in leaves the focus on the body: the bare inbox starts on its row.
  onCleanup(focusWhenShown(() => (match().route?.pattern === '/' ? tabbableRow() : pageTarget())));

  createEffect(
    on(
      currentPath,
      () => {
        pageTarget()?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );

  return <Dynamic component={page()} params={match().params} />;
}
