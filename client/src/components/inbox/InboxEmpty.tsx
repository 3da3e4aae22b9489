import { Show } from 'solid-js';

import { focusWhenShown, tabbableRow } from '../../lib/arrival-focus.js';
import { counts, viewTotal } from '../../stores/counts.store.js';
import { directory } from '../../stores/directory.store.js';
import { inbox, setInboxFilter } from '../../stores/inbox.store.js';
import { GettingStarted } from './GettingStarted.jsx';
import { InboxEmptyHint } from './InboxEmptyHint.jsx';

/** Not one conversation yet, open or closed: the office still has setting up to do. */
const officeIsNew = () => counts.loaded && viewTotal('all', 'all') === 0;

/** An Open view emptied by the team's own work, not by a search or a tag. */
function caughtUp(): boolean {
  const { status, q, tag, view } = inbox.filter;
  const worked = counts.loaded && (viewTotal('all', 'all') ?? 0) > 0;
  return worked && status === 'open' && !q && !tag && view !== 'participating';
}

/** What an empty inbox list says: caught up, filtered out, or how to get started. */
export function InboxEmpty() {
  const handleShowClosed = () => {
    setInboxFilter({ status: 'closed' });
    focusWhenShown(tabbableRow);
  };

  return (
    <div class="list-message">
      <p class="list-empty-title">
        {caughtUp() ? 'Nothing open — all caught up' : 'No conversations here'}
      </p>
      <InboxEmptyHint />
      <Show when={caughtUp()}>
        <button type="button" class="button button-small" onClick={handleShowClosed}>
          Show closed conversations
        </button>
      </Show>
      <Show when={officeIsNew() && !inbox.filter.q && directory.loaded}>
        <GettingStarted />
      </Show>
    </div>
  );
}
