import { For, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { assigneeName, userName } from '../../stores/directory.store.js';
import { tagClass } from './TagChips.jsx';

/** Who has the thread, who follows it, and its tags, read-only. */
export function ThreadPeople(props: { conversation: ConversationDto }) {
  const people = () => props.conversation.participantIds.map((id) => userName(id)).join(', ');
  return (
    <dl class="contact-facts">
      <dt>Assigned to</dt>
      <dd>{assigneeName(props.conversation.assignee)}</dd>
      <dt>Participants</dt>
      <dd>{people() || 'Nobody yet'}</dd>
      <dt>Tags</dt>
      <dd>
        <Show when={props.conversation.tags.length > 0} fallback="None">
          <ul class="contact-tags">
            <For each={props.conversation.tags}>
              {(tag) => <li class={tagClass(tag)}>{tag}</li>}
            </For>
          </ul>
        </Show>
      </dd>
    </dl>
  );
}
