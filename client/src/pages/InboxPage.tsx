import { onMount, Show } from 'solid-js';

import { ConversationList } from '../components/inbox/ConversationList.jsx';
import { EmptyThread } from '../components/inbox/EmptyThread.jsx';
import { Thread } from '../components/thread/Thread.jsx';
import { inbox, loadInbox } from '../stores/inbox.store.js';

/** The list of conversations beside the open thread; on a phone, one or the other. */
export function InboxPage(props: { conversationId: number | null }) {
  onMount(() => {
    if (inbox.listIds.length === 0 && !inbox.loading) void loadInbox();
  });

  return (
    <div class="inbox" classList={{ 'inbox-has-thread': props.conversationId !== null }}>
      <section class="inbox-list" aria-labelledby="inbox-heading">
        <ConversationList selectedId={props.conversationId} />
      </section>
      <section class="inbox-thread" aria-label="Conversation">
        <Show when={props.conversationId} keyed fallback={<EmptyThread />}>
          {(id) => <Thread conversationId={id} />}
        </Show>
      </section>
    </div>
  );
}
