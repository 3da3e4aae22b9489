import { For, onMount, Show } from 'solid-js';

import { plural } from '../../lib/format.js';

export interface Suggestion {
  /** The choice that produced it, e.g. "Fix spelling & grammar". */
  label: string;
  text: string;
  segments: number;
  corrections?: Array<{ from: string; to: string }>;
}

interface AssistantSuggestionProps {
  suggestion: Suggestion;
  /** The draft the suggestion would replace. */
  draft: string;
  onApply: () => void;
  onBack: () => void;
}

/** The assistant's answer, shown before it touches the draft: Apply puts it in the composer. */
export function AssistantSuggestion(props: AssistantSuggestionProps) {
  let apply: HTMLButtonElement | undefined;
  let back: HTMLButtonElement | undefined;
  const unchanged = () => props.suggestion.text.trim() === props.draft.trim();
  onMount(() => (apply ?? back)?.focus());

  return (
    <div class="assistant-suggestion" data-testid="assistant-suggestion">
      <p class="template-preview-label">{props.suggestion.label}</p>
      <Show
        when={!unchanged()}
        fallback={<p class="assistant-unchanged">No changes: the draft already reads well.</p>}
      >
        <p class="assistant-suggestion-text">{props.suggestion.text}</p>
        <Show when={props.suggestion.corrections?.length}>
          <ul class="assistant-corrections" aria-label="Corrections">
            <For each={props.suggestion.corrections}>
              {(fix) => (
                <li>
                  <del>{fix.from}</del> → <ins>{fix.to}</ins>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p class="template-preview-meta">{plural(props.suggestion.segments, 'segment')}</p>
      </Show>
      <div class="assistant-suggestion-actions">
        <button ref={back} type="button" class="button button-small" onClick={() => props.onBack()}>
          {unchanged() ? 'Back' : 'Cancel'}
        </button>
        <Show when={!unchanged()}>
          <button
            ref={apply}
            type="button"
            class="button button-small button-primary"
            data-testid="assistant-apply"
            onClick={() => props.onApply()}
          >
            Apply
          </button>
        </Show>
      </div>
    </div>
  );
}
