import { Match, Show, Switch } from 'solid-js';

import type { ConversationDto, MessageDto } from '@shared/dto.js';

import { clockTime, fullDateTime } from '../../lib/format.js';
import { userName } from '../../stores/directory.store.js';
import { currentUser } from '../../stores/session.store.js';
import { Attachments } from './Attachments.jsx';
import { DeliveryState } from './DeliveryState.jsx';

interface MessageItemProps {
  message: MessageDto;
  conversation: ConversationDto;
  /** A date line goes before the first message of each day. */
  dayLabel: string | null;
}

function author(message: MessageDto, conversation: ConversationDto): string {
  if (message.direction === 'inbound') return conversation.contactName;
  if (message.automated === 'bot') return 'Auto-reply bot';
  if (message.automated === 'rule') return 'Conversation rule';
  if (message.authorId === null) return 'Switchboard';
  if (message.authorId === currentUser()?.id) return 'You';
  return userName(message.authorId);
}

export function MessageItem(props: MessageItemProps) {
  const message = () => props.message;
  const who = () => author(message(), props.conversation);
  const time = () => (
    <time datetime={message().createdAt} title={fullDateTime(message().createdAt)}>
      {clockTime(message().createdAt)}
    </time>
  );

  return (
    <>
      <Show when={props.dayLabel}>
        <li class="day-divider" aria-hidden="true">
          <span>{props.dayLabel}</span>
        </li>
      </Show>
      <Switch>
        <Match when={message().kind === 'activity'}>
          <li
            class="activity"
            data-testid="message"
            data-message-id={message().id}
            data-status={message().status}
          >
            <span>{message().text}</span>
            <span aria-hidden="true"> · </span>
            {time()}
          </li>
        </Match>
        <Match when={message().kind === 'note'}>
          <li
            class="message message-note"
            data-testid="message"
            data-message-id={message().id}
            data-status={message().status}
          >
            <div class="bubble bubble-note">
              <p class="bubble-label">Private note · {who()}</p>
              <p class="bubble-text">{message().text}</p>
            </div>
            <p class="message-meta">{time()}</p>
          </li>
        </Match>
        <Match when={true}>
          <li
            class="message"
            classList={{
              'message-inbound': message().direction === 'inbound',
              'message-outbound': message().direction === 'outbound',
            }}
            data-testid="message"
            data-message-id={message().id}
            data-status={message().status}
          >
            <span class="sr-only">{who()}: </span>
            <div class="bubble">
              <p class="bubble-text">{message().text}</p>
              <Attachments attachments={message().attachments} />
            </div>
            <p class="message-meta">
              <span>{who()}</span>
              <span aria-hidden="true"> · </span>
              {time()}
              <Show when={message().direction === 'outbound'}>
                <span aria-hidden="true"> · </span>
                <DeliveryState message={message()} />
              </Show>
              <Show when={message().segments > 1}>
                <span class="meta-extra"> · {message().segments} segments</span>
              </Show>
            </p>
          </li>
        </Match>
      </Switch>
    </>
  );
}
