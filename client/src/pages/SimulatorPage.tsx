import { createEffect, createMemo, createSignal, For, on, onMount, Show } from 'solid-js';

import { PhoneConversation } from '../components/admin/PhoneConversation.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { errorMessage, listConversations, simulateInbound } from '../lib/api.js';
import { refocusIfLost } from '../lib/focus.js';
import { contactName, formatPhone } from '../lib/format.js';
import { contacts, searchContacts, searchResults } from '../stores/contacts.store.js';
import { directory, findNumber } from '../stores/directory.store.js';
import { inbox, putConversation } from '../stores/inbox.store.js';

interface PhoneOption {
  key: string;
  e164: string;
  label: string;
}

/** Text in as a student, without a carrier, and watch the thread from their side. */
export function SimulatorPage() {
  const [from, setFrom] = createSignal('');
  const [numberId, setNumberId] = createSignal('');
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  onMount(() => void searchContacts(''));

  const phones = createMemo<PhoneOption[]>(() =>
    searchResults().flatMap((contact) =>
      contact.phones.map((phone) => ({
        key: `${contact.id}:${phone.e164}`,
        e164: phone.e164,
        label: `${contactName(contact)} · ${formatPhone(phone.e164)}`,
      })),
    ),
  );

  createEffect(() => {
    const first = phones()[0];
    if (first && !from()) setFrom(first.e164);
    const number = directory.numbers[0];
    if (number && !numberId()) setNumberId(String(number.id));
  });

  createEffect(
    on(from, (phone) => {
      if (!phone) return;
      void listConversations({ q: phone })
        .then((answer) => answer.conversations.forEach((c) => putConversation(c)))
        .catch(() => undefined);
    }),
  );

  const conversation = createMemo(
    () =>
      Object.values(inbox.byId)
        .filter((c) => c.phone === from() && String(c.numberId) === numberId())
        .sort((a, b) => Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt))[0],
  );

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const office = findNumber(Number(numberId()));
    if (!from() || !office || !text().trim()) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await simulateInbound({ from: from(), to: office.e164, text: text() });
      setResult(
        answer.stored
          ? 'Delivered to the inbox.'
          : 'Not stored: no contact has this number, so the spam guard dropped it.',
      );
      setText('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      refocusIfLost(() => document.getElementById('sim-text'));
    }
  };

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            SMS simulator
          </h1>
          <p class="page-intro">
            No carrier is configured, so texts stay on this server. Send one as a student and watch
            it arrive in the inbox.
          </p>
        </div>
      </header>

      <div class="simulator">
        <form class="card card-padded stack" onSubmit={handleSubmit} aria-labelledby="sim-form">
          <h2 id="sim-form" class="card-title">
            Text as a student
          </h2>
          <Show when={error()}>
            <Alert>{error()}</Alert>
          </Show>
          <div class="field">
            <label class="field-label" for="sim-from">
              Student's phone
            </label>
            <select id="sim-from" value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
              <For each={phones()}>
                {(phone) => <option value={phone.e164}>{phone.label}</option>}
              </For>
            </select>
            <Show when={!contacts.loading && phones().length === 0}>
              <p class="field-hint">
                No contacts yet. <a href="/contacts/new">Add a contact</a> with a phone first.
              </p>
            </Show>
          </div>
          <div class="field">
            <label class="field-label" for="sim-to">
              Office number
            </label>
            <select
              id="sim-to"
              value={numberId()}
              onChange={(e) => setNumberId(e.currentTarget.value)}
            >
              <For each={directory.numbers}>
                {(number) => (
                  <option value={String(number.id)}>
                    {number.label ? `${number.label} · ` : ''}
                    {formatPhone(number.e164)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <label class="field-label" for="sim-text">
              Text
            </label>
            <textarea
              id="sim-text"
              rows="3"
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <div class="form-actions">
            <Show when={result()}>
              <p class="muted form-result" role="status">
                {result()}
              </p>
            </Show>
            <button
              type="submit"
              class="button button-primary"
              disabled={busy() || !from() || !numberId() || !text().trim()}
            >
              {busy() ? 'Sending…' : 'Send as student'}
            </button>
          </div>
        </form>

        <section class="card phone" aria-labelledby="sim-phone">
          <header class="phone-header">
            <h2 id="sim-phone" class="card-title">
              Student's phone
            </h2>
            <p class="muted">
              {from() ? formatPhone(from()) : 'No phone chosen'}
              <Show when={findNumber(Number(numberId()))}>
                {(number) => <> ↔ {formatPhone(number().e164)}</>}
              </Show>
            </p>
          </header>
          <Show
            when={conversation()}
            fallback={<p class="phone-empty muted">No conversation between these numbers yet.</p>}
          >
            {(current) => (
              <>
                <p class="phone-thread-link">
                  <a href={`/c/${current().id}`}>Open “{current().name}” in the inbox</a>
                </p>
                <PhoneConversation conversation={current()} />
              </>
            )}
          </Show>
        </section>
      </div>
    </div>
  );
}
