import { createSignal, onMount, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { errorMessage } from '../../lib/api.js';
import { addNote, runAssistant } from '../../lib/automation-api.js';
import { automation, loadAssistant } from '../../stores/automation.store.js';
import { upsertMessage } from '../../stores/messages.store.js';
import { Alert } from '../common/Alert.jsx';

/** A private note: staff-only, never sent. The assistant can summarise the thread into one. */
export function NoteComposer(props: { conversation: ConversationDto }) {
  const id = props.conversation.id;
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<'save' | 'summarise' | null>(null);
  let input: HTMLTextAreaElement | undefined;

  onMount(() => {
    input?.focus();
    void loadAssistant().catch(() => undefined);
  });

  const save = async () => {
    if (!text().trim() || busy()) return;
    setBusy('save');
    setError(null);
    try {
      const { message } = await addNote(id, text());
      upsertMessage(message);
      setText('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
      input?.focus();
    }
  };

  const summarise = async () => {
    setBusy('summarise');
    setError(null);
    try {
      const result = await runAssistant('summarise', { conversationId: id });
      setText(result.text);
      input?.focus();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void save();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form class="composer note-composer" onSubmit={handleSubmit}>
      <label class="composer-label" for={`note-${id}`}>
        Private note · only staff see it
      </label>
      <textarea
        ref={input}
        id={`note-${id}`}
        class="composer-input"
        data-testid="note-input"
        rows="3"
        placeholder="Write a note for your colleagues…"
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={handleKeyDown}
      />
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="composer-footer">
        <Show when={automation.assistant?.actions.includes('summarise')}>
          <button
            type="button"
            class="button button-small button-ghost"
            disabled={busy() !== null}
            onClick={() => void summarise()}
          >
            {busy() === 'summarise' ? 'Summarising…' : 'Summarise the thread'}
          </button>
        </Show>
        <span class="composer-hint note-hint">Notes are never texted to the student.</span>
        <button
          type="submit"
          class="button button-primary"
          data-testid="note-button"
          disabled={!text().trim() || busy() !== null}
        >
          {busy() === 'save' ? 'Saving…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
