import { createSignal, Show } from 'solid-js';

import { errorMessage } from '../../lib/api.js';
import { retryFailed } from '../../stores/thread.store.js';

/** Sends a failed text again; the server refuses it if the contact has opted out since. */
export function RetryButton(props: { messageId: number }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const handleRetry = async () => {
    setBusy(true);
    setError(null);
    try {
      await retryFailed(props.messageId);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        class="link-button retry-button"
        data-testid="retry-button"
        disabled={busy()}
        onClick={() => void handleRetry()}
      >
        Retry
      </button>
      <Show when={error()}>
        <span class="delivery-error" role="alert">
          {' '}
          {error()}
        </span>
      </Show>
    </>
  );
}
