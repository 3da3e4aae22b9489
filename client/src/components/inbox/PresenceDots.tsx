import { For, Show } from 'solid-js';

import { initials } from '../../lib/format.js';
import { viewersOf } from '../../stores/thread.store.js';

/** Small initials of colleagues who have the thread open right now, for the inbox row. */
export function PresenceDots(props: { conversationId: number }) {
  const viewers = () => viewersOf(props.conversationId);
  const label = () =>
    `Open now: ${viewers()
      .map((viewer) => viewer.name)
      .join(', ')}`;

  return (
    <Show when={viewers().length > 0}>
      <span class="presence-dots" data-testid="row-presence" title={label()}>
        <span class="sr-only">{label()}</span>
        <For each={viewers().slice(0, 3)}>
          {(viewer) => (
            <span class="presence-dot" aria-hidden="true">
              {initials(viewer.name)}
            </span>
          )}
        </For>
      </span>
    </Show>
  );
}
