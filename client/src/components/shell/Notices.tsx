import { For } from 'solid-js';

import { dismissNotice, notices } from '../../stores/notices.store.js';
import { Icon } from '../common/Icon.jsx';

export function Notices() {
  return (
    <div class="notices" role="status" aria-live="polite">
      <For each={notices}>
        {(notice) => (
          <div class={`toast toast-${notice.tone}`}>
            <Icon name="check" />
            <span>{notice.text}</span>
            <button
              type="button"
              class="button button-ghost button-icon button-small"
              onClick={() => dismissNotice(notice.id)}
            >
              <Icon name="close" size={14} />
              <span class="sr-only">Dismiss</span>
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
