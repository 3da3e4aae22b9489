import type { JSX } from 'solid-js';
import { Match, Switch } from 'solid-js';

import { ListState } from './ListState.jsx';

interface ListGateProps {
  loaded: boolean;
  /** Why loading failed; shown only while there is nothing older to show instead. */
  error: string | null;
  onRetry: () => void;
  count: number;
  /** What the list holds, as in "Loading tags…" and "Could not load tags: …". */
  noun: string;
  empty: string;
  /** The next step offered with the empty sentence. */
  emptyAction?: JSX.Element;
  size?: 'block' | 'row';
  /** The list itself, once it has rows. */
  children: JSX.Element;
}

/** A list's four faces: loading, failed with Retry, empty with the next step, or its rows. */
export function ListGate(props: ListGateProps) {
  return (
    <Switch fallback={props.children}>
      <Match when={props.error && props.count === 0}>
        <ListState
          kind="error"
          message={`Could not load ${props.noun}: ${props.error ?? ''}`}
          onRetry={props.onRetry}
          size={props.size}
        />
      </Match>
      <Match when={!props.loaded}>
        <ListState kind="loading" message={`Loading ${props.noun}…`} size={props.size} />
      </Match>
      <Match when={props.count === 0}>
        <ListState kind="empty" message={props.empty} size={props.size}>
          {props.emptyAction}
        </ListState>
      </Match>
    </Switch>
  );
}
