import { createEffect, For, on, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { isLoaded, loadMessages, threadMessages } from '../../stores/messages.store.js';
import { TimeText } from '../common/TimeText.jsx';
import { DeliveryState } from '../thread/DeliveryState.jsx';

/** A conversation as the student's phone shows it: their texts right, the office's left. */
export function PhoneConversation(props: { conversation: ConversationDto }) {
  let scroller: HTMLOListElement | undefined;
  const texts = () =>
    threadMessages(props.conversation.id).filter((message) => message.kind === 'sms');

  createEffect(
    on(
      () => props.conversation.id,
      (id) => {
        if (!isLoaded(id)) void loadMessages(id);
      },
    ),
  );

  createEffect(
    on(
      () => texts().length,
      () => {
        if (scroller) scroller.scrollTop = scroller.scrollHeight;
      },
    ),
  );

  return (
    <ol class="phone-messages" ref={scroller} role="log" aria-label="Texts on the student's phone">
      <For each={texts()} fallback={<li class="muted phone-empty">No texts yet.</li>}>
        {(message) => (
          <li
            class="phone-message"
            classList={{
              'phone-message-mine': message.direction === 'inbound',
              'phone-message-office': message.direction === 'outbound',
            }}
            data-testid="message"
            data-message-id={message.id}
            data-status={message.status}
          >
            <span class="sr-only">
              {message.direction === 'inbound' ? 'Student: ' : 'Office: '}
            </span>
            <p class="phone-bubble">{message.text}</p>
            <p class="message-meta">
              <TimeText at={message.createdAt} style="clock" />
              <Show when={message.direction === 'outbound'}>
                <span aria-hidden="true"> · </span>
                <DeliveryState message={message} />
              </Show>
            </p>
          </li>
        )}
      </For>
    </ol>
  );
}
