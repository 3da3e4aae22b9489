import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';

import type { SavedReplyDto } from '@shared/automation.js';

import { previewTemplate, type PreviewTarget } from '../../lib/automation-api.js';
import { automation, loadSavedReplies } from '../../stores/automation.store.js';

interface SavedReplyPickerProps {
  /** Id of the textarea the picker serves. */
  inputId: string;
  text: string;
  target: PreviewTarget;
  input: () => HTMLTextAreaElement | undefined;
  /** Puts the new text in the composer and the caret after what was inserted. */
  onInsert: (text: string, caret: number) => void;
  /** Gives the composer the picker's key handler; it answers true when it used the key. */
  registerKeys: (handler: (event: KeyboardEvent) => boolean) => void;
  /** Escape closed the picker: the text without the `/query` that opened it, and the caret. */
  onDismiss: (text: string, caret: number) => void;
}

interface Slash {
  start: number;
  end: number;
  query: string;
}

const MAX_OPTIONS = 8;

/** `/dead` right before the caret, at the start or after a space: the picker's query. */
function slashAt(text: string, caret: number): Slash | null {
  const match = /(?:^|\s)\/([^\s/]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, end: caret, query };
}

/** The draft with a `/` at the caret (and a space before it if needed): the picker opens. */
export function withSlash(text: string, caret: number): [text: string, caret: number] {
  const before = text.slice(0, caret);
  const slash = before === '' || /\s$/.test(before) ? '/' : ' /';
  return [before + slash + text.slice(caret), caret + slash.length];
}

function matches(reply: SavedReplyDto, query: string): boolean {
  const q = query.toLowerCase();
  return reply.title.toLowerCase().includes(q) || reply.body.toLowerCase().includes(q);
}

/**
 * The saved-reply picker: typing `/` in the composer opens a listbox of saved replies, filtered
 * by what follows the slash. Arrows move, Enter or Tab inserts the reply filled from current
 * data in place of the `/query`, Escape closes and takes the `/query` out again. The textarea
 * keeps the focus and points at the active option.
 */
export function SavedReplyPicker(props: SavedReplyPickerProps) {
  const [slash, setSlash] = createSignal<Slash | null>(null);
  const [active, setActive] = createSignal(0);
  const [inserting, setInserting] = createSignal(false);
  const listId = `${props.inputId}-replies`;
  const optionId = (index: number) => `${props.inputId}-reply-${index}`;

  const options = createMemo(() => {
    const current = slash();
    if (!current) return [];
    return automation.savedReplies
      .filter((reply) => matches(reply, current.query))
      .slice(0, MAX_OPTIONS);
  });
  const open = () => slash() !== null;

  createEffect(
    on(
      () => props.text,
      (text) => {
        // The caret is read after the composer has placed it for this change.
        queueMicrotask(() => {
          if (text !== props.text) return;
          const caret = props.input()?.selectionStart ?? text.length;
          const found = slashAt(text, caret);
          setSlash(found);
          setActive(0);
          if (found && !automation.savedRepliesLoaded)
            void loadSavedReplies().catch(() => undefined);
        });
      },
    ),
  );

  createEffect(() => {
    const input = props.input();
    if (!input) return;
    // A textarea keeps its textbox role; these are the textbox's own autocomplete attributes.
    input.setAttribute('aria-autocomplete', 'list');
    if (open()) input.setAttribute('aria-controls', listId);
    else input.removeAttribute('aria-controls');
    const selected = open() && options().length > 0 ? optionId(active()) : null;
    if (selected) input.setAttribute('aria-activedescendant', selected);
    else input.removeAttribute('aria-activedescendant');
  });

  onCleanup(() => {
    props.input()?.removeAttribute('aria-controls');
    props.input()?.removeAttribute('aria-activedescendant');
  });

  /** Escape: the `/` and what was typed after it only served the picker, so they go. */
  const dismiss = () => {
    const current = slash();
    if (!current) return;
    const before = props.text.slice(0, current.start);
    setSlash(null);
    props.onDismiss(before + props.text.slice(current.end), before.length);
  };

  const insert = async (reply: SavedReplyDto) => {
    const current = slash();
    if (!current || inserting()) return;
    setInserting(true);
    const filled = await previewTemplate(reply.body, props.target)
      .then((preview) => preview.text)
      .catch(() => reply.body);
    setInserting(false);
    const before = props.text.slice(0, current.start);
    const after = props.text.slice(current.end);
    setSlash(null);
    props.onInsert(before + filled + after, before.length + filled.length);
  };

  props.registerKeys((event) => {
    if (!open()) return false;
    const count = options().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return false;
        event.preventDefault();
        setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return true;
      case 'Enter':
      case 'Tab': {
        const reply = options()[active()];
        if (!reply || event.ctrlKey || event.metaKey) return false;
        event.preventDefault();
        void insert(reply);
        return true;
      }
      case 'Escape':
        event.preventDefault();
        dismiss();
        return true;
      default:
        return false;
    }
  });

  return (
    <Show when={open()}>
      <div class="saved-reply-picker">
        <ul
          id={listId}
          class="combobox-list saved-reply-list"
          role="listbox"
          aria-label="Saved replies"
        >
          <For each={options()}>
            {(reply, index) => (
              <li
                id={optionId(index())}
                class="combobox-option saved-reply-option"
                role="option"
                aria-selected={index() === active()}
                data-testid="saved-reply-option"
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index())}
                onClick={() => void insert(reply)}
              >
                <span class="option-name">{reply.title}</span>
                <span class="option-detail saved-reply-body">{reply.body}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="saved-reply-status" role="status">
          <Show when={automation.savedRepliesLoaded} fallback={<span>Loading saved replies</span>}>
            <Show when={options().length === 0}>
              <span>
                {automation.savedReplies.length === 0
                  ? 'No saved replies yet. Admins add them under Settings → Saved replies.'
                  : 'No saved reply matches.'}
              </span>
            </Show>
          </Show>
          <Show when={options().length > 0}>
            <span class="muted">↑↓ to choose · Enter to insert · Esc to close</span>
          </Show>
        </p>
      </div>
    </Show>
  );
}
