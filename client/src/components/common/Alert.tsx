import type { JSX } from 'solid-js';
import { Show } from 'solid-js';

interface AlertProps {
  tone?: 'error' | 'warning' | 'success' | 'info';
  /** Announce the message at once (errors), or politely (notices). */
  assertive?: boolean;
  children: JSX.Element;
  id?: string;
}

/** An inline message box; errors are announced to screen readers as they appear. */
export function Alert(props: AlertProps) {
  const tone = () => props.tone ?? 'error';
  return (
    <div
      id={props.id}
      class={`alert alert-${tone()}`}
      role={tone() === 'error' || props.assertive ? 'alert' : 'status'}
    >
      <Show when={tone() === 'error'}>
        <span class="sr-only">Error: </span>
      </Show>
      {props.children}
    </div>
  );
}
