import { For, Match, Show, Switch } from 'solid-js';

import type { RuleCondition } from '@shared/automation.js';

import { formatPhone } from '../../lib/format.js';
import { automation } from '../../stores/automation.store.js';
import { directory } from '../../stores/directory.store.js';

type ConditionType = RuleCondition['type'];

const TYPE_LABELS: Record<ConditionType, string> = {
  text: 'The text',
  office_number: 'Office number',
  contact_field: 'Contact field',
  tag: 'Tag',
  time: 'Time',
};

/** A fresh condition of a type, with sensible first values. */
export function newCondition(type: ConditionType): RuleCondition {
  switch (type) {
    case 'text':
      return { type, op: 'contains', value: '' };
    case 'office_number':
      return { type, numberIds: directory.numbers[0] ? [directory.numbers[0].id] : [] };
    case 'contact_field':
      return { type, field: 'email', op: 'is_empty' };
    case 'tag':
      return { type, op: 'has', tagId: automation.tags[0]?.id ?? 0 };
    case 'time':
      return { type, when: 'outside_business_hours' };
  }
}

interface ConditionFieldsProps {
  id: string;
  condition: RuleCondition;
  onChange: (condition: RuleCondition) => void;
  onRemove: () => void;
}

/** One condition of a rule: its type, then the fields that type needs. */
export function ConditionFields(props: ConditionFieldsProps) {
  const c = () => props.condition;
  const patch = (change: Partial<RuleCondition>) =>
    props.onChange({ ...c(), ...change } as RuleCondition);

  return (
    <fieldset class="rule-part">
      <legend class="sr-only">Condition</legend>
      <label class="sr-only" for={`${props.id}-type`}>
        Condition type
      </label>
      <select
        id={`${props.id}-type`}
        value={c().type}
        onChange={(event) =>
          props.onChange(newCondition(event.currentTarget.value as ConditionType))
        }
      >
        <For each={Object.entries(TYPE_LABELS)}>
          {([value, label]) => <option value={value}>{label}</option>}
        </For>
      </select>
      <Switch>
        <Match when={c().type === 'text' && (c() as Extract<RuleCondition, { type: 'text' }>)}>
          {(text) => (
            <>
              <select
                aria-label="How the text matches"
                value={text().op}
                onChange={(event) => patch({ op: event.currentTarget.value as 'contains' })}
              >
                <option value="contains">contains</option>
                <option value="starts_with">starts with</option>
              </select>
              <input
                aria-label="Words"
                required
                placeholder="e.g. deposit"
                value={text().value}
                onInput={(event) => patch({ value: event.currentTarget.value })}
              />
            </>
          )}
        </Match>
        <Match
          when={
            c().type === 'office_number' &&
            (c() as Extract<RuleCondition, { type: 'office_number' }>)
          }
        >
          {(number) => (
            <span class="rule-checks" role="group" aria-label="Office numbers">
              <For each={directory.numbers}>
                {(office) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={number().numberIds.includes(office.id)}
                      onChange={(event) =>
                        patch({
                          numberIds: event.currentTarget.checked
                            ? [...number().numberIds, office.id]
                            : number().numberIds.filter((id) => id !== office.id),
                        })
                      }
                    />
                    {office.label || formatPhone(office.e164)}
                  </label>
                )}
              </For>
            </span>
          )}
        </Match>
        <Match
          when={
            c().type === 'contact_field' &&
            (c() as Extract<RuleCondition, { type: 'contact_field' }>)
          }
        >
          {(field) => (
            <>
              <select
                aria-label="Field"
                value={field().field}
                onChange={(event) => patch({ field: event.currentTarget.value as 'email' })}
              >
                <option value="firstName">first name</option>
                <option value="lastName">last name</option>
                <option value="email">email</option>
              </select>
              <select
                aria-label="Test"
                value={field().op}
                onChange={(event) => patch({ op: event.currentTarget.value as 'is_set' })}
              >
                <option value="is_set">is filled in</option>
                <option value="is_empty">is empty</option>
                <option value="equals">is</option>
                <option value="contains">contains</option>
              </select>
              {(field().op === 'equals' || field().op === 'contains') && (
                <input
                  aria-label="Value"
                  required
                  value={field().value ?? ''}
                  onInput={(event) => patch({ value: event.currentTarget.value })}
                />
              )}
            </>
          )}
        </Match>
        <Match when={c().type === 'tag' && (c() as Extract<RuleCondition, { type: 'tag' }>)}>
          {(tag) => (
            <>
              <select
                aria-label="Has or lacks"
                value={tag().op}
                onChange={(event) => patch({ op: event.currentTarget.value as 'has' })}
              >
                <option value="has">thread has</option>
                <option value="lacks">thread lacks</option>
              </select>
              <Show
                when={automation.tags.length > 0}
                fallback={<span class="field-hint">Add a tag under Settings → Tags first.</span>}
              >
                <select
                  aria-label="Tag"
                  value={tag().tagId}
                  onChange={(event) => patch({ tagId: Number(event.currentTarget.value) })}
                >
                  <For each={automation.tags}>{(t) => <option value={t.id}>{t.name}</option>}</For>
                </select>
              </Show>
            </>
          )}
        </Match>
        <Match when={c().type === 'time' && (c() as Extract<RuleCondition, { type: 'time' }>)}>
          {(time) => (
            <select
              aria-label="When"
              value={time().when}
              onChange={(event) => patch({ when: event.currentTarget.value as 'business_hours' })}
            >
              <option value="business_hours">is within business hours</option>
              <option value="outside_business_hours">is outside business hours</option>
            </select>
          )}
        </Match>
      </Switch>
      <button
        type="button"
        class="button button-small button-ghost"
        onClick={() => props.onRemove()}
      >
        Remove<span class="sr-only"> condition</span>
      </button>
    </fieldset>
  );
}
