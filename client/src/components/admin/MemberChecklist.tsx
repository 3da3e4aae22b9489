import { For } from 'solid-js';

import { activeUsers } from '../../stores/directory.store.js';

interface MemberChecklistProps {
  legend: string;
  idPrefix: string;
  selected: number[];
  onChange: (ids: number[]) => void;
}

export function MemberChecklist(props: MemberChecklistProps) {
  const toggle = (id: number, checked: boolean) => {
    const rest = props.selected.filter((other) => other !== id);
    props.onChange(checked ? [...rest, id] : rest);
  };

  return (
    <fieldset class="fieldset">
      <legend class="field-label">{props.legend}</legend>
      <ul class="check-list check-grid">
        <For each={activeUsers()} fallback={<li class="muted">No active users yet.</li>}>
          {(user) => (
            <li>
              <label class="check" for={`${props.idPrefix}-${user.id}`}>
                <input
                  id={`${props.idPrefix}-${user.id}`}
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
