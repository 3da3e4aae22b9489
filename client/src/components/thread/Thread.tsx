import { createEffect, on, onCleanup, onMount, Show } from 'solid-js';

import { startViewing, stopViewing } from '../../lib/socket.js';
import { contacts, loadContact } from '../../stores/contacts.store.js';
import { findConversation, markConversationRead } from '../../stores/inbox.store.js';
import { threadMessages } from '../../stores/messages.store.js';
import { closeThread, openThread, pageVisible, thread } from '../../stores/thread.store.js';
import { Alert } from '../common/Alert.jsx';
import { MessageList } from './MessageList.jsx';
import { ReplyArea } from './ReplyArea.jsx';
import { ThreadHeader } from './ThreadHeader.jsx';
import { ThreadNotices } from './ThreadNotices.jsx';
import { TypingIndicator } from './TypingIndicator.jsx';

/** One conversation: header and actions, history, who is typing, and the reply box. */
export function Thread(props: { conversationId: number }) {
  const id = props.conversationId;
  const conversation = () => findConversation(id);
  const contact = () => {
    const contactId = conversation()?.contactId;
    return contactId === undefined ? undefined : contacts.byId[contactId];
  };

  onMount(() => {
    openThread(id);
    startViewing(id);
  });
  onCleanup(() => {
    stopViewing(id);
    closeThread(id);
  });

  createEffect(
    on(
      () => conversation()?.contactId,
      (contactId) => {
        if (contactId !== undefined) void loadContact(contactId).catch(() => undefined);
      },
    ),
  );

  let lastMarked: number | null = null;
  createEffect(() => {
    const list = threadMessages(id);
    const last = list[list.length - 1];
    if (!last || !pageVisible() || last.id === lastMarked) return;
    if (!conversation()?.unread && last.direction !== 'inbound') return;
    lastMarked = last.id;
    markConversationRead(id, last.id);
  });

  return (
    <Show
      when={conversation()}
      fallback={
        <div class="thread-placeholder">
          <Show when={thread.error} fallback={<span class="spinner" aria-label="Loading" />}>
            <Alert>{thread.notFound ? 'This conversation does not exist.' : thread.error}</Alert>
            <a class="button" href="/">
              Back to the inbox
            </a>
          </Show>
        </div>
      }
    >
      {(current) => (
        <article class="thread" aria-labelledby="thread-title">
          <ThreadHeader conversation={current()} />
          <ThreadNotices conversation={current()} contact={contact()} />
          <MessageList conversation={current()} />
          <TypingIndicator conversationId={id} />
          <ReplyArea conversation={current()} contact={contact()} />
        </article>
      )}
    </Show>
  );
}
