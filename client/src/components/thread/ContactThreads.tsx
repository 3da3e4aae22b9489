import { For, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { now } from '../../lib/clock.js';
import { fullDateTime, relativeTime } from '../../lib/format.js';
import { findNumber } from '../../stores/directory.store.js';

/** The contact's conversations other than the open one, as links to each. */
export function ContactThreads(props: { conversations: ConversationDto[]; headingId: string }) {
  return (
    <section class="contact-panel-section" aria-labelledby={props.headingId}>
      <h3 id={props.headingId} class="contact-panel-label">
        Other conversations
      </h3>
      <Show
        when={props.conversations.length > 0}
        fallback={<p class="muted">No other conversations with this contact.</p>}
      >
        <ul class="contact-threads">
          <For each={props.conversations}>
            {(conversation) => (
              <li>
                <a class="contact-thread" href={`/c/${conversation.id}`}>
                  <span class="contact-thread-name">{conversation.name}</span>
                  <span class="contact-thread-meta">
                    <span>{findNumber(conversation.numberId)?.label ?? 'Office number'}</span>
                    <Show when={conversation.status === 'closed'}>
                      <span class="badge badge-closed">Closed</span>
                    </Show>
                    <time
                      datetime={conversation.lastMessageAt}
                      title={fullDateTime(conversation.lastMessageAt)}
                    >
                      {relativeTime(conversation.lastMessageAt, now())}
                    </time>
                  </span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
