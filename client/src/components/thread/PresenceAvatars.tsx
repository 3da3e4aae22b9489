import { For, Show } from 'solid-js';

import { viewersOf } from '../../stores/thread.store.js';
import { Avatar } from '../common/Avatar.jsx';

/** Colleagues who have this thread open right now. */
export function PresenceAvatars(props: { conversationId: number }) {
  const viewers = () => viewersOf(props.conversationId);
  const label = () =>
    `Also viewing: ${viewers()
      .map((viewer) => viewer.name)
      .join(', ')}`;

  return (
    <div class="presence" data-testid="presence" aria-live="polite">
      <Show when={viewers().length > 0}>
        <span class="sr-only">{label()}</span>
        <span class="presence-stack" aria-hidden="true">
          <For each={viewers().slice(0, 4)}>
            {(viewer) => <Avatar name={viewer.name} size="small" />}
          </For>
          <Show when={viewers().length > 4}>
            <span class="avatar avatar-small avatar-more">+{viewers().length - 4}</span>
          </Show>
        </span>
      </Show>
    </div>
  );
}
