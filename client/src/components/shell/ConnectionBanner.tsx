import { createEffect, createSignal, Match, onCleanup, Switch } from 'solid-js';

import { connectionState, dismissOfflineSummary, offlineSummary } from '../../lib/socket.js';
import { Icon } from '../common/Icon.jsx';

const SLOW_CONNECT_MS = 2_000;

/**
 * Says when live updates are paused and, once back, what was missed. The live region stays in
 * the page (empty when all is well) so screen readers announce each change.
 */
export function ConnectionBanner() {
  const [slow, setSlow] = createSignal(false);

  createEffect(() => {
    if (connectionState() !== 'connecting') {
      setSlow(false);
      return;
    }
    const timer = window.setTimeout(() => setSlow(true), SLOW_CONNECT_MS);
    onCleanup(() => window.clearTimeout(timer));
  });

  return (
    <div
      class="connection-banner"
      data-testid="connection-banner"
      data-state={connectionState()}
      role="status"
      aria-live="polite"
    >
      <Switch>
        <Match when={connectionState() === 'reconnecting'}>
          <div class="banner banner-warning">
            <span class="spinner spinner-small" aria-hidden="true" />
            <span>
              <strong>Reconnecting&hellip;</strong> Live updates are paused. Anything you miss
              appears once you are back.
            </span>
          </div>
        </Match>
        <Match when={connectionState() === 'connecting' && slow()}>
          <div class="banner banner-neutral">
            <span class="spinner spinner-small" aria-hidden="true" />
            <span>Connecting to live updates…</span>
          </div>
        </Match>
        <Match when={connectionState() === 'online' && offlineSummary()}>
          {(summary) => (
            <div class="banner banner-success">
              <Icon name="check" />
              <span>{summary()}</span>
              <button
                type="button"
                class="button button-ghost button-small banner-dismiss"
                onClick={dismissOfflineSummary}
              >
                Dismiss
              </button>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
