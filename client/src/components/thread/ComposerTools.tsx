import { AssistantMenu } from './AssistantMenu.jsx';

interface ComposerToolsProps {
  id: string;
  conversationId: number;
  text: string;
  input: () => HTMLTextAreaElement | undefined;
  /** Replaces the draft; `caret` is where the cursor goes (the end when omitted). */
  onText: (text: string, caret?: number) => void;
}

/** The composer's helpers: the saved-reply button (same as typing `/`) and the assistant. */
export function ComposerTools(props: ComposerToolsProps) {
  const handleSavedReply = () => {
    const input = props.input();
    const caret = input?.selectionStart ?? props.text.length;
    const before = props.text.slice(0, caret);
    const slash = before === '' || /\s$/.test(before) ? '/' : ' /';
    props.onText(before + slash + props.text.slice(caret), caret + slash.length);
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
      <AssistantMenu
        id={props.id}
        conversationId={props.conversationId}
        text={props.text}
        onResult={(text) => props.onText(text)}
      />
    </div>
  );
}
