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

/** A tab's numbers in words ("12 conversations", "3 unread"), for screen readers and tooltip. */
function countWords(view: string): string[] {
  const total = viewTotal(view, inbox.filter.status);
  const unread = counts.views[view]?.unread ?? 0;
  const words = [];
  if (total !== null) {
    const noun = total === 1 ? 'conversation' : 'conversations';
    words.push(`${formatCount(total, isCappedView(view))} ${noun}`);
  }
  if (unread) words.push(`${formatCount(unread)} unread`);
  return words;
}

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
              <Show when={counts.views[tab.view]?.unread}>
                {(unread) => (
                  <span
                    class="tab-unread"
                    data-testid="tab-unread"
                    aria-hidden="true"
                    title={countWords(tab.view).reverse().join(' of ')}
                  >
                    {formatCount(unread())}
                  </span>
                )}
              </Show>
              <Show when={countWords(tab.view).length > 0}>
                <span class="sr-only">, {countWords(tab.view).join(', ')}</span>
              </Show>
            </button>
          );
        }}
      </For>
    </div>
  );
}
