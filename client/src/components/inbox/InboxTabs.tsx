import { createMemo, For, Show } from 'solid-js';

import { counts, formatCount, isCappedView, viewTotal } from '../../stores/counts.store.js';
import { directory } from '../../stores/directory.store.js';
import { inbox, setInboxFilter } from '../../stores/inbox.store.js';
import { currentUser } from '../../stores/session.store.js';

interface Tab {
  view: string;
  label: string;
}

const FIXED_TABS: Tab[] = [
  { view: 'all', label: 'All' },
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'participating', label: 'Participating' },
];

export const tabId = (view: string): string => `inbox-tab-${view.replace(':', '-')}`;

/** The inbox views as ARIA tabs: arrow keys move between them, Home and End jump. */
export function InboxTabs() {
  const tabs = createMemo<Tab[]>(() => [
    ...FIXED_TABS,
    ...directory.teams
      .filter((team) => team.memberIds.includes(currentUser()?.id ?? -1))
      .map((team) => ({ view: `team:${team.id}`, label: team.name })),
  ]);
  let list: HTMLDivElement | undefined;

  const select = (view: string) => {
    if (view !== inbox.filter.view) setInboxFilter({ view });
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    const all = tabs();
    const index = all.findIndex((tab) => tab.view === inbox.filter.view);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: all.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = all[(target + all.length) % all.length];
    if (!next) return;
    select(next.view);
    list?.querySelector<HTMLButtonElement>(`#${tabId(next.view)}`)?.focus();
  };

  return (
    <div ref={list} class="tabs" role="tablist" aria-label="Inbox views" onKeyDown={handleKeyDown}>
      <For each={tabs()}>
        {(tab) => {
          const selected = () => tab.view === inbox.filter.view;
          return (
            <button
              type="button"
              role="tab"
              id={tabId(tab.view)}
              class="tab"
              aria-selected={selected()}
              aria-controls="inbox-panel"
              tabindex={selected() ? 0 : -1}
              onClick={() => select(tab.view)}
            >
              {tab.label}
              <Show when={viewTotal(tab.view, inbox.filter.status)} keyed>
                {(total) => (
                  <span class="tab-count" data-testid="tab-count">
                    {formatCount(total, isCappedView(tab.view))}
                  </span>
                )}
              </Show>
              <Show when={counts.views[tab.view]?.unread}>
                {(unread) => (
                  <span class="tab-unread" data-testid="tab-unread">
                    {formatCount(unread())}
                    <span class="sr-only"> unread</span>
                  </span>
                )}
              </Show>
            </button>
          );
        }}
      </For>
    </div>
  );
}
