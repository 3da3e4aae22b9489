import { Show } from 'solid-js';

import { typersOf } from '../../stores/thread.store.js';

function sentence(names: string[]): string {
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}

/** "Dana is typing…", so two counselors don't answer at once. */
export function TypingIndicator(props: { conversationId: number }) {
  const typers = () => typersOf(props.conversationId);

  return (
    <div class="typing-indicator" data-testid="typing-indicator" aria-live="polite">
      <Show when={typers().length > 0}>
        <span class="typing-dots" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span>{sentence(typers().map((typer) => typer.name))}</span>
      </Show>
    </div>
  );
}
