import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';

import {
  ASSISTANT_LANGUAGES,
  ASSISTANT_TONES,
  type AssistantAction,
  type AssistantTone,
} from '@shared/automation.js';

import { errorMessage } from '../../lib/api.js';
import { type AssistantInput, runAssistant } from '../../lib/automation-api.js';
import { automation, loadAssistant } from '../../stores/automation.store.js';
import { isAdmin } from '../../stores/session.store.js';
import { Alert } from '../common/Alert.jsx';
import { AssistantSuggestion, type Suggestion } from './AssistantSuggestion.jsx';

interface AssistantMenuProps {
  id: string;
  conversationId: number;
  text: string;
  /** Fills the composer with an applied suggestion; the assistant never sends. */
  onResult: (text: string) => void;
}

interface Choice {
  label: string;
  action: AssistantAction;
  input?: Partial<AssistantInput>;
  needsText: boolean;
}

const TONE_LABELS: Record<AssistantTone, string> = {
  friendly: 'Friendlier',
  formal: 'More formal',
  encouraging: 'More encouraging',
};

const CHOICES: Choice[] = [
  { label: 'Draft a reply from the thread', action: 'draft', needsText: false },
  { label: 'Improve', action: 'improve', needsText: true },
  { label: 'Fix spelling & grammar', action: 'fix', needsText: true },
  { label: 'Shorten', action: 'shorten', needsText: true },
  {
    label: 'Fit in one SMS segment',
    action: 'shorten',
    input: { oneSegment: true },
    needsText: true,
  },
  { label: 'Expand', action: 'expand', needsText: true },
  ...ASSISTANT_TONES.map((tone) => ({
    label: TONE_LABELS[tone],
    action: 'tone' as const,
    input: { tone },
    needsText: true,
  })),
];

/**
 * The composer's writing assistant: each choice turns the draft into a suggestion, shown first;
 * Apply puts it in the composer. Opening moves the focus to the first choice, Escape closes and
 * gives it back to the Assistant button.
 */
export function AssistantMenu(props: AssistantMenuProps) {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [suggestion, setSuggestion] = createSignal<Suggestion | null>(null);
  const [language, setLanguage] = createSignal<string>(ASSISTANT_LANGUAGES[0]);
  const panelId = `${props.id}-assistant`;
  let toggle: HTMLButtonElement | undefined;
  let panel: HTMLDivElement | undefined;

  const available = (action: AssistantAction) =>
    automation.assistant?.actions.includes(action) ?? false;
  const hasText = () => props.text.trim().length > 0;

  const close = (returnFocus = true) => {
    setOpen(false);
    setSuggestion(null);
    if (returnFocus) toggle?.focus();
  };

  /** The first choice that can be used, else the panel itself, so Escape still works. */
  const focusFirst = () =>
    queueMicrotask(() => {
      const first = panel?.querySelector<HTMLElement>(
        '.assistant-choices button:not(:disabled), select, .assistant-panel button:not(:disabled)',
      );
      (first ?? panel)?.focus();
    });

  const handleOutside = (event: MouseEvent) => {
    const target = event.target as Node;
    if (open() && !panel?.contains(target) && !toggle?.contains(target)) setOpen(false);
  };
  onMount(() => document.addEventListener('mousedown', handleOutside));
  onCleanup(() => document.removeEventListener('mousedown', handleOutside));

  const handleToggle = () => {
    if (open()) return close();
    setError(null);
    setOpen(true);
    void loadAssistant()
      .catch((failure) => setError(errorMessage(failure)))
      .finally(focusFirst);
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  const handleApply = (text: string) => {
    close(false);
    props.onResult(text);
  };

  const run = async (
    label: string,
    action: AssistantAction,
    input: Partial<AssistantInput> = {},
  ) => {
    setBusy(label);
    setError(null);
    try {
      const body: AssistantInput = { conversationId: props.conversationId, ...input };
      if (action !== 'draft' || hasText()) body.text = props.text;
      const result = await runAssistant(action, body);
      setSuggestion({ label, ...result });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const choiceList = () => (
    <>
      <ul class="assistant-choices">
        <For each={CHOICES}>
          {(choice) => (
            <Show when={available(choice.action)}>
              <li>
                <button
                  type="button"
                  class="assistant-choice"
                  disabled={busy() !== null || (choice.needsText && !hasText())}
                  onClick={() => void run(choice.label, choice.action, choice.input)}
                >
                  {busy() === choice.label ? 'Working…' : choice.label}
                </button>
              </li>
            </Show>
          )}
        </For>
      </ul>
      <Show when={available('translate')}>
        <div class="assistant-translate">
          <label class="sr-only" for={`${panelId}-language`}>
            Language
          </label>
          <select
            id={`${panelId}-language`}
            value={language()}
            onChange={(event) => setLanguage(event.currentTarget.value)}
          >
            <For each={ASSISTANT_LANGUAGES}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
          <button
            type="button"
            class="button button-small"
            disabled={busy() !== null || !hasText()}
            onClick={() =>
              void run(`Translate to ${language()}`, 'translate', { language: language() })
            }
          >
            {busy()?.startsWith('Translate') ? 'Translating…' : 'Translate'}
          </button>
        </div>
      </Show>
    </>
  );

  return (
    <div class="assistant-menu">
      <button
        ref={toggle}
        type="button"
        class="button button-small button-ghost"
        aria-expanded={open()}
        aria-controls={panelId}
        onClick={handleToggle}
      >
        Assistant
      </button>
      <Show when={open()}>
        <div
          ref={panel}
          id={panelId}
          class="assistant-panel"
          role="group"
          aria-label="Writing assistant"
          tabindex="-1"
          onKeyDown={handleKeyDown}
        >
          <Show when={automation.assistant && !automation.assistant.enabled}>
            <p class="assistant-off" data-testid="assistant-off">
              The writing assistant is off — an admin can turn it on in Settings. Spelling fixes
              still work.{' '}
              <Show when={isAdmin()}>
                <a href="/settings/assistant">Open the assistant settings</a>
              </Show>
            </p>
          </Show>
          <Show when={error()}>
            <Alert>{error()}</Alert>
          </Show>
          <Show
            when={!suggestion()}
            fallback={
              <AssistantSuggestion
                suggestion={suggestion()!}
                draft={props.text}
                onApply={() => handleApply(suggestion()!.text)}
                onBack={() => {
                  setSuggestion(null);
                  focusFirst();
                }}
              />
            }
          >
            {choiceList()}
          </Show>
          <p class="assistant-hint muted">
            Suggestions show here first; Apply puts one in your draft. Nothing is sent.
          </p>
        </div>
      </Show>
    </div>
  );
}
