import { createSignal, For, Show } from 'solid-js';

import type { ContactImportReportDto } from '@shared/dto.js';

import { errorMessage, importContacts } from '../../lib/api.js';
import { plural } from '../../lib/format.js';
import { Alert } from '../common/Alert.jsx';

interface ContactImportProps {
  /** Called after an import changed something, so the list can refresh. */
  onImported: () => void;
}

function summary(report: ContactImportReportDto): string {
  const parts = [
    `${plural(report.created, 'contact')} created`,
    `${report.updated} updated`,
    report.unchanged > 0 ? `${report.unchanged} already up to date` : '',
    report.rejected.length > 0 ? `${plural(report.rejected.length, 'row')} rejected` : '',
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

/** A CSV file of first name, last name, email and phone, with a report of rejected rows. */
export function ContactImport(props: ContactImportProps) {
  let input: HTMLInputElement | undefined;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [report, setReport] = createSignal<ContactImportReportDto | null>(null);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = input?.files?.[0];
    if (!file) {
      setError('Choose a CSV file first.');
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const answer = await importContacts(file);
      setReport(answer);
      if (answer.created + answer.updated > 0) props.onImported();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card card-padded" data-testid="contact-import">
      <summary class="card-title">Import contacts from a CSV file</summary>
      <form class="stack" onSubmit={handleSubmit}>
        <p class="field-hint">
          The first row names the columns: first name, last name, email and phone (several phones
          separated by “;”). A row with the email, or the phone and name, of an existing contact
          updates that contact.
        </p>
        <div class="field">
          <label class="field-label" for="contact-import-file">
            CSV file
          </label>
          <input id="contact-import-file" ref={input} type="file" accept=".csv,text/csv" />
        </div>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>
        <Show when={report()}>
          {(done) => (
            <div class="stack" data-testid="contact-import-report">
              <Alert tone={done().rejected.length > 0 ? 'warning' : 'success'}>
                {summary(done())}
              </Alert>
              <Show when={done().rejected.length > 0}>
                <ul class="check-list">
                  <For each={done().rejected}>
                    {(row) => (
                      <li>
                        Row {row.row}: {row.reason}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </Show>
        <div class="form-actions form-actions-start">
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </details>
  );
}
