import { createSignal, Index, Show } from 'solid-js';

import type { ContactDto } from '@shared/dto.js';

import { type ContactInput, errorMessage } from '../../lib/api.js';
import { Alert } from '../common/Alert.jsx';

interface PhoneRow {
  number: string;
  mobile: boolean;
}

interface ContactFormProps {
  contact?: ContactDto;
  submitLabel: string;
  onSubmit: (input: ContactInput) => Promise<void>;
  onCancel?: () => void;
  /** The first field takes the focus when the page opens, as on New contact. */
  autofocus?: boolean;
}

/** First and last name, email, and any number of phones, each marked mobile or not. */
export function ContactForm(props: ContactFormProps) {
  const initial = props.contact;
  const [firstName, setFirstName] = createSignal(initial?.firstName ?? '');
  const [lastName, setLastName] = createSignal(initial?.lastName ?? '');
  const [email, setEmail] = createSignal(initial?.email ?? '');
  const [phones, setPhones] = createSignal<PhoneRow[]>(
    initial?.phones.map((phone) => ({ number: phone.e164, mobile: phone.mobile })) ?? [
      { number: '', mobile: true },
    ],
  );
  const [error, setError] = createSignal<string | null>(null);
  const [nameMissing, setNameMissing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const prefix = `contact-${initial?.id ?? 'new'}`;
  let firstNameInput: HTMLInputElement | undefined;
  const nameInvalid = () => (nameMissing() ? true : undefined);
  const nameDescribedBy = () => (nameMissing() ? `${prefix}-error` : undefined);

  const updatePhone = (index: number, change: Partial<PhoneRow>) => {
    setPhones(phones().map((row, at) => (at === index ? { ...row, ...change } : row)));
  };

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const noName = !firstName().trim() && !lastName().trim();
    setNameMissing(noName);
    if (noName) {
      setError('Give the contact a first or last name.');
      firstNameInput?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        firstName: firstName().trim(),
        lastName: lastName().trim(),
        email: email().trim() || undefined,
        phones: phones()
          .filter((row) => row.number.trim() !== '')
          .map((row) => ({ number: row.number.trim(), mobile: row.mobile })),
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={handleSubmit} novalidate>
      <Show when={error()}>
        <Alert id={`${prefix}-error`}>{error()}</Alert>
      </Show>
      <div class="field-row">
        <div class="field">
          <label class="field-label" for={`${prefix}-first`}>
            First name
          </label>
          <input
            ref={firstNameInput}
            id={`${prefix}-first`}
            data-autofocus={props.autofocus ? '' : undefined}
            autocomplete="off"
            aria-invalid={nameInvalid()}
            aria-describedby={nameDescribedBy()}
            value={firstName()}
            onInput={(event) => setFirstName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for={`${prefix}-last`}>
            Last name
          </label>
          <input
            id={`${prefix}-last`}
            autocomplete="off"
            aria-invalid={nameInvalid()}
            aria-describedby={nameDescribedBy()}
            value={lastName()}
            onInput={(event) => setLastName(event.currentTarget.value)}
          />
        </div>
      </div>
      <div class="field">
        <label class="field-label" for={`${prefix}-email`}>
          Email <span class="optional">(optional)</span>
        </label>
        <input
          id={`${prefix}-email`}
          type="email"
          autocomplete="off"
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
      </div>

      <fieldset class="fieldset">
        <legend class="field-label">Phone numbers</legend>
        <p class="field-hint">
          Any format works, e.g. (617) 555-0123 or +44 7700 900123. Only mobile numbers can be
          texted.
        </p>
        <ul class="phone-rows">
          <Index each={phones()}>
            {(row, index) => (
              <li class="phone-row">
                <label class="sr-only" for={`${prefix}-phone-${index}`}>
                  Phone {index + 1}
                </label>
                <input
                  id={`${prefix}-phone-${index}`}
                  type="tel"
                  autocomplete="off"
                  value={row().number}
                  onInput={(event) => updatePhone(index, { number: event.currentTarget.value })}
                />
                <label class="check">
                  <input
                    type="checkbox"
                    checked={row().mobile}
                    onChange={(event) =>
                      updatePhone(index, { mobile: event.currentTarget.checked })
                    }
                  />
                  <span>Mobile</span>
                </label>
                <button
                  type="button"
                  class="button button-ghost button-small"
                  onClick={() => setPhones(phones().filter((_, at) => at !== index))}
                >
                  Remove<span class="sr-only"> phone {index + 1}</span>
                </button>
              </li>
            )}
          </Index>
        </ul>
        <button
          type="button"
          class="button button-small"
          onClick={() => setPhones([...phones(), { number: '', mobile: true }])}
        >
          Add a phone
        </button>
      </fieldset>

      <div class="form-actions">
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
