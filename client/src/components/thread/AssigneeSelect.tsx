import { createEffect, createUniqueId, For, Show } from 'solid-js';

import type { Assignee, ConversationDto } from '@shared/dto.js';

import { activeUsers, directory, findUser } from '../../stores/directory.store.js';

const keyOf = (assignee: Assignee | null): string =>
  assignee ? `${assignee.type}:${assignee.id}` : '';

function parseKey(key: string): Assignee | null {
  const [type, id] = key.split(':');
  if ((type !== 'user' && type !== 'team') || !id) return null;
  return { type, id: Number(id) };
}

const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Keys with which a closed select moves its value at once, firing `change` in Chromium. */
const isBrowseKey = (event: KeyboardEvent) =>
  !event.altKey &&
  !event.ctrlKey &&
  !event.metaKey &&
  (BROWSE_KEYS.has(event.key) || event.key.startsWith('Page') || event.key.length === 1);

interface AssigneeSelectProps {
  conversation: ConversationDto;
  disabled?: boolean;
  onChange: (assignee: Assignee | null) => Promise<void>;
}

/**
 * A plain `<select>` of teams and people; the store, not the control, says who has it. Moving
 * through it with the keys only picks: Enter or leaving the field assigns, Esc goes back.
 */
export function AssigneeSelect(props: AssigneeSelectProps) {
  let select: HTMLSelectElement | undefined;
  let browsing = false;
  let committing = false;
  const hintId = `assignee-hint-${createUniqueId()}`;
  const current = () => keyOf(props.conversation.assignee);
  const pending = () => select !== undefined && select.value !== current();
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

  const commit = async () => {
    if (!select || committing || !pending()) return;
    committing = true;
    try {
      await props.onChange(parseKey(select.value));
    } finally {
      committing = false;
      if (select) select.value = current();
    }
  };

  // The browser moves the value after this handler returns, within the same task.
  const markBrowsing = () => {
    browsing = true;
    window.setTimeout(() => (browsing = false));
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && pending()) {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && pending()) {
      event.preventDefault();
      select!.value = current();
    } else if (isBrowseKey(event)) {
      markBrowsing();
    }
  };

  return (
    <>
      <label class="assignee-field">
        <span class="assignee-label">Assignee</span>
        <select
          ref={select}
          data-testid="assignee-select"
          value={current()}
          disabled={props.disabled}
          aria-describedby={hintId}
          onKeyDown={handleKeyDown}
          onChange={() => {
            if (!browsing) void commit();
          }}
          onBlur={() => void commit()}
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
      <span id={hintId} class="sr-only">
        Arrow keys pick; Enter or leaving the field assigns; Esc goes back.
      </span>
    </>
  );
}
