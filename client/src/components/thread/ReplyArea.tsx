import { createEffect, createSignal, Match, onCleanup, onMount, Switch } from 'solid-js';

import type { ContactDto, ConversationDto } from '@shared/dto.js';

import { bindShortcut } from '../../lib/shortcuts.js';
import { editRequest } from '../../stores/sends.store.js';
import { Composer } from './Composer.jsx';
import { NoteComposer } from './NoteComposer.jsx';

type Mode = 'reply' | 'note';

/** The foot of a thread: a text to the student, or a private note for colleagues. */
export function ReplyArea(props: {
  conversation: ConversationDto;
  contact: ContactDto | undefined;
}) {
  const [mode, setMode] = createSignal<Mode>('reply');

  // Edit on a "Not sent" reply brings it back to the reply box, even from the note tab.
  createEffect(() => {
    if (editRequest()?.conversationId === props.conversation.id) setMode('reply');
  });

  // In the note tab `r` and `s` go back to the reply box, where the composer’s own keys apply.
  let area: HTMLDivElement | undefined;
  const backToReply = () => {
    setMode('reply');
    queueMicrotask(() => area?.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus());
  };
  onMount(() => {
    const inNotes = () => mode() === 'note';
    const stops = ['r', 's'].map((key) => bindShortcut({ key, when: inNotes, run: backToReply }));
    onCleanup(() => stops.forEach((stop) => stop()));
  });

  const option = (value: Mode, label: string) => (
    <button
      type="button"
      class="reply-mode"
      classList={{ 'reply-mode-note': value === 'note' }}
      aria-pressed={mode() === value}
      data-testid={`mode-${value}`}
      onClick={() => setMode(value)}
    >
      {label}
    </button>
  );

  return (
    <div class="reply-area" ref={area}>
      <div class="reply-modes" role="group" aria-label="Write">
        {option('reply', 'Reply')}
        {option('note', 'Private note')}
      </div>
      <Switch>
        <Match when={mode() === 'reply'}>
          <Composer conversation={props.conversation} contact={props.contact} />
        </Match>
        <Match when={mode() === 'note'}>
          <NoteComposer conversation={props.conversation} />
        </Match>
      </Switch>
    </div>
  );
}
