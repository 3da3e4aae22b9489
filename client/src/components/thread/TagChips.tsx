import { createSignal, For, onMount, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { errorMessage } from '../../lib/api.js';
import { tagConversation, untagConversation } from '../../lib/automation-api.js';
import { automation, findTagByName, loadTags } from '../../stores/automation.store.js';
import { putConversation } from '../../stores/inbox.store.js';
import { Alert } from '../common/Alert.jsx';

/** A tag's colour class; unknown tags (not loaded yet) are slate. */
export const tagClass = (name: string) => `tag tag-${findTagByName(name)?.color ?? 'slate'}`;

/** The thread's tags as chips: remove one with its ×, add one by name (new names create it). */
export function TagChips(props: { conversation: ConversationDto }) {
  const [adding, setAdding] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const listId = () => `tags-${props.conversation.id}-options`;
  let input: HTMLInputElement | undefined;
  let addButton: HTMLButtonElement | undefined;

  onMount(() => {
    if (!automation.tagsLoaded) void loadTags().catch(() => undefined);
  });

  const change = async (task: () => Promise<{ conversation: ConversationDto }>) => {
    setBusy(true);
    setError(null);
    try {
      putConversation((await task()).conversation);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const handleAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const value = name().trim();
    if (!value) return;
    const known = findTagByName(value);
    const id = props.conversation.id;
    const done = await change(() =>
      tagConversation(id, known ? { tagId: known.id } : { name: value }),
    );
    if (!done) return;
    setName('');
    closeEditor();
    if (!known) void loadTags().catch(() => undefined);
  };

  const handleRemove = async (tagName: string) => {
    if (!findTagByName(tagName)) await loadTags().catch(() => undefined);
    const tag = findTagByName(tagName);
    if (tag) await change(() => untagConversation(props.conversation.id, tag.id));
  };

  /** Back to the "+ Tag" button, re-created as the editor goes, so the keyboard stays here. */
  const closeEditor = () => {
    setAdding(false);
    queueMicrotask(() => addButton?.focus());
  };

  const open = () => {
    setAdding(true);
    void loadTags().catch(() => undefined);
    queueMicrotask(() => input?.focus());
  };

  return (
    <div class="tag-chips" data-testid="tag-chips">
      <ul class="tag-list" aria-label="Tags">
        <For each={props.conversation.tags}>
          {(tagName) => (
            <li class={tagClass(tagName)}>
              <span>{tagName}</span>
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove tag ${tagName}`}
                disabled={busy()}
                onClick={() => void handleRemove(tagName)}
              >
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show
        when={adding()}
        fallback={
          <button
            ref={addButton}
            type="button"
            class="button button-small button-ghost"
            onClick={open}
          >
            + Tag
          </button>
        }
      >
        <form class="tag-add" onSubmit={(event) => void handleAdd(event)}>
          <label class="sr-only" for={`${listId()}-input`}>
            Tag name
          </label>
          <input
            ref={input}
            id={`${listId()}-input`}
            list={listId()}
            maxLength={40}
            placeholder="Tag name"
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              closeEditor();
            }}
          />
          <datalist id={listId()}>
            <For
              each={automation.tags.filter((tag) => !props.conversation.tags.includes(tag.name))}
            >
              {(tag) => <option value={tag.name} />}
            </For>
          </datalist>
          <button type="submit" class="button button-small" disabled={busy() || !name().trim()}>
            Add
          </button>
          <button type="button" class="button button-small button-ghost" onClick={closeEditor}>
            Cancel
          </button>
        </form>
      </Show>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
    </div>
  );
}
