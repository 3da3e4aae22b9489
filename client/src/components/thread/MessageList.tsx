import { createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';

import type { ConversationDto, MessageDto } from '@shared/dto.js';

import {
  loadMessages,
  messages,
  pendingSends,
  threadMessages,
} from '../../stores/messages.store.js';
import { currentUser } from '../../stores/session.store.js';
import { ListState } from '../common/ListState.jsx';
import { MessageItem } from './MessageItem.jsx';
import { PendingMessage } from './PendingMessage.jsx';

/** Within this many pixels of the end, the reader counts as reading the newest texts. */
const NEAR_END_PX = 48;

const dayKey = (iso: string): string => new Date(iso).toDateString();

function dayLabel(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (date.toDateString() === today.toDateString()) return 'Today';
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return date.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
}

const isMine = (message: MessageDto | undefined): boolean =>
  message !== undefined && message.authorId !== null && message.authorId === currentUser()?.id;

/**
 * The history, oldest first. It follows new texts while the reader is at the end; scrolled up,
 * it stays put and a "New text" button counts what arrived below. New texts are spoken by the
 * app's announcer (stores/live-news.store), so this list is not a live region itself.
 */
export function MessageList(props: { conversation: ConversationDto }) {
  const id = props.conversation.id;
  const list = () => threadMessages(id);
  const [unseen, setUnseen] = createSignal(0);
  let scroller: HTMLDivElement | undefined;
  let atEnd = true;
  /** Where the reader last was at the end: a scroll up since shows even before its event. */
  let endTop = 0;

  const toEnd = () => {
    if (scroller) {
      scroller.scrollTop = scroller.scrollHeight;
      endTop = scroller.scrollTop;
    }
    atEnd = true;
    setUnseen(0);
  };

  /** At the end by the last scroll event, and not scrolled up since (its event may be due). */
  const readingEnd = (): boolean => {
    if (atEnd && scroller && scroller.scrollTop < endTop - NEAR_END_PX) atEnd = false;
    return atEnd;
  };

  const handleScroll = () => {
    if (!scroller) return;
    atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= NEAR_END_PX;
    if (!atEnd) return;
    endTop = scroller.scrollTop;
    setUnseen(0);
  };

  // A reply turning into "Not sent", a late picture, or a notice or a taller composer that
  // shrinks the history's box after it scrolled: the end stays in view while it was in view.
  const growth = new ResizeObserver(() => {
    if (!scroller || !readingEnd()) return;
    scroller.scrollTop = scroller.scrollHeight;
    endTop = scroller.scrollTop;
  });
  onCleanup(() => growth.disconnect());

  const handleShowNew = () => {
    toEnd();
    scroller?.focus();
  };

  createEffect(
    on(
      () => [list().length, pendingSends(id).length] as const,
      ([length, pending], before) => {
        const [lengthBefore, pendingBefore] = before ?? [0, 0];
        const own = pending > pendingBefore || isMine(list()[length - 1]);
        if (lengthBefore === 0 || readingEnd() || own) return toEnd();
        const arrived = list()
          .slice(lengthBefore)
          .filter((m) => m.kind !== 'activity').length;
        if (arrived > 0) setUnseen((count) => count + arrived);
      },
    ),
  );

  const labelFor = (message: MessageDto, index: number): string | null => {
    const before = list()[index - 1];
    if (before && dayKey(before.createdAt) === dayKey(message.createdAt)) return null;
    return dayLabel(message.createdAt);
  };

  return (
    <div
      class="messages"
      ref={(element) => {
        scroller = element;
        growth.observe(element);
      }}
      tabindex="0"
      aria-label="Message history"
      onScroll={handleScroll}
    >
      <Switch>
        <Match when={messages.errors[id] && list().length === 0}>
          <ListState
            kind="error"
            message={`Messages could not be loaded: ${messages.errors[id]}`}
            onRetry={() => void loadMessages(id)}
          />
        </Match>
        <Match when={messages.byConversation[id] === undefined}>
          <ListState kind="loading" message="Loading messages…" />
        </Match>
        <Match when={list().length === 0 && pendingSends(id).length === 0}>
          <ListState kind="empty" message="No messages in this conversation yet." />
        </Match>
        <Match when={true}>
          <ol class="message-list" aria-label="Messages" ref={(list) => growth.observe(list)}>
            <For each={list()}>
              {(message, index) => (
                <MessageItem
                  message={message}
                  conversation={props.conversation}
                  dayLabel={labelFor(message, index())}
                />
              )}
            </For>
            <For each={pendingSends(id)}>{(copy) => <PendingMessage copy={copy} />}</For>
          </ol>
        </Match>
      </Switch>
      <Show when={unseen() > 0}>
        <button
          type="button"
          class="button button-small new-texts"
          data-testid="new-texts"
          onClick={handleShowNew}
        >
          {unseen() === 1 ? 'New text' : `${unseen()} new texts`}
          <span aria-hidden="true"> ↓</span>
        </button>
      </Show>
    </div>
  );
}
