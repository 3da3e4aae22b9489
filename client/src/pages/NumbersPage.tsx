import { createSignal, For, Show } from 'solid-js';

import { NumberRow } from '../components/admin/NumberRow.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { FieldError } from '../components/common/FieldError.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { RequiredMark } from '../components/common/RequiredMark.jsx';
import { createNumber, errorField, errorMessage } from '../lib/api.js';
import { refocusIfLost } from '../lib/focus.js';
import { formatPhone } from '../lib/format.js';
import { directory, loadDirectory, upsertNumber } from '../stores/directory.store.js';
import { showNotice } from '../stores/notices.store.js';

export function NumbersPage() {
  const [number, setNumber] = createSignal('');
  const [label, setLabel] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [numberError, setNumberError] = createSignal<string | null>(null);
  const [labelError, setLabelError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let submitButton: HTMLButtonElement | undefined;

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setNumberError(number().trim() ? null : 'Enter the phone number students text.');
    setLabelError(label().trim() ? null : 'Give the number a label, e.g. “Admissions”.');
    if (numberError() || labelError()) {
      document.getElementById(numberError() ? 'number-value' : 'number-label')?.focus();
      return;
    }

    setBusy(true);
    try {
      const answer = await createNumber({ number: number().trim(), label: label().trim() });
      upsertNumber(answer.number);
      showNotice(`${formatPhone(answer.number.e164)} added.`);
      setNumber('');
      setLabel('');
      document.getElementById('number-value')?.focus();
    } catch (failure) {
      const field = errorField(failure);
      if (field === 'number') setNumberError(errorMessage(failure));
      else if (field === 'label') setLabelError(errorMessage(failure));
      else setError(errorMessage(failure));
      if (field === 'number' || field === 'label') {
        document.getElementById(field === 'number' ? 'number-value' : 'number-label')?.focus();
      }
    } finally {
      setBusy(false);
      refocusIfLost(() => submitButton);
    }
  };

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Office numbers
          </h1>
          <p class="page-intro">The numbers students text. Each has its own threads.</p>
        </div>
      </header>
      <div class="card">
        <ListGate
          loaded={directory.loaded}
          error={directory.error}
          onRetry={() => void loadDirectory()}
          count={directory.numbers.length}
          noun="office numbers"
          empty="No numbers yet. Add the first one below."
        >
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">Office numbers</caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Label</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={directory.numbers}>{(item) => <NumberRow number={item} />}</For>
              </tbody>
            </table>
          </div>
        </ListGate>
      </div>

      <form
        class="card card-padded stack"
        onSubmit={handleSubmit}
        novalidate
        aria-labelledby="new-number"
      >
        <h2 id="new-number" class="card-title">
          Add a number
        </h2>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>
        <div class="field-row">
          <div class="field">
            <label class="field-label" for="number-value">
              Phone number <RequiredMark />
            </label>
            <input
              id="number-value"
              type="tel"
              required
              aria-required="true"
              placeholder="+1 617 555 0100"
              aria-invalid={numberError() ? true : undefined}
              aria-describedby={numberError() ? 'number-value-error' : undefined}
              value={number()}
              onInput={(event) => setNumber(event.currentTarget.value)}
            />
            <FieldError id="number-value-error" message={numberError()} />
          </div>
          <div class="field">
            <label class="field-label" for="number-label">
              Label <RequiredMark />
            </label>
            <input
              id="number-label"
              required
              aria-required="true"
              maxLength={80}
              placeholder="e.g. Admissions main line"
              aria-invalid={labelError() ? true : undefined}
              aria-describedby={labelError() ? 'number-label-error' : undefined}
              value={label()}
              onInput={(event) => setLabel(event.currentTarget.value)}
            />
            <FieldError id="number-label-error" message={labelError()} />
          </div>
        </div>
        <div class="form-actions">
          <button ref={submitButton} type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Adding…' : 'Add number'}
          </button>
        </div>
      </form>
    </div>
  );
}
