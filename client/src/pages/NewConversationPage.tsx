import { createEffect, createSignal, For, onMount, Show } from 'solid-js';

import type { Assignee, ContactDto } from '@shared/dto.js';
import { countSms, MAX_MESSAGE_LENGTH, replaceLookAlikes } from '@shared/sms.js';

import { Alert } from '../components/common/Alert.jsx';
import { ContactCombobox } from '../components/common/ContactCombobox.jsx';
import { ParticipantPicker } from '../components/common/ParticipantPicker.jsx';
import { SmsMeter } from '../components/common/SmsMeter.jsx';
import { createConversation, errorMessage, getContact } from '../lib/api.js';
import { formatPhone } from '../lib/format.js';
import { currentQuery, navigate } from '../lib/router.js';
import { activeUsers, directory } from '../stores/directory.store.js';
import { onMessageAdded, putConversation } from '../stores/inbox.store.js';
import { showNotice } from '../stores/notices.store.js';
import { currentUser } from '../stores/session.store.js';

const EXISTING_NOTICE =
  'This student already had a conversation on that number — your text was added to it.';

function parseAssignee(key: string): Assignee | null {
  const [type, id] = key.split(':');
  return (type === 'user' || type === 'team') && id ? { type, id: Number(id) } : null;
}

/** Starts a thread: name, office number, recipient, people, and the first text in one step. */
export function NewConversationPage() {
  const [name, setName] = createSignal('');
  const [numberId, setNumberId] = createSignal('');
  const [contact, setContact] = createSignal<ContactDto | null>(null);
  const [assignee, setAssignee] = createSignal('');
  const [participants, setParticipants] = createSignal<number[]>([]);
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  onMount(() => {
    const contactId = Number(currentQuery().get('contactId'));
    if (contactId) {
      void getContact(contactId)
        .then((answer) => setContact(answer.contact))
        .catch(() => undefined);
    }
  });

  createEffect(() => {
    const only = directory.numbers.length === 1 ? directory.numbers[0] : undefined;
    if (only && !numberId()) setNumberId(String(only.id));
  });

  const tooLong = () => countSms(text()).characters > MAX_MESSAGE_LENGTH;
  const ready = () =>
    name().trim() !== '' && numberId() !== '' && contact() !== null && text().trim() !== '';

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const recipient = contact();
    if (!ready() || !recipient) {
      setError('Fill in a name, an office number, a recipient and the first text.');
      return;
    }
    if (tooLong()) return;

    setBusy(true);
    setError(null);
    try {
      const answer = await createConversation({
        name: name().trim(),
        numberId: Number(numberId()),
        contactId: recipient.id,
        participantIds: participants(),
        assignee: parseAssignee(assignee()),
        text: text(),
      });
      putConversation(answer.conversation);
      onMessageAdded(answer.message, true);
      if (answer.existing) showNotice(EXISTING_NOTICE, 'info');
      navigate(`/c/${answer.conversation.id}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div class="page page-form">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            New conversation
          </h1>
          <p class="page-intro">The first text goes out as soon as you start the thread.</p>
        </div>
      </header>

      <form class="card stack" onSubmit={handleSubmit} novalidate>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>

        <div class="field">
          <label class="field-label" for="new-name">
            Conversation name
          </label>
          <input
            id="new-name"
            required
            maxLength={120}
            aria-describedby="new-name-hint"
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <p class="field-hint" id="new-name-hint">
            The thread's title, e.g. "Deposit question". It is also the first text's subject.
          </p>
        </div>

        <div class="field-row">
          <div class="field">
            <label class="field-label" for="new-number">
              Office number
            </label>
            <select
              id="new-number"
              required
              value={numberId()}
              onChange={(event) => setNumberId(event.currentTarget.value)}
            >
              <Show when={directory.numbers.length !== 1}>
                <option value="">Choose a number</option>
              </Show>
              <For each={directory.numbers}>
                {(number) => (
                  <option value={String(number.id)}>
                    {number.label ? `${number.label} · ` : ''}
                    {formatPhone(number.e164)}
                  </option>
                )}
              </For>
            </select>
            <Show when={directory.loaded && directory.numbers.length === 0}>
              <p class="field-hint">No office numbers yet: an admin adds them under Numbers.</p>
            </Show>
          </div>

          <div class="field">
            <label class="field-label" for="new-assignee">
              Assignee <span class="optional">(optional)</span>
            </label>
            <select
              id="new-assignee"
              value={assignee()}
              onChange={(event) => setAssignee(event.currentTarget.value)}
            >
              <option value="">Unassigned</option>
              <Show when={directory.teams.length > 0}>
                <optgroup label="Teams">
                  <For each={directory.teams}>
                    {(team) => <option value={`team:${team.id}`}>{team.name}</option>}
                  </For>
                </optgroup>
              </Show>
              <optgroup label="People">
                <For each={activeUsers()}>
                  {(user) => <option value={`user:${user.id}`}>{user.name}</option>}
                </For>
              </optgroup>
            </select>
          </div>
        </div>

        <div class="field">
          <label class="field-label" for="new-recipient">
            Recipient
          </label>
          <ContactCombobox
            id="new-recipient"
            label="Recipient"
            selected={contact()}
            onSelect={setContact}
            describedBy="new-recipient-hint"
          />
          <p class="field-hint" id="new-recipient-hint">
            Only contacts with a mobile number are listed. <a href="/contacts/new">Add a contact</a>
          </p>
        </div>

        <ParticipantPicker selected={participants()} onChange={setParticipants} />

        <div class="field">
          <label class="field-label" for="new-text">
            First text
          </label>
          <textarea
            id="new-text"
            class="composer-input"
            rows="4"
            required
            aria-describedby="new-text-counter"
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <SmsMeter
            id="new-text"
            text={text()}
            firstMessage
            senderNames={[currentUser()?.name ?? '']}
            onReplaceLookAlikes={() => setText(replaceLookAlikes(text()))}
          />
        </div>

        <div class="form-actions">
          <a class="button" href="/">
            Cancel
          </a>
          <button
            type="submit"
            class="button button-primary"
            data-testid="send-button"
            disabled={busy() || tooLong() || text().trim() === ''}
          >
            {busy() ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </div>
  );
}
