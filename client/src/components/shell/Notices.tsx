import { For, Show } from 'solid-js';

import { dismissNotice, type Notice, notices } from '../../stores/notices.store.js';
import { Icon } from '../common/Icon.jsx';

function Toast(props: { notice: Notice }) {
  const failed = () => props.notice.tone === 'error';
  return (
    <div class={`toast toast-${props.notice.tone}`} data-testid="toast">
      <Show
        when={!failed()}
        fallback={
          <span class="toast-mark" aria-hidden="true">
            !
          </span>
        }
      >
        <Icon name="check" />
      </Show>
      <span class="toast-text">
        <Show when={failed()}>
          <span class="sr-only">Error: </span>
        </Show>
        {props.notice.text}
      </span>
      <button
        type="button"
        class="button button-ghost button-icon button-small"
        onClick={() => dismissNotice(props.notice.id)}
      >
        <Icon name="close" size={14} />
        <span class="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

/** Toasts sit at the bottom left, clear of the thread's title, status and composer. */
export function Notices() {
  return (
    <div class="notices" role="status" aria-live="polite">
      <For each={notices}>{(notice) => <Toast notice={notice} />}</For>
    </div>
  );
}
