import { For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';

import { ContactImport } from '../components/admin/ContactImport.jsx';
import { Icon } from '../components/common/Icon.jsx';
import { ListState } from '../components/common/ListState.jsx';
import { contactName, formatPhone } from '../lib/format.js';
import { contacts, searchContacts, searchResults } from '../stores/contacts.store.js';

const SEARCH_DELAY_MS = 250;

export function ContactsPage() {
  let timer: number | undefined;
  onMount(() => void searchContacts(contacts.query));
  onCleanup(() => window.clearTimeout(timer));

  const handleSearchInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    const q = event.currentTarget.value;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void searchContacts(q.trim()), SEARCH_DELAY_MS);
  };

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Contacts
          </h1>
          <p class="page-intro">Students, prospects and families the office texts with.</p>
        </div>
        <a class="button button-primary" href="/contacts/new">
          <Icon name="plus" size={14} />
          New contact
        </a>
      </header>

      <ContactImport onImported={() => void searchContacts(contacts.query)} />

      <div class="card">
        <div class="card-toolbar" role="search">
          <div class="search-field">
            <label for="contact-search" class="sr-only">
              Search contacts
            </label>
            <Icon name="search" size={14} class="search-icon" />
            <input
              id="contact-search"
              type="search"
              placeholder="Search by name, email or phone"
              value={contacts.query}
              onInput={handleSearchInput}
            />
          </div>
        </div>

        <Switch>
          <Match when={contacts.error}>
            <ListState
              kind="error"
              message={contacts.error ?? ''}
              onRetry={() => void searchContacts(contacts.query)}
              size="row"
            />
          </Match>
          <Match when={contacts.loading && searchResults().length === 0}>
            <ListState kind="loading" message="Loading contacts…" size="row" />
          </Match>
          <Match when={searchResults().length === 0 && contacts.query}>
            <ListState kind="empty" message="No contacts match that search." size="row" />
          </Match>
          <Match when={searchResults().length === 0}>
            <ListState
              kind="empty"
              message="No contacts yet. Add one, or import a CSV file above."
              size="row"
            >
              <a href="/contacts/new">New contact</a>
            </ListState>
          </Match>
          <Match when={true}>
            <div class="table-wrap">
              <table class="table table-stack">
                <caption class="sr-only">Contacts</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Phones</th>
                    <th scope="col" class="hide-small">
                      Email
                    </th>
                    <th scope="col">Texts</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={searchResults()}>
                    {(contact) => (
                      <tr>
                        <th scope="row">
                          <a href={`/contacts/${contact.id}`}>{contactName(contact)}</a>
                        </th>
                        <td>
                          <For each={contact.phones}>
                            {(phone) => (
                              <span class="phone-line">
                                {formatPhone(phone.e164)}
                                <Show when={phone.mobile}>
                                  <span class="badge badge-subtle">Mobile</span>
                                </Show>
                              </span>
                            )}
                          </For>
                        </td>
                        <td class="hide-small">
                          {contact.email ?? <span class="empty-value">—</span>}
                        </td>
                        <td>
                          <Show
                            when={contact.smsUnsubscribedAt}
                            fallback={<span class="badge badge-open">Subscribed</span>}
                          >
                            <span class="badge badge-danger">Opted out</span>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
