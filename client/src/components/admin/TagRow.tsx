import { createSignal, For, Show } from 'solid-js';

import { TAG_COLORS, type TagColor, type TagDto } from '@shared/automation.js';

import { errorMessage } from '../../lib/api.js';
import { deleteTag, updateTag } from '../../lib/automation-api.js';
import { plural } from '../../lib/format.js';
import { removeTag, upsertTag } from '../../stores/automation.store.js';
import { showNotice } from '../../stores/notices.store.js';

/** One tag in the admin table: rename, recolour, delete. */
export function TagRow(props: { tag: TagDto }) {
  const [editing, setEditing] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const inputId = `tag-name-${props.tag.id}`;

  const save = async (change: { name?: string; color?: TagColor }) => {
    setError(null);
    try {
      upsertTag((await updateTag(props.tag.id, change)).tag);
      setEditing(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const handleDelete = async () => {
    const used = props.tag.conversationCount;
    const note = used ? ` It comes off ${plural(used, 'conversation')}.` : '';
    if (!window.confirm(`Delete the tag “${props.tag.name}”?${note}`)) return;
    try {
      await deleteTag(props.tag.id);
      removeTag(props.tag.id);
      showNotice(`Tag “${props.tag.name}” deleted.`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <tr>
      <th scope="row">
        <Show
          when={editing()}
          fallback={<span class={`tag tag-${props.tag.color}`}>{props.tag.name}</span>}
        >
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void save({ name: name().trim() });
            }}
          >
            <label class="sr-only" for={inputId}>
              New name for {props.tag.name}
            </label>
            <input
              id={inputId}
              maxLength={40}
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <button type="submit" class="button button-primary button-small">
              Save
            </button>
            <button type="button" class="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        </Show>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
      </th>
      <td>
        <label class="sr-only" for={`tag-color-${props.tag.id}`}>
          Colour of {props.tag.name}
        </label>
        <select
          id={`tag-color-${props.tag.id}`}
          class="select-compact"
          value={props.tag.color}
          onChange={(event) => void save({ color: event.currentTarget.value as TagColor })}
        >
          <For each={TAG_COLORS}>{(color) => <option value={color}>{color}</option>}</For>
        </select>
      </td>
      <td>{plural(props.tag.conversationCount, 'conversation')}</td>
      <td class="cell-actions">
        <button
          type="button"
          class="button button-small"
          onClick={() => {
            setName(props.tag.name);
            setEditing(true);
          }}
        >
          Rename<span class="sr-only"> {props.tag.name}</span>
        </button>
        <button
          type="button"
          class="button button-small button-danger"
          onClick={() => void handleDelete()}
        >
          Delete<span class="sr-only"> {props.tag.name}</span>
        </button>
      </td>
    </tr>
  );
}
