import { Show } from 'solid-js';

import { findConversation } from '../../stores/inbox.store.js';
import { ContactSummary } from './ContactSummary.jsx';

const HEADING_ID = 'contact-panel-heading';

/** The open thread's contact beside it, on a monitor wide enough for three columns. */
export function ContactPanel(props: { conversationId: number }) {
  const conversation = () => findConversation(props.conversationId);
  return (
    <aside class="inbox-contact" aria-labelledby={HEADING_ID} data-testid="contact-panel">
      <Show
        when={conversation()}
        fallback={
          <h2 id={HEADING_ID} class="sr-only">
            Contact
          </h2>
        }
      >
        {(current) => <ContactSummary conversation={current()} headingId={HEADING_ID} />}
      </Show>
    </aside>
  );
}
