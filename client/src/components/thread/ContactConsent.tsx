import { Show } from 'solid-js';

import type { ContactDto } from '@shared/dto.js';

import { createSubscriptionAction } from '../../lib/subscription.js';
import { Alert } from '../common/Alert.jsx';
import { TimeText } from '../common/TimeText.jsx';

/** Whether texts may go to the contact, with the one action that flips it. */
export function ContactConsent(props: { contact: ContactDto; headingId: string }) {
  const { busy, error, setSubscribed } = createSubscriptionAction(() => props.contact.id);
  const optedOutAt = () => props.contact.smsUnsubscribedAt;

  return (
    <section class="contact-panel-section" aria-labelledby={props.headingId}>
      <h3 id={props.headingId} class="contact-panel-label">
        Text messages
      </h3>
      <p class="contact-consent" data-testid="contact-consent">
        <span
          class="badge"
          classList={{ 'badge-open': !optedOutAt(), 'badge-danger': !!optedOutAt() }}
        >
          {optedOutAt() ? 'Opted out' : 'Subscribed'}
        </span>{' '}
        <Show when={optedOutAt()} fallback="Texts can be sent.">
          {(at) => (
            <>
              Since <TimeText at={at()} style="exact" />.
            </>
          )}
        </Show>
      </p>
      {/* One button whose words change, so the keyboard stays on it after the switch. */}
      <button
        type="button"
        class="button button-small"
        disabled={busy()}
        onClick={() => void setSubscribed(optedOutAt() !== null)}
      >
        {optedOutAt() ? 'Resubscribe' : 'Unsubscribe'}
      </button>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
    </section>
  );
}
