import { createSignal, For, onMount, Show } from 'solid-js';

import type { BotAnswerDto } from '@shared/automation.js';
import type { Assignee } from '@shared/dto.js';

import { BotAnswerForm } from '../components/admin/BotAnswerForm.jsx';
import { SettingsNav } from '../components/admin/SettingsNav.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { errorMessage } from '../lib/api.js';
import {
  type AutomationSettings,
  deleteBotAnswer,
  getSettings,
  listBotAnswers,
  saveSettings,
} from '../lib/automation-api.js';
import { automation, loadAssistant } from '../stores/automation.store.js';
import { activeUsers, directory } from '../stores/directory.store.js';
import { showNotice } from '../stores/notices.store.js';

const assigneeValue = (assignee: Assignee | null) =>
  assignee ? `${assignee.type}:${assignee.id}` : '';

function parseAssignee(value: string): Assignee | null {
  const [type, id] = value.split(':');
  return type === 'user' || type === 'team' ? { type, id: Number(id) } : null;
}

/** Settings → Assistant: how the writing assistant is set up, and the auto-reply bot. */
export function AssistantPage() {
  const [settings, setSettings] = createSignal<AutomationSettings | null>(null);
  const [answers, setAnswers] = createSignal<BotAnswerDto[]>([]);
  const [editing, setEditing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);

  const fetchAll = () => {
    setLoadError(null);
    void Promise.all([getSettings(), listBotAnswers(), loadAssistant()])
      .then(([{ settings: current }, list]) => {
        setSettings(current);
        setAnswers(list.answers);
        setLoaded(true);
      })
      .catch((failure) => setLoadError(errorMessage(failure)));
  };

  onMount(fetchAll);

  const update = (change: Partial<AutomationSettings>) =>
    setSettings((current) => (current ? { ...current, ...change } : current));

  const handleSaveBot = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = settings();
    if (!current) return;
    setError(null);
    try {
      const { settings: saved } = await saveSettings({
        botEnabled: current.botEnabled,
        botHandoff: current.botHandoff,
        botHandoffText: current.botHandoffText.trim(),
      });
      setSettings(saved);
      showNotice(saved.botEnabled ? 'The auto-reply bot is on.' : 'The auto-reply bot is off.');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const saved = (answer: BotAnswerDto) => {
    setAnswers((list) =>
      list.some((a) => a.id === answer.id)
        ? list.map((a) => (a.id === answer.id ? answer : a))
        : [...list, answer],
    );
    setEditing(null);
  };

  const remove = async (answer: BotAnswerDto) => {
    if (!window.confirm(`Delete the answer to “${answer.question}”?`)) return;
    try {
      await deleteBotAnswer(answer.id);
      setAnswers((list) => list.filter((a) => a.id !== answer.id));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div class="page">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Assistant and bot
          </h1>
          <p class="page-intro">
            The writing assistant in the composer, and the auto-reply bot for new conversations.
          </p>
        </div>
      </header>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>

      <section class="card card-padded stack" aria-labelledby="assistant-status">
        <h2 id="assistant-status" class="card-title">
          Writing assistant
        </h2>
        <Show when={automation.assistant}>
          {(status) => (
            <Show
              when={status().enabled}
              fallback={
                <p>
                  Off. Set <code>ASSISTANT_API_URL</code> to any OpenAI-compatible chat-completions
                  endpoint (a hosted model or a local model server), with{' '}
                  <code>ASSISTANT_API_KEY</code> and <code>ASSISTANT_MODEL</code> if it needs them,
                  and restart. Spelling fixes work without it, from a built-in dictionary.
                </p>
              }
            >
              <p>
                On. Counselors can draft, improve, fix, shorten, expand, change the tone of and
                translate texts, and summarise threads into notes. SSN-like and card numbers and
                birth dates are masked before anything is sent to the model; it never texts anyone.
              </p>
            </Show>
          )}
        </Show>
      </section>

      <Show when={settings()}>
        {(current) => (
          <form
            class="card card-padded stack"
            onSubmit={handleSaveBot}
            aria-labelledby="bot-settings"
          >
            <h2 id="bot-settings" class="card-title">
              Auto-reply bot
            </h2>
            <p class="field-hint">
              When on, the bot answers the text that starts a new conversation from the questions
              below ({automation.assistant?.enabled ? 'chosen by the model' : 'matched by keywords'}
              ), and hands off when it is not sure or the student asks for a person.
            </p>
            <label class="check">
              <input
                type="checkbox"
                checked={current().botEnabled}
                onChange={(event) => update({ botEnabled: event.currentTarget.checked })}
              />
              The bot answers new conversations
            </label>
            <div class="field">
              <label class="field-label" for="bot-handoff">
                Hand off to
              </label>
              <select
                id="bot-handoff"
                value={assigneeValue(current().botHandoff)}
                onChange={(event) =>
                  update({ botHandoff: parseAssignee(event.currentTarget.value) })
                }
              >
                <option value="">Nobody (leave it unassigned)</option>
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
            </div>
            <div class="field">
              <label class="field-label" for="bot-handoff-text">
                Text sent on hand-off <span class="optional">(empty sends nothing)</span>
              </label>
              <textarea
                id="bot-handoff-text"
                rows="2"
                maxLength={600}
                value={current().botHandoffText}
                onInput={(event) => update({ botHandoffText: event.currentTarget.value })}
              />
            </div>
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                Save bot settings
              </button>
            </div>
          </form>
        )}
      </Show>

      <section class="card" aria-labelledby="bot-answers">
        <h2 id="bot-answers" class="card-title card-padded-title">
          Questions and answers
        </h2>
        <ListGate
          loaded={loaded()}
          error={loadError()}
          onRetry={fetchAll}
          count={answers().length}
          noun="the bot’s answers"
          empty="No answers yet. Add the first question and its answer below."
          size="row"
        >
          <ul class="plain-list saved-reply-admin-list">
            <For each={answers()}>
              {(answer) => (
                <li class="saved-reply-admin">
                  <Show
                    when={editing() === answer.id}
                    fallback={
                      <div class="saved-reply-admin-row">
                        <div>
                          <p class="option-name">{answer.question}</p>
                          <p class="saved-reply-admin-body">{answer.answer}</p>
                          <Show when={answer.keywords.length > 0}>
                            <p class="option-detail">Keywords: {answer.keywords.join(', ')}</p>
                          </Show>
                        </div>
                        <div class="cell-actions">
                          <button
                            type="button"
                            class="button button-small"
                            onClick={() => setEditing(answer.id)}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            class="button button-small button-danger"
                            onClick={() => void remove(answer)}
                          >
                            Delete
                          </button>
                        </div>
                      </div>
                    }
                  >
                    <BotAnswerForm
                      answer={answer}
                      onSaved={saved}
                      onCancel={() => setEditing(null)}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </ListGate>
        <div class="card-padded">
          <h3 class="card-title">Add an answer</h3>
          <BotAnswerForm onSaved={saved} />
        </div>
      </section>
    </div>
  );
}
