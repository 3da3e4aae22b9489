import { createEffect, createSignal, For, on, Show } from 'solid-js';

import { ConsentHistory } from '../components/admin/ConsentHistory.jsx';
import { ContactForm } from '../components/admin/ContactForm.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { ListState } from '../components/common/ListState.jsx';
import { TimeText } from '../components/common/TimeText.jsx';
import { type ContactInput, errorMessage, updateContact } from '../lib/api.js';
import { contactName, formatPhone } from '../lib/format.js';
import { createSubscriptionAction } from '../lib/subscription.js';
import { contacts, loadContact, putContact } from '../stores/contacts.store.js';
import { findNumber } from '../stores/directory.store.js';
import { showNotice } from '../stores/notices.store.js';

export function ContactPage(props: { contactId: number }) {
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal(false);
  const { busy, error, setSubscribed } = createSubscriptionAction(() => props.contactId);
  const contact = () => contacts.byId[props.contactId];
  const threads = () => contacts.threads[props.contactId] ?? [];

  const fetchContact = (id: number) => {
    setLoadError(null);
    loadContact(id).catch((failure) => setLoadError(errorMessage(failure)));
  };

  createEffect(
    on(
      () => props.contactId,
      (id) => {
        setEditing(false);
        fetchContact(id);
      },
    ),
  );

  const handleSave = async (input: ContactInput) => {
    const answer = await updateContact(props.contactId, input);
    putContact(answer.contact);
    setEditing(false);
    showNotice('Contact saved.');
  };

  return (
    <div class="page page-form">
      <p class="breadcrumb">
        <a href="/contacts">Contacts</a>
      </p>
      <Show
        when={contact()}
        fallback={
          <Show
            when={loadError()}
            fallback={<ListState kind="loading" message="Loading contact…" size="row" />}
          >
            <h1 data-autofocus tabindex="-1">
              Contact not available
            </h1>
            <ListState
              kind="error"
              message={loadError() ?? ''}
              onRetry={() => fetchContact(props.contactId)}
              size="row"
            />
          </Show>
        }
      >
        {(current) => (
          <>
            <header class="page-header">
              <div>
                <h1 data-autofocus tabindex="-1">
                  {contactName(current())}
                </h1>
                <p class="page-intro">{current().email ?? 'No email on file'}</p>
              </div>
              <a class="button button-primary" href={`/new?contactId=${current().id}`}>
                Text {current().firstName || 'this contact'}
              </a>
            </header>

            <section class="card card-padded stack" aria-labelledby="consent-heading">
              <h2 id="consent-heading" class="card-title">
                Text messages
              </h2>
              <Show when={error()}>
                <Alert>{error()}</Alert>
              </Show>
              <Show
                when={current().smsUnsubscribedAt}
                fallback={
                  <div class="consent-row">
                    <p>
                      <span class="badge badge-open">Subscribed</span> Texts can be sent to this
                      contact.
                    </p>
                    <button
                      type="button"
                      class="button"
                      disabled={busy()}
                      onClick={() => void setSubscribed(false)}
                    >
                      Unsubscribe
                    </button>
                  </div>
                }
              >
                {(at) => (
                  <div class="consent-row">
                    <p>
                      <span class="badge badge-danger">Opted out</span> Since{' '}
                      <TimeText at={at()} style="exact" />. Nothing is sent to them from any office
                      number.
                    </p>
                    <button
                      type="button"
                      class="button"
                      disabled={busy()}
                      onClick={() => void setSubscribed(true)}
                    >
                      Resubscribe
                    </button>
                  </div>
                )}
              </Show>
              <ConsentHistory
                contactId={current().id}
                unsubscribedAt={current().smsUnsubscribedAt}
              />
            </section>

            <section class="card card-padded stack" aria-labelledby="details-heading">
              <div class="card-title-row">
                <h2 id="details-heading" class="card-title">
                  Details
                </h2>
                <Show when={!editing()}>
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => setEditing(true)}
                  >
                    Edit<span class="sr-only"> contact</span>
                  </button>
                </Show>
              </div>
              <Show
                when={editing()}
                fallback={
                  <dl class="details">
                    <dt>Phones</dt>
                    <dd>
                      <Show when={current().phones.length > 0} fallback="None">
                        <ul class="plain-list">
                          <For each={current().phones}>
                            {(phone) => (
                              <li>
                                {formatPhone(phone.e164)}{' '}
                                <span class="muted">{phone.mobile ? 'mobile' : 'not mobile'}</span>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </dd>
                    <dt>Email</dt>
                    <dd>{current().email ?? '—'}</dd>
                  </dl>
                }
              >
                <ContactForm
                  contact={current()}
                  submitLabel="Save contact"
                  onSubmit={handleSave}
                  onCancel={() => setEditing(false)}
                />
              </Show>
            </section>

            <section class="card" aria-labelledby="threads-heading">
              <h2 id="threads-heading" class="card-title card-padded-title">
                Conversations
              </h2>
              <Show
                when={threads().length > 0}
                fallback={
                  <ListState
                    kind="empty"
                    message="No conversations with this contact yet."
                    size="row"
                  >
                    <a href={`/new?contactId=${current().id}`}>Start one</a>
                  </ListState>
                }
              >
                <ul class="link-list">
                  <For each={threads()}>
                    {(conversation) => (
                      <li>
                        <a href={`/c/${conversation.id}`} class="link-row">
                          <span class="link-row-main">
                            <span class="link-row-title">{conversation.name}</span>
                            <span class="muted">
                              {formatPhone(conversation.phone)} ·{' '}
                              {findNumber(conversation.numberId)?.label ?? 'office number'}
                            </span>
                          </span>
                          <span class="link-row-side">
                            <Show when={conversation.status === 'closed'}>
                              <span class="badge badge-closed">Closed</span>
                            </Show>
                            <TimeText class="muted" at={conversation.lastMessageAt} style="list" />
                          </span>
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
