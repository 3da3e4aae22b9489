import { createEffect, createSignal, on, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { errorMessage } from '../../lib/api.js';
import { contactName } from '../../lib/format.js';
import { contacts, loadContact } from '../../stores/contacts.store.js';
import { Alert } from '../common/Alert.jsx';
import { ContactConsent } from './ContactConsent.jsx';
import { ContactPhones } from './ContactPhones.jsx';
import { ContactThreads } from './ContactThreads.jsx';
import { ThreadPeople } from './ThreadPeople.jsx';

/** Who the open thread is with: phones, email, consent, this thread's people, their others. */
export function ContactSummary(props: { conversation: ConversationDto; headingId: string }) {
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const contactId = () => props.conversation.contactId;
  const contact = () => contacts.byId[contactId()];
  const others = () =>
    (contacts.threads[contactId()] ?? []).filter((item) => item.id !== props.conversation.id);
  const sub = (part: string) => `${props.headingId}-${part}`;

  createEffect(
    on(contactId, (id) => {
      setLoadError(null);
      if (contacts.byId[id]) return;
      loadContact(id).catch((failure) => setLoadError(errorMessage(failure)));
    }),
  );

  return (
    <Show
      when={contact()}
      fallback={
        <div class="contact-summary">
          <h2 id={props.headingId} class="contact-panel-name">
            {props.conversation.contactName}
          </h2>
          <Show when={loadError()} fallback={<p role="status">Loading contact…</p>}>
            <Alert>{loadError()}</Alert>
          </Show>
        </div>
      }
    >
      {(current) => (
        <div class="contact-summary" data-testid="contact-summary">
          <div>
            <h2 id={props.headingId} class="contact-panel-name">
              {contactName(current())}
            </h2>
            <Show when={current().email} fallback={<p class="muted">No email on file</p>}>
              {(email) => (
                <a class="contact-email" href={`mailto:${email()}`}>
                  {email()}
                </a>
              )}
            </Show>
          </div>
          <section class="contact-panel-section" aria-labelledby={sub('phones')}>
            <h3 id={sub('phones')} class="contact-panel-label">
              Phones
            </h3>
            <ContactPhones contact={current()} threadPhone={props.conversation.phone} />
          </section>
          <ContactConsent contact={current()} headingId={sub('consent')} />
          <section class="contact-panel-section" aria-labelledby={sub('thread')}>
            <h3 id={sub('thread')} class="contact-panel-label">
              This conversation
            </h3>
            <ThreadPeople conversation={props.conversation} />
          </section>
          <ContactThreads conversations={others()} headingId={sub('others')} />
          <a class="button button-small contact-page-link" href={`/contacts/${current().id}`}>
            Open contact page
          </a>
        </div>
      )}
    </Show>
  );
}
