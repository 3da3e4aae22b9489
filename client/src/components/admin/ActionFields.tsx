import { For, Match, Show, Switch } from 'solid-js';

import type { RuleAction } from '@shared/automation.js';

import { automation } from '../../stores/automation.store.js';
import { activeUsers, directory } from '../../stores/directory.store.js';

type ActionType = RuleAction['type'];

const TYPE_LABELS: Record<ActionType, string> = {
  add_tag: 'Add a tag',
  assign: 'Assign to',
  add_participants: 'Add participants',
  auto_reply: 'Auto-reply',
  close: 'Close the conversation',
};

/** A fresh action of a type, with sensible first values. */
export function newAction(type: ActionType): RuleAction {
  switch (type) {
    case 'add_tag':
      return { type, tagId: automation.tags[0]?.id ?? 0 };
    case 'assign': {
      const team = directory.teams[0];
      const user = activeUsers()[0];
      return {
        type,
        assignee: team ? { type: 'team', id: team.id } : { type: 'user', id: user?.id ?? 0 },
      };
    }
    case 'add_participants':
      return { type, userIds: [] };
    case 'auto_reply':
      return { type, text: '' };
    case 'close':
      return { type };
  }
}

interface ActionFieldsProps {
  id: string;
  action: RuleAction;
  onChange: (action: RuleAction) => void;
  onRemove: () => void;
}

/** One action of a rule: its type, then what it needs. */
export function ActionFields(props: ActionFieldsProps) {
  const a = () => props.action;

  return (
    <fieldset class="rule-part">
      <legend class="sr-only">Action</legend>
      <label class="sr-only" for={`${props.id}-type`}>
        Action type
      </label>
      <select
        id={`${props.id}-type`}
        value={a().type}
        onChange={(event) => props.onChange(newAction(event.currentTarget.value as ActionType))}
      >
        <For each={Object.entries(TYPE_LABELS)}>
          {([value, label]) => <option value={value}>{label}</option>}
        </For>
      </select>
      <Switch>
        <Match when={a().type === 'add_tag' && (a() as Extract<RuleAction, { type: 'add_tag' }>)}>
          {(tag) => (
            <Show
              when={automation.tags.length > 0}
              fallback={<span class="field-hint">Add a tag under Settings → Tags first.</span>}
            >
              <select
                aria-label="Tag"
                value={tag().tagId}
                onChange={(event) =>
                  props.onChange({ type: 'add_tag', tagId: Number(event.currentTarget.value) })
                }
              >
                <For each={automation.tags}>{(t) => <option value={t.id}>{t.name}</option>}</For>
              </select>
            </Show>
          )}
        </Match>
        <Match when={a().type === 'assign' && (a() as Extract<RuleAction, { type: 'assign' }>)}>
          {(assign) => (
            <>
              <select
                aria-label="Assignee"
                value={`${assign().assignee.type}:${assign().assignee.id}`}
                onChange={(event) => {
                  const [type, id] = event.currentTarget.value.split(':');
                  props.onChange({
                    ...assign(),
                    assignee: { type: type as 'team', id: Number(id) },
                  });
                }}
              >
                <optgroup label="Teams">
                  <For each={directory.teams}>
                    {(team) => <option value={`team:${team.id}`}>{team.name}</option>}
                  </For>
                </optgroup>
                <optgroup label="People">
                  <For each={activeUsers()}>
                    {(user) => <option value={`user:${user.id}`}>{user.name}</option>}
                  </For>
                </optgroup>
              </select>
              <label class="check">
                <input
                  type="checkbox"
                  checked={assign().ifUnassigned ?? false}
                  onChange={(event) =>
                    props.onChange({ ...assign(), ifUnassigned: event.currentTarget.checked })
                  }
                />
                only when nobody has it
              </label>
            </>
          )}
        </Match>
        <Match
          when={
            a().type === 'add_participants' &&
            (a() as Extract<RuleAction, { type: 'add_participants' }>)
          }
        >
          {(people) => (
            <span class="rule-checks" role="group" aria-label="Participants">
              <For each={activeUsers()}>
                {(user) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={people().userIds.includes(user.id)}
                      onChange={(event) =>
                        props.onChange({
                          type: 'add_participants',
                          userIds: event.currentTarget.checked
                            ? [...people().userIds, user.id]
                            : people().userIds.filter((id) => id !== user.id),
                        })
                      }
                    />
                    {user.name}
                  </label>
                )}
              </For>
            </span>
          )}
        </Match>
        <Match
          when={a().type === 'auto_reply' && (a() as Extract<RuleAction, { type: 'auto_reply' }>)}
        >
          {(reply) => (
            <span class="rule-reply">
              <select
                aria-label="Reply with"
                value={reply().savedReplyId ?? ''}
                onChange={(event) => {
                  const id = Number(event.currentTarget.value);
                  props.onChange(
                    id
                      ? { type: 'auto_reply', savedReplyId: id }
                      : { type: 'auto_reply', text: '' },
                  );
                }}
              >
                <option value="">Text written here</option>
                <For each={automation.savedReplies}>
                  {(saved) => <option value={saved.id}>{saved.title}</option>}
                </For>
              </select>
              <Show when={reply().savedReplyId === undefined}>
                <textarea
                  aria-label="Auto-reply text"
                  required
                  rows="2"
                  maxLength={1600}
                  placeholder="e.g. Thanks {{contact.firstName|there}}! We reply within a day."
                  value={reply().text ?? ''}
                  onInput={(event) =>
                    props.onChange({ type: 'auto_reply', text: event.currentTarget.value })
                  }
                />
              </Show>
            </span>
          )}
        </Match>
      </Switch>
      <button
        type="button"
        class="button button-small button-ghost"
        onClick={() => props.onRemove()}
      >
        Remove<span class="sr-only"> action</span>
      </button>
    </fieldset>
  );
}
