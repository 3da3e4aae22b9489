import { createEffect, For, Show } from 'solid-js';

import type { Assignee, ConversationDto } from '@shared/dto.js';

import { activeUsers, directory, findUser } from '../../stores/directory.store.js';

const keyOf = (assignee: Assignee | null): string =>
  assignee ? `${assignee.type}:${assignee.id}` : '';

function parseKey(key: string): Assignee | null {
  const [type, id] = key.split(':');
  if ((type !== 'user' && type !== 'team') || !id) return null;
  return { type, id: Number(id) };
}

interface AssigneeSelectProps {
  conversation: ConversationDto;
  disabled?: boolean;
  onChange: (assignee: Assignee | null) => Promise<void>;
}

/** A plain `<select>` of teams and people; the store, not the control, says who has it. */
export function AssigneeSelect(props: AssigneeSelectProps) {
  let select: HTMLSelectElement | undefined;
  const current = () => keyOf(props.conversation.assignee);
  const inactiveAssignee = () => {
    const assignee = props.conversation.assignee;
    const user = assignee?.type === 'user' ? findUser(assignee.id) : undefined;
    return user && !user.active ? user : undefined;
  };

  // A failed or refused change must not leave the control showing what the store does not hold.
  createEffect(() => {
    const key = current();
    void [directory.teams.length, activeUsers().length];
    if (select && select.value !== key) select.value = key;
  });

  const handleChange = async (event: Event & { currentTarget: HTMLSelectElement }) => {
    const chosen = event.currentTarget.value;
    if (chosen === current()) return;
    await props.onChange(parseKey(chosen));
    if (select) select.value = current();
  };

  return (
    <label class="assignee-field">
      <span class="assignee-label">Assignee</span>
      <select
        ref={select}
        data-testid="assignee-select"
        value={current()}
        disabled={props.disabled}
        onChange={handleChange}
      >
        <option value="">Unassigned</option>
        <Show when={directory.teams.length > 0}>
          <optgroup label="Teams">
            <For each={directory.teams}>
              {(team) => <option value={`team:${team.id}`}>{team.name}</option>}
            </For>
          </optgroup>
        </Show>
        <optgroup label="People">
          <For each={activeUsers()}>
            {(user) => <option value={`user:${user.id}`}>{user.name}</option>}
          </For>
          <Show when={inactiveAssignee()}>
            {(user) => <option value={current()}>{user().name} (deactivated)</option>}
          </Show>
        </optgroup>
      </select>
    </label>
  );
}
