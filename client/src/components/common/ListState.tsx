import type { JSX } from 'solid-js';
import { Match, Show, Switch } from 'solid-js';

import { Alert } from './Alert.jsx';

interface ListStateProps {
  kind: 'loading' | 'error' | 'empty';
  /** What is loading, what went wrong, or why the list is empty, in a sentence. */
  message: string;
  /** On an error: the Retry button. */
  onRetry?: () => void;
  /** On an empty list: the next thing to do (a link or a button). */
  children?: JSX.Element;
  /** `row` for a compact line inside a table or a small panel. */
  size?: 'block' | 'row';
}

/** What a list shows instead of rows: loading, a failure with Retry, or nothing yet. */
export function ListState(props: ListStateProps) {
  return (
    <div
      class="list-state"
      classList={{ 'list-state-row': props.size === 'row' }}
      data-testid={`list-${props.kind}`}
    >
      <Switch>
        <Match when={props.kind === 'loading'}>
          <p class="list-state-loading" role="status">
            <span class="spinner spinner-small" aria-hidden="true" />
            <span>{props.message}</span>
          </p>
        </Match>
        <Match when={props.kind === 'error'}>
          <Alert>{props.message}</Alert>
          <Show when={props.onRetry}>
            {(retry) => (
              <button type="button" class="button button-small" onClick={() => retry()()}>
                Retry
              </button>
            )}
          </Show>
        </Match>
        <Match when={true}>
          <p class="list-state-empty">{props.message}</p>
          {props.children}
        </Match>
      </Switch>
    </div>
  );
}
