import { For } from 'solid-js';

import { activeUsers } from '../../stores/directory.store.js';
import { currentUser } from '../../stores/session.store.js';

interface ParticipantPickerProps {
  selected: number[];
  onChange: (ids: number[]) => void;
}

/** Colleagues to add to a new thread; the creator is always in it, so is shown fixed. */
export function ParticipantPicker(props: ParticipantPickerProps) {
  const others = () => activeUsers().filter((user) => user.id !== currentUser()?.id);

  const toggle = (id: number, checked: boolean) => {
    const rest = props.selected.filter((other) => other !== id);
    props.onChange(checked ? [...rest, id] : rest);
  };

  return (
    <fieldset class="fieldset">
      <legend class="field-label">Participants</legend>
      <p class="field-hint">Participants get an email whenever the student replies.</p>
      <ul class="check-list">
        <li>
          <label class="check">
            <input type="checkbox" checked disabled />
            <span>{currentUser()?.name ?? 'You'} (you, added automatically)</span>
          </label>
        </li>
        <For each={others()}>
          {(user) => (
            <li>
              <label class="check">
                <input
                  type="checkbox"
                  checked={props.selected.includes(user.id)}
                  onChange={(event) => toggle(user.id, event.currentTarget.checked)}
                />
                <span>{user.name}</span>
              </label>
            </li>
          )}
        </For>
      </ul>
    </fieldset>
  );
}
