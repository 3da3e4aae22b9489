import { createEffect, on, onMount, Show } from 'solid-js';

import { ConversationList } from '../components/inbox/ConversationList.jsx';
import { EmptyThread } from '../components/inbox/EmptyThread.jsx';
import { ContactPanel } from '../components/thread/ContactPanel.jsx';
import { Thread } from '../components/thread/Thread.jsx';
import { focusRowById } from '../lib/inbox-keys.js';
import { createMediaQuery, STACKED_LAYOUT, WIDE_LAYOUT } from '../lib/media-query.js';
import { inbox, loadInbox } from '../stores/inbox.store.js';

/**
 * The list of conversations beside the open thread; on a wide monitor the thread's contact
 * too; on a phone the list or the thread, one at a time.
 */
export function InboxPage(props: { conversationId: number | null }) {
  const wide = createMediaQuery(WIDE_LAYOUT);
  // On a phone the list, and with it the page's heading, is hidden while a thread is open.
  const stacked = createMediaQuery(STACKED_LAYOUT);
  onMount(() => {
    if (inbox.listIds.length === 0 && !inbox.loading) void loadInbox();
  });

  // Leaving a thread for the bare list (Back on a phone) puts focus on the row it came from.
  createEffect(
    on(
      () => props.conversationId,
      (id, previous) => {
        if (id === null && previous) requestAnimationFrame(() => focusRowById(previous));
      },
      { defer: true },
    ),
  );

  return (
    <div
      class="inbox"
      classList={{
        'inbox-has-thread': props.conversationId !== null,
        'inbox-has-contact': wide() && props.conversationId !== null,
      }}
    >
      <section class="inbox-list" aria-labelledby="inbox-heading">
        <ConversationList selectedId={props.conversationId} />
      </section>
      <section class="inbox-thread" aria-label="Conversation">
        <Show when={stacked() && props.conversationId !== null}>
          <h1 class="sr-only">Inbox</h1>
        </Show>
        <Show when={props.conversationId} keyed fallback={<EmptyThread />}>
          {(id) => <Thread conversationId={id} />}
        </Show>
      </section>
      <Show when={wide() && props.conversationId}>
        {(id) => <ContactPanel conversationId={id()} />}
      </Show>
    </div>
  );
}
