import { createSignal, Show } from 'solid-js';

import type { OfficeNumberDto } from '@shared/dto.js';

import { errorMessage, updateNumber } from '../../lib/api.js';
import { formatPhone } from '../../lib/format.js';
import { upsertNumber } from '../../stores/directory.store.js';

export function NumberRow(props: { number: OfficeNumberDto }) {
  const [editing, setEditing] = createSignal(false);
  const [label, setLabel] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const inputId = `number-label-${props.number.id}`;

  const handleEdit = () => {
    setLabel(props.number.label);
    setError(null);
    setEditing(true);
  };

  const handleSave = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const { number } = await updateNumber(props.number.id, { label: label().trim() });
      upsertNumber(number);
      setEditing(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <tr>
      <th scope="row" class="nowrap">
        {formatPhone(props.number.e164)}
      </th>
      <td>
        <Show when={editing()} fallback={props.number.label || <span class="muted">No label</span>}>
          <form class="inline-form" onSubmit={handleSave}>
            <label class="sr-only" for={inputId}>
              Label for {formatPhone(props.number.e164)}
            </label>
            <input
              id={inputId}
              value={label()}
              onInput={(event) => setLabel(event.currentTarget.value)}
            />
            <button type="submit" class="button button-primary button-small">
              Save
            </button>
            <button type="button" class="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
          <Show when={error()}>
            <p class="field-error" role="alert">
              {error()}
            </p>
          </Show>
        </Show>
      </td>
      <td class="cell-actions">
        <Show when={!editing()}>
          <button type="button" class="button button-small" onClick={handleEdit}>
            Edit label<span class="sr-only"> for {formatPhone(props.number.e164)}</span>
          </button>
        </Show>
      </td>
    </tr>
  );
}
