import { Show } from 'solid-js';

import type { PendingSend } from '../../stores/messages.store.js';
import { editSend, retrySend } from '../../stores/sends.store.js';
import { Attachments } from './Attachments.jsx';

/** The user's reply before the server has it: "Sending…", or "Not sent" with Retry and Edit. */
export function PendingMessage(props: { copy: PendingSend }) {
  const copy = () => props.copy;
  const failed = () => copy().state === 'failed';
  let retryButton: HTMLButtonElement | undefined;

  /** The copy turns into the stored text or fails again: focus goes on where the user is. */
  const handleRetry = async () => {
    const sent = await retrySend(copy().conversationId, copy().clientId);
    if (sent) document.getElementById(`composer-${copy().conversationId}`)?.focus();
    else retryButton?.focus();
  };

  return (
    <li
      class="message message-outbound message-pending"
      classList={{ 'message-unsent': failed() }}
      data-testid="pending-message"
      data-state={copy().state}
    >
      <span class="sr-only">You: </span>
      <div class="bubble">
        <Show when={copy().text}>
          <p class="bubble-text">{copy().text}</p>
        </Show>
        <Attachments attachments={copy().files.map((file) => file.attachment)} />
      </div>
      <Show
        when={failed()}
        fallback={
          <p class="message-meta">
            <span>You</span>
            <span aria-hidden="true"> · </span>
            <span class="delivery delivery-sending">
              <span class="spinner spinner-tiny" aria-hidden="true" />
              <span class="delivery-label">Sending…</span>
            </span>
          </p>
        }
      >
        <div class="pending-failure">
          <p data-testid="not-sent">
            <span class="delivery-icon" aria-hidden="true">
              !{' '}
            </span>
            <strong>Not sent</strong> — {copy().error}
          </p>
          <p class="pending-actions">
            <button
              ref={retryButton}
              type="button"
              class="retry-button"
              data-testid="pending-retry"
              onClick={() => void handleRetry()}
            >
              Retry
            </button>
            <button
              type="button"
              class="retry-button"
              data-testid="pending-edit"
              aria-label="Edit this reply in the composer"
              onClick={() => editSend(copy().conversationId, copy().clientId)}
            >
              Edit
            </button>
          </p>
        </div>
      </Show>
    </li>
  );
}
