import { createEffect, For, Match, on, Switch } from 'solid-js';

import type { ConversationDto, MessageDto } from '@shared/dto.js';

import { loadMessages, messages, threadMessages } from '../../stores/messages.store.js';
import { Alert } from '../common/Alert.jsx';
import { MessageItem } from './MessageItem.jsx';

const dayKey = (iso: string): string => new Date(iso).toDateString();

function dayLabel(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (date.toDateString() === today.toDateString()) return 'Today';
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return date.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
}

/** The history, oldest first; it scrolls to the newest message whenever one arrives. */
export function MessageList(props: { conversation: ConversationDto }) {
  const id = props.conversation.id;
  const list = () => threadMessages(id);
  let scroller: HTMLDivElement | undefined;

  createEffect(
    on(
      () => list().length,
      (length, previous) => {
        if (scroller && length > (previous ?? 0)) scroller.scrollTop = scroller.scrollHeight;
      },
    ),
  );

  const labelFor = (message: MessageDto, index: number): string | null => {
    const before = list()[index - 1];
    if (before && dayKey(before.createdAt) === dayKey(message.createdAt)) return null;
    return dayLabel(message.createdAt);
  };

  return (
    <div class="messages" ref={scroller} tabindex="0" aria-label="Message history">
      <Switch>
        <Match when={messages.errors[id] && list().length === 0}>
          <div class="messages-state">
            <Alert>{messages.errors[id]}</Alert>
            <button type="button" class="button" onClick={() => void loadMessages(id)}>
              Try again
            </button>
          </div>
        </Match>
        <Match when={messages.byConversation[id] === undefined}>
          <div class="messages-state">
            <span class="spinner" aria-label="Loading messages" />
          </div>
        </Match>
        <Match when={list().length === 0}>
          <div class="messages-state muted">No messages in this conversation yet.</div>
        </Match>
        <Match when={true}>
          <ol class="message-list" role="log" aria-label="Messages" aria-live="polite">
            <For each={list()}>
              {(message, index) => (
                <MessageItem
                  message={message}
                  conversation={props.conversation}
                  dayLabel={labelFor(message, index())}
                />
              )}
            </For>
          </ol>
        </Match>
      </Switch>
    </div>
  );
}
