import { Show } from 'solid-js';

import type { DeliveryStatus, MessageDto } from '@shared/dto.js';

import { RetryButton } from './RetryButton.jsx';

const STATES: Record<DeliveryStatus, { icon: string; label: string; failed?: boolean }> = {
  received: { icon: '', label: 'Received' },
  queued: { icon: '◷', label: 'Queued' },
  submitted: { icon: '✓', label: 'Sent' },
  delivered: { icon: '✓✓', label: 'Delivered' },
  failed: { icon: '!', label: 'Failed', failed: true },
  rejected: { icon: '!', label: 'Rejected', failed: true },
  undeliverable: { icon: '!', label: 'Undeliverable', failed: true },
};

/** An outbound text's delivery state in words, with the carrier's reason when it failed. */
export function DeliveryState(props: { message: MessageDto }) {
  const state = () => STATES[props.message.status];

  return (
    <span
      class="delivery"
      classList={{
        'delivery-failed': state().failed === true,
        'delivery-delivered': props.message.status === 'delivered',
      }}
    >
      <span class="delivery-icon" aria-hidden="true">
        {state().icon}
      </span>
      <span class="delivery-label">
        {state().label}
        <Show when={state().failed && props.message.error}>
          <span class="delivery-error">: {props.message.error}</span>
        </Show>
      </span>
      <Show when={state().failed}>
        <RetryButton messageId={props.message.id} />
      </Show>
    </span>
  );
}
