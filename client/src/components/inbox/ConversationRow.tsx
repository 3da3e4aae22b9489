import { For, Show } from 'solid-js';

import type { InboxConversationDto } from '@shared/dto.js';

import { now } from '../../lib/clock.js';
import { fullDateTime, relativeTime } from '../../lib/format.js';
import { assigneeName } from '../../stores/directory.store.js';
import { inbox } from '../../stores/inbox.store.js';
import { Icon } from '../common/Icon.jsx';
import { tagClass } from '../thread/TagChips.jsx';
import { PresenceDots } from './PresenceDots.jsx';
import { SearchMatch } from './SearchMatch.jsx';

interface ConversationRowProps {
  conversation: InboxConversationDto;
  selected: boolean;
  /** The one row Tab reaches; j, k and the arrows move between the others. */
  tabbable: boolean;
}

/** A thread named after its student needs no second line saying the same name. */
const sameName = (name: string, contactName: string) =>
  name.trim().toLowerCase() === contactName.trim().toLowerCase();

export function ConversationRow(props: ConversationRowProps) {
  const conversation = () => props.conversation;
  const closed = () => conversation().status === 'closed';
  const match = () => (inbox.filter.q.trim() ? inbox.highlights[conversation().id] : undefined);

  return (
    <a
      class="row"
      classList={{
        'row-unread': conversation().unread,
        'row-selected': props.selected,
        'row-closed': closed(),
      }}
      href={`/c/${conversation().id}`}
      aria-current={props.selected ? 'page' : undefined}
      tabindex={props.tabbable ? 0 : -1}
      data-testid="inbox-row"
      data-conversation-id={conversation().id}
    >
      <span class="row-channel" title="SMS">
        <Icon name="sms" size={16} />
        <span class="sr-only">SMS: </span>
      </span>
      <span class="row-body">
        <span class="row-line">
          <span class="row-name">{conversation().name}</span>
          <time
            class="row-time"
            datetime={conversation().lastMessageAt}
            title={fullDateTime(conversation().lastMessageAt)}
          >
            {relativeTime(conversation().lastMessageAt, now())}
          </time>
        </span>
        <Show when={!sameName(conversation().name, conversation().contactName)}>
          <span class="row-contact">{conversation().contactName}</span>
        </Show>
        <Show
          when={match()}
          fallback={
            <span class="row-preview">
              <Show when={conversation().lastMessageDirection === 'outbound'}>
                <span class="row-preview-prefix">Sent: </span>
              </Show>
              {conversation().lastMessagePreview || 'No messages yet'}
            </span>
          }
        >
          {(highlight) => <SearchMatch highlight={highlight()} />}
        </Show>
        <span class="row-meta">
          <PresenceDots conversationId={conversation().id} />
          <span class="chip" classList={{ 'chip-muted': conversation().assignee === null }}>
            <span class="sr-only">Assignee: </span>
            {assigneeName(conversation().assignee)}
          </span>
          <Show when={closed()}>
            <span class="badge badge-closed">Closed</span>
          </Show>
          <Show when={conversation().possibleOptOut}>
            <span class="badge badge-warning">Possible opt-out</span>
          </Show>
          <For each={conversation().tags}>
            {(tag) => (
              <span class={tagClass(tag)}>
                <span class="sr-only">Tag: </span>
                {tag}
              </span>
            )}
          </For>
        </span>
      </span>
      <Show when={conversation().unread}>
        <span class="unread-dot" aria-hidden="true" />
        <span class="sr-only">, unread</span>
      </Show>
    </a>
  );
}
