import { createSignal, For, Show } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';

import type { RuleDto } from '@shared/automation.js';

import { errorMessage } from '../../lib/api.js';
import { createRule, type RuleInput, updateRule } from '../../lib/automation-api.js';
import { automation } from '../../stores/automation.store.js';
import { Alert } from '../common/Alert.jsx';
import { ActionFields, newAction } from './ActionFields.jsx';
import { ConditionFields, newCondition } from './ConditionFields.jsx';

interface RuleEditorProps {
  rule?: RuleDto;
  onSaved: (rule: RuleDto) => void;
  onCancel?: () => void;
}

/** A plain deep copy; store proxies cannot go through structuredClone. */
const copy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const blank = (): RuleInput => ({
  name: '',
  enabled: true,
  match: 'all',
  conditions: [],
  actions: [newAction(automation.tags.length > 0 ? 'add_tag' : 'assign')],
});

/** Writes one rule: name, all-of / any-of conditions, and the actions it takes. */
export function RuleEditor(props: RuleEditorProps) {
  const key = props.rule ? `rule-${props.rule.id}` : 'rule-new';
  const initial = (): RuleInput =>
    props.rule
      ? {
          name: props.rule.name,
          enabled: props.rule.enabled,
          match: props.rule.match,
          conditions: copy(props.rule.conditions),
          actions: copy(props.rule.actions),
        }
      : blank();
  const [draft, setDraft] = createStore<RuleInput>(initial());
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = copy({ ...draft, name: draft.name.trim() });
      const { rule } = props.rule ? await updateRule(props.rule.id, body) : await createRule(body);
      props.onSaved(rule);
      if (!props.rule) setDraft(reconcile(blank()));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack rule-editor" onSubmit={handleSubmit}>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="field-row">
        <div class="field">
          <label class="field-label" for={`${key}-name`}>
            Name
          </label>
          <input
            id={`${key}-name`}
            required
            maxLength={80}
            placeholder="e.g. After hours"
            value={draft.name}
            onInput={(event) => setDraft('name', event.currentTarget.value)}
          />
        </div>
        <label class="check rule-enabled">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => setDraft('enabled', event.currentTarget.checked)}
          />
          On
        </label>
      </div>

      <div class="field">
        <p class="field-label" id={`${key}-when`}>
          When a student’s text opens or reopens a conversation and
        </p>
        <select
          aria-labelledby={`${key}-when`}
          value={draft.match}
          onChange={(event) => setDraft('match', event.currentTarget.value as 'all' | 'any')}
        >
          <option value="all">all of these are true</option>
          <option value="any">any of these is true</option>
        </select>
        <For
          each={draft.conditions}
          fallback={<p class="field-hint">No conditions: every such text.</p>}
        >
          {(condition, index) => (
            <ConditionFields
              id={`${key}-condition-${index()}`}
              condition={condition}
              onChange={(next) => setDraft('conditions', index(), reconcile(next))}
              onRemove={() =>
                setDraft('conditions', (list) => list.filter((_, i) => i !== index()))
              }
            />
          )}
        </For>
        <button
          type="button"
          class="button button-small"
          onClick={() =>
            setDraft(
              'conditions',
              produce((list) => void list.push(newCondition('text'))),
            )
          }
        >
          Add condition
        </button>
      </div>

      <div class="field">
        <p class="field-label">Then</p>
        <For each={draft.actions}>
          {(action, index) => (
            <ActionFields
              id={`${key}-action-${index()}`}
              action={action}
              onChange={(next) => setDraft('actions', index(), reconcile(next))}
              onRemove={() => setDraft('actions', (list) => list.filter((_, i) => i !== index()))}
            />
          )}
        </For>
        <button
          type="button"
          class="button button-small"
          onClick={() =>
            setDraft(
              'actions',
              produce((list) => void list.push(newAction('assign'))),
            )
          }
        >
          Add action
        </button>
      </div>

      <div class="form-actions">
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button
          type="submit"
          class="button button-primary"
          disabled={busy() || draft.actions.length === 0}
        >
          {busy() ? 'Saving…' : props.rule ? 'Save rule' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}
