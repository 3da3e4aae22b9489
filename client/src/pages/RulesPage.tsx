import { createSignal, For, onMount, Show } from 'solid-js';

import type { BusinessHoursSlot, RuleAction, RuleCondition, RuleDto } from '@shared/automation.js';

import { BusinessHoursEditor } from '../components/admin/BusinessHoursEditor.jsx';
import { RuleEditor } from '../components/admin/RuleEditor.jsx';
import { SettingsNav } from '../components/admin/SettingsNav.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { ListState } from '../components/common/ListState.jsx';
import { errorMessage } from '../lib/api.js';
import {
  deleteRule,
  getSettings,
  listRules,
  reorderRules,
  updateRule,
} from '../lib/automation-api.js';
import { formatPhone } from '../lib/format.js';
import { scrollBehavior } from '../lib/motion.js';
import { automation, loadSavedReplies, loadTags } from '../stores/automation.store.js';
import { assigneeName, directory, findNumber, userName } from '../stores/directory.store.js';
import { showNotice } from '../stores/notices.store.js';

const numberName = (id: number) => {
  const number = findNumber(id);
  return number?.label || formatPhone(number?.e164 ?? '') || 'a removed number';
};

const tagName = (id: number) =>
  automation.tags.find((tag) => tag.id === id)?.name ?? 'a deleted tag';

function describeCondition(c: RuleCondition): string {
  switch (c.type) {
    case 'text':
      return `the text ${c.op === 'contains' ? 'contains' : 'starts with'} “${c.value}”`;
    case 'office_number':
      return `it came to ${c.numberIds.map(numberName).join(' or ')}`;
    case 'contact_field': {
      const field = { firstName: 'first name', lastName: 'last name', email: 'email' }[c.field];
      const test = {
        is_set: 'is filled in',
        is_empty: 'is empty',
        equals: 'is',
        contains: 'contains',
      }[c.op];
      return `the contact’s ${field} ${test}${c.value ? ` “${c.value}”` : ''}`;
    }
    case 'tag':
      return `the thread ${c.op === 'has' ? 'has' : 'lacks'} the tag ${tagName(c.tagId)}`;
    case 'time':
      return c.when === 'business_hours' ? 'it is business hours' : 'it is outside business hours';
  }
}

function describeAction(a: RuleAction): string {
  switch (a.type) {
    case 'add_tag':
      return `tag it ${tagName(a.tagId)}`;
    case 'assign':
      return `assign it to ${assigneeName(a.assignee)}${a.ifUnassigned ? ' if nobody has it' : ''}`;
    case 'add_participants':
      return `add ${a.userIds.map((id) => userName(id)).join(', ')}`;
    case 'auto_reply': {
      const saved = automation.savedReplies.find((reply) => reply.id === a.savedReplyId);
      return saved ? `reply with “${saved.title}”` : `reply “${a.text ?? ''}”`;
    }
    case 'close':
      return 'close it';
  }
}

/** Settings → Rules: the ordered conversation rules, each on or off, and the business hours. */
export function RulesPage() {
  const [rules, setRules] = createSignal<RuleDto[]>([]);
  const [editing, setEditing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [hours, setHours] = createSignal<{ slots: BusinessHoursSlot[]; timezone: string } | null>(
    null,
  );

  const [loaded, setLoaded] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);

  const fetchRules = () => {
    setLoadError(null);
    void Promise.all([listRules(), getSettings(), loadTags(), loadSavedReplies()])
      .then(([answer, { settings }]) => {
        setRules(answer.rules);
        setHours({ slots: settings.businessHours, timezone: settings.timezone });
        setLoaded(true);
      })
      .catch((failure) => setLoadError(errorMessage(failure)));
  };

  onMount(fetchRules);

  const replace = (rule: RuleDto) => {
    setRules((list) =>
      list.some((r) => r.id === rule.id)
        ? list.map((r) => (r.id === rule.id ? rule : r))
        : [...list, rule],
    );
    setEditing(null);
  };

  /** After Add rule or Save: confirm it, and bring the rule's card into view with the focus. */
  const handleSaved = (rule: RuleDto) => {
    const added = !rules().some((r) => r.id === rule.id);
    replace(rule);
    showNotice(`Rule “${rule.name}” ${added ? 'added' : 'saved'}.`);
    queueMicrotask(() => {
      const title = document.getElementById(`rule-title-${rule.id}`);
      title?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      title?.focus({ preventScroll: true });
    });
  };

  const act = async (task: () => Promise<void>) => {
    setError(null);
    try {
      await task();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const move = (index: number, by: number) =>
    act(async () => {
      const ids = rules().map((rule) => rule.id);
      const [moved] = ids.splice(index, 1);
      if (moved === undefined) return;
      ids.splice(index + by, 0, moved);
      setRules((await reorderRules(ids)).rules);
    });

  const toggle = (rule: RuleDto) =>
    act(async () => replace((await updateRule(rule.id, { enabled: !rule.enabled })).rule));

  const remove = (rule: RuleDto) =>
    act(async () => {
      if (!window.confirm(`Delete the rule “${rule.name}”?`)) return;
      await deleteRule(rule.id);
      setRules((list) => list.filter((r) => r.id !== rule.id));
    });

  return (
    <div class="page">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Conversation rules
          </h1>
          <p class="page-intro">
            Rules run in order on the student’s text that starts or reopens a conversation, not on
            later texts of an open thread, and not when staff reopen one. Each runs once per text,
            and what it did shows in the thread.
          </p>
        </div>
      </header>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>

      <ListGate
        loaded={loaded()}
        error={loadError()}
        onRetry={fetchRules}
        count={rules().length}
        noun="rules"
        empty="No rules yet. Add the first one below."
      >
        <ol class="rule-list" aria-label="Rules, in the order they run">
          <For each={rules()}>
            {(rule, index) => (
              <li
                class="card card-padded rule-card"
                classList={{ 'rule-off': !rule.enabled }}
                data-testid="rule"
              >
                <Show
                  when={editing() === rule.id}
                  fallback={
                    <>
                      <div class="card-title-row">
                        <h2 class="card-title" id={`rule-title-${rule.id}`} tabindex="-1">
                          {index() + 1}. {rule.name}
                          <Show when={!rule.enabled}>
                            <span class="badge badge-subtle"> Off</span>
                          </Show>
                        </h2>
                        <div class="cell-actions">
                          <button
                            type="button"
                            class="button button-small"
                            disabled={index() === 0}
                            onClick={() => void move(index(), -1)}
                          >
                            Move up<span class="sr-only"> {rule.name}</span>
                          </button>
                          <button
                            type="button"
                            class="button button-small"
                            disabled={index() === rules().length - 1}
                            onClick={() => void move(index(), 1)}
                          >
                            Move down<span class="sr-only"> {rule.name}</span>
                          </button>
                          <button
                            type="button"
                            class="button button-small"
                            aria-pressed={rule.enabled}
                            onClick={() => void toggle(rule)}
                          >
                            {rule.enabled ? 'Turn off' : 'Turn on'}
                            <span class="sr-only"> {rule.name}</span>
                          </button>
                          <button
                            type="button"
                            class="button button-small"
                            onClick={() => setEditing(rule.id)}
                          >
                            Edit<span class="sr-only"> {rule.name}</span>
                          </button>
                          <button
                            type="button"
                            class="button button-small button-danger"
                            onClick={() => void remove(rule)}
                          >
                            Delete<span class="sr-only"> {rule.name}</span>
                          </button>
                        </div>
                      </div>
                      <p class="rule-summary">
                        When{' '}
                        {rule.conditions.length === 0
                          ? 'any such text arrives'
                          : rule.conditions
                              .map(describeCondition)
                              .join(rule.match === 'all' ? ' and ' : ' or ')}
                        : {rule.actions.map(describeAction).join(', then ')}.
                      </p>
                    </>
                  }
                >
                  <RuleEditor rule={rule} onSaved={handleSaved} onCancel={() => setEditing(null)} />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </ListGate>

      <section class="card card-padded" aria-labelledby="new-rule">
        <h2 id="new-rule" class="card-title">
          Add a rule
        </h2>
        <Show
          when={directory.loaded}
          fallback={<ListState kind="loading" message="Loading the rule editor…" size="row" />}
        >
          <RuleEditor onSaved={handleSaved} />
        </Show>
      </section>

      <section class="card card-padded" aria-labelledby="business-hours">
        <h2 id="business-hours" class="card-title">
          Business hours
        </h2>
        <Show when={hours()}>
          {(current) => (
            <BusinessHoursEditor
              slots={current().slots}
              timezone={current().timezone}
              onSaved={(slots) => setHours({ ...current(), slots })}
            />
          )}
        </Show>
      </section>
    </div>
  );
}
