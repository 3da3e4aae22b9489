import { createEffect, createSignal, For, onMount, Show } from 'solid-js';

import type { Assignee, ContactDto } from '@shared/dto.js';
import { countSms, MAX_MESSAGE_LENGTH, replaceLookAlikes } from '@shared/sms.js';

import { Alert } from '../components/common/Alert.jsx';
import { ContactCombobox } from '../components/common/ContactCombobox.jsx';
import { FieldError } from '../components/common/FieldError.jsx';
import { ParticipantPicker } from '../components/common/ParticipantPicker.jsx';
import { RequiredMark } from '../components/common/RequiredMark.jsx';
import { SmsMeter } from '../components/common/SmsMeter.jsx';
import { ExistingThreadNotice } from '../components/inbox/ExistingThreadNotice.jsx';
import { ApiError, createConversation, errorField, errorMessage, getContact } from '../lib/api.js';
import { formatPhone } from '../lib/format.js';
import { currentQuery, navigate } from '../lib/router.js';
import { SEND_MODIFIER } from '../lib/shortcut-list.js';
import { activeUsers, directory } from '../stores/directory.store.js';
import { onMessageAdded, putConversation } from '../stores/inbox.store.js';
import { showNotice } from '../stores/notices.store.js';
import { currentUser } from '../stores/session.store.js';

const EXISTING_NOTICE =
  'This student already had a conversation on that number — your text was added to it.';

type Field = 'name' | 'number' | 'recipient' | 'text';
type FieldErrors = Partial<Record<Field, string>>;

/** Where each field's input is, to move the focus to the first one that needs fixing. */
const INPUT_IDS: Record<Field, string> = {
  name: 'new-name',
  number: 'new-number',
  recipient: 'new-recipient',
  text: 'new-text',
};

/** The API's field for an input error, as this form names it. */
const API_FIELDS: Record<string, Field> = {
  name: 'name',
  numberId: 'number',
  contactId: 'recipient',
  phone: 'recipient',
  text: 'text',
};

function parseAssignee(key: string): Assignee | null {
  const [type, id] = key.split(':');
  return (type === 'user' || type === 'team') && id ? { type, id: Number(id) } : null;
}

/** Starts a thread: name, office number, recipient, people, and the first text in one step. */
export function NewConversationPage() {
  const [name, setName] = createSignal('');
  const [numberId, setNumberId] = createSignal('');
  const [contact, setContact] = createSignal<ContactDto | null>(null);
  const me = currentUser();
  // A thread one starts is one's own work: preselected, so it does not wait in Unassigned.
  const [assignee, setAssignee] = createSignal(me ? `user:${me.id}` : '');
  const [participants, setParticipants] = createSignal<number[]>([]);
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [fieldErrors, setFieldErrors] = createSignal<FieldErrors>({});
  const [busy, setBusy] = createSignal(false);
  const describedBy = (field: Field, hint?: string) =>
    [fieldErrors()[field] ? `${INPUT_IDS[field]}-error` : '', hint ?? '']
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (field: Field) => (fieldErrors()[field] ? true : undefined);
  /** Editing a field takes its error away; the others stay until the next try. */
  const edited = (field: Field) => {
    if (fieldErrors()[field]) setFieldErrors(({ [field]: _, ...rest }) => rest);
  };

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

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!name().trim()) found.name = 'Name the conversation, e.g. “Deposit question”.';
    if (!numberId()) found.number = 'Choose the office number the text goes out from.';
    if (!contact()) found.recipient = 'Choose who gets the text.';
    if (!text().trim()) found.text = 'Write the first text.';
    return found;
  };

  const showFieldErrors = (found: FieldErrors) => {
    setFieldErrors(found);
    const first = (Object.keys(INPUT_IDS) as Field[]).find((field) => found[field]);
    if (first) queueMicrotask(() => document.getElementById(INPUT_IDS[first])?.focus());
  };

  /** An input error the API names goes beside its field; anything else above the form. */
  const showFailure = (failure: unknown) => {
    const field =
      failure instanceof ApiError && failure.code === 'no_mobile_number'
        ? 'recipient'
        : API_FIELDS[errorField(failure) ?? ''];
    if (field) showFieldErrors({ [field]: errorMessage(failure) });
    else setError(errorMessage(failure));
  };

  /** Ctrl+Enter (Cmd+Enter on a Mac) sends from the first text, as in the reply box. */
  const handleTextKeyDown = (event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (!busy()) event.currentTarget.form?.requestSubmit();
  };

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    const found = check();
    showFieldErrors(found);
    const recipient = contact();
    if (Object.keys(found).length > 0 || !recipient || tooLong()) return;

    setBusy(true);
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
      showFailure(failure);
      setBusy(false);
    }
  };

  return (
    <div class="page page-form">
      <header class="page-header">
        <div>
          <h1>New conversation</h1>
          <p class="page-intro">
            The first text goes out as soon as you start the thread. Fields marked{' '}
            <span class="required-mark">*</span> are required.
          </p>
        </div>
      </header>

      <form class="card stack" onSubmit={handleSubmit} novalidate>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>

        <div class="field">
          <label class="field-label" for="new-name">
            Conversation name <RequiredMark />
          </label>
          <input
            id="new-name"
            data-autofocus
            required
            aria-required="true"
            maxLength={120}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name', 'new-name-hint')}
            value={name()}
            onInput={(event) => {
              setName(event.currentTarget.value);
              edited('name');
            }}
          />
          <FieldError id="new-name-error" message={fieldErrors().name} />
          <p class="field-hint" id="new-name-hint">
            Shown as the conversation&rsquo;s title in the inbox, e.g. &ldquo;Deposit
            question&rdquo;. The student does not see it.
          </p>
        </div>

        <div class="field-row">
          <div class="field">
            <label class="field-label" for="new-number">
              Office number <RequiredMark />
            </label>
            <select
              id="new-number"
              required
              aria-invalid={invalid('number')}
              aria-describedby={describedBy('number')}
              value={numberId()}
              onChange={(event) => {
                setNumberId(event.currentTarget.value);
                edited('number');
              }}
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
            <FieldError id="new-number-error" message={fieldErrors().number} />
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
              <Show when={me}>{(self) => <option value={`user:${self().id}`}>Me</option>}</Show>
              <option value="">Unassigned</option>
              <Show when={directory.teams.length > 0}>
                <optgroup label="Teams">
                  <For each={directory.teams}>
                    {(team) => <option value={`team:${team.id}`}>{team.name}</option>}
                  </For>
                </optgroup>
              </Show>
              <optgroup label="People">
                <For each={activeUsers().filter((user) => user.id !== me?.id)}>
                  {(user) => <option value={`user:${user.id}`}>{user.name}</option>}
                </For>
              </optgroup>
            </select>
          </div>
        </div>

        <div class="field">
          <label class="field-label" for="new-recipient">
            Recipient <RequiredMark />
          </label>
          <ContactCombobox
            id="new-recipient"
            label="Recipient"
            selected={contact()}
            onSelect={(chosen) => {
              setContact(chosen);
              edited('recipient');
            }}
            required
            invalid={Boolean(fieldErrors().recipient)}
            describedBy={describedBy('recipient', 'new-recipient-hint')}
          />
          <FieldError id="new-recipient-error" message={fieldErrors().recipient} />
          <p class="field-hint" id="new-recipient-hint">
            Only contacts with a mobile number are listed. <a href="/contacts/new">Add a contact</a>
          </p>
        </div>

        <ExistingThreadNotice
          contact={contact()}
          numberId={numberId() ? Number(numberId()) : null}
        />

        <ParticipantPicker selected={participants()} onChange={setParticipants} />

        <div class="field">
          <label class="field-label" for="new-text">
            First text <RequiredMark />
          </label>
          <textarea
            id="new-text"
            class="composer-input"
            rows="4"
            required
            aria-required="true"
            aria-invalid={invalid('text')}
            aria-describedby={describedBy('text', 'new-text-counter new-text-hint')}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            value={text()}
            onKeyDown={handleTextKeyDown}
            onInput={(event) => {
              setText(event.currentTarget.value);
              edited('text');
            }}
          />
          <SmsMeter
            id="new-text"
            text={text()}
            firstMessage
            senderNames={[currentUser()?.name ?? '']}
            onReplaceLookAlikes={() => setText(replaceLookAlikes(text()))}
          />
          <FieldError id="new-text-error" message={fieldErrors().text} />
          <p class="field-hint" id="new-text-hint">
            {SEND_MODIFIER} + Enter sends.
          </p>
        </div>

        <div class="form-actions">
          <a class="button" href="/">
            Cancel
          </a>
          <button
            type="submit"
            class="button button-primary"
            data-testid="send-button"
            disabled={busy() || tooLong()}
          >
            {busy() ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </div>
  );
}
