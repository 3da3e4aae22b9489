import { createSignal, Show } from 'solid-js';

import { AssistantMenu } from './AssistantMenu.jsx';

interface ComposerToolsProps {
  id: string;
  conversationId: number;
  text: string;
  input: () => HTMLTextAreaElement | undefined;
  /** Replaces the draft; `caret` is where the cursor goes (the end when omitted). */
  onText: (text: string, caret?: number) => void;
  /** The Saved reply button opened the picker; Escape in the picker returns to it. */
  onSavedReplyOpen?: (button: HTMLElement) => void;
}

/**
 * The composer's helpers: the saved-reply button (same as typing `/`) and the assistant, whose
 * applied suggestion can be undone until the draft is edited again.
 */
export function ComposerTools(props: ComposerToolsProps) {
  const [undo, setUndo] = createSignal<{ before: string; after: string } | null>(null);
  const canUndo = () => undo()?.after === props.text;

  const handleSavedReply = (event: MouseEvent & { currentTarget: HTMLButtonElement }) => {
    const input = props.input();
    const caret = input?.selectionStart ?? props.text.length;
    const before = props.text.slice(0, caret);
    const slash = before === '' || /\s$/.test(before) ? '/' : ' /';
    props.onSavedReplyOpen?.(event.currentTarget);
    props.onText(before + slash + props.text.slice(caret), caret + slash.length);
  };

  const handleResult = (text: string) => {
    setUndo({ before: props.text, after: text });
    props.onText(text);
  };

  const handleUndo = () => {
    const previous = undo();
    setUndo(null);
    if (previous) props.onText(previous.before);
  };

  return (
    <div class="composer-tools">
      <button
        type="button"
        class="button button-small button-ghost"
        title="Insert a saved reply (or type / in the text)"
        onClick={handleSavedReply}
      >
        Saved reply
      </button>
      <Show when={canUndo()}>
        <button
          type="button"
          class="button button-small button-ghost"
          data-testid="assistant-undo"
          onClick={handleUndo}
        >
          Undo assistant
        </button>
      </Show>
      <AssistantMenu
        id={props.id}
        conversationId={props.conversationId}
        text={props.text}
        onResult={handleResult}
      />
    </div>
  );
}
