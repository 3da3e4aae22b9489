import {
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';

import { bindInboxKeys, handleRowKey, type InboxKeyOptions } from '../../lib/inbox-keys.js';
import {
  inbox,
  inboxRows,
  loadInbox,
  loadMoreInbox,
  setInboxFilter,
  type StatusFilter,
} from '../../stores/inbox.store.js';
import { Alert } from '../common/Alert.jsx';
import { Icon } from '../common/Icon.jsx';
import { ConversationRow } from './ConversationRow.jsx';
import { InboxEmpty } from './InboxEmpty.jsx';
import { InboxTabs, tabId } from './InboxTabs.jsx';
import { TagFilter } from './TagFilter.jsx';

const SEARCH_DELAY_MS = 250;

export function ConversationList(props: { selectedId: number | null }) {
  const rows = createMemo(inboxRows);
  const [activeId, setActiveId] = createSignal<number | null>(null);
  let searchTimer: number | undefined;
  onCleanup(() => window.clearTimeout(searchTimer));

  // One row is in the Tab order: the one last focused, else the open one, else the first.
  const tabbableId = createMemo(() => {
    const ids = rows().map((row) => row.id);
    const preferred = [activeId(), props.selectedId].find((id) => id !== null && ids.includes(id));
    return preferred ?? ids[0] ?? null;
  });
  createEffect(() => setActiveId(props.selectedId));

  const keys: InboxKeyOptions = {
    selectedId: () => props.selectedId,
    hasMore: () => inbox.nextCursor !== null,
    loadMore: loadMoreInbox,
  };
  onMount(() => onCleanup(bindInboxKeys(keys)));

  const handleRowFocus = (event: FocusEvent) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
    if (row) setActiveId(Number(row.dataset.conversationId));
  };

  const handleSearchInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    const q = event.currentTarget.value;
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => setInboxFilter({ q }), SEARCH_DELAY_MS);
  };

  const handleStatusChange = (event: Event & { currentTarget: HTMLSelectElement }) => {
    setInboxFilter({ status: event.currentTarget.value as StatusFilter });
  };

  return (
    <div class="conversation-list">
      <div class="list-header">
        <h1 id="inbox-heading" class="list-title">
          Inbox
        </h1>
        <a class="button button-primary button-small" href="/new">
          <Icon name="plus" size={14} />
          New conversation
        </a>
      </div>

      <InboxTabs />

      <div class="list-toolbar" role="search">
        <div class="search-field">
          <label for="inbox-search" class="sr-only">
            Search conversations
          </label>
          <Icon name="search" size={14} class="search-icon" />
          <input
            id="inbox-search"
            type="search"
            aria-keyshortcuts="/"
            placeholder="Search"
            value={inbox.filter.q}
            onInput={handleSearchInput}
          />
        </div>
        <label class="inline-field">
          <span class="sr-only">Status</span>
          <select value={inbox.filter.status} onChange={handleStatusChange}>
            <option value="all">Open &amp; closed</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <TagFilter />
      </div>

      <div
        id="inbox-panel"
        class="rows-scroller"
        role="tabpanel"
        aria-labelledby={tabId(inbox.filter.view)}
      >
        <Switch>
          <Match when={inbox.error && rows().length === 0}>
            <div class="list-message">
              <Alert>{inbox.error}</Alert>
              <button type="button" class="button" onClick={() => void loadInbox()}>
                Retry
              </button>
            </div>
          </Match>
          <Match when={inbox.loading && rows().length === 0}>
            <div role="status">
              <span class="sr-only">Loading conversations…</span>
              <ul class="rows" aria-hidden="true">
                <For each={[1, 2, 3, 4, 5]}>{() => <li class="row-skeleton" />}</For>
              </ul>
            </div>
          </Match>
          <Match when={rows().length === 0}>
            <InboxEmpty />
          </Match>
          <Match when={true}>
            <ul
              class="rows"
              aria-label="Conversations"
              onFocusIn={handleRowFocus}
              onKeyDown={(event) => handleRowKey(event, keys)}
            >
              <For each={rows()}>
                {(conversation) => (
                  <li>
                    <ConversationRow
                      conversation={conversation}
                      selected={conversation.id === props.selectedId}
                      tabbable={conversation.id === tabbableId()}
                    />
                  </li>
                )}
              </For>
            </ul>
            <Show when={inbox.nextCursor}>
              <div class="list-more">
                <button
                  type="button"
                  class="button button-small"
                  disabled={inbox.loadingMore}
                  onClick={() => void loadMoreInbox()}
                >
                  {inbox.loadingMore ? 'Loading…' : 'Load more'}
                </button>
              </div>
            </Show>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
