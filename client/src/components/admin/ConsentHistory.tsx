import { createResource, For, Show } from 'solid-js';

import type { ConsentEntryDto } from '@shared/dto.js';

import { getContact } from '../../lib/api.js';
import { fullDateTime } from '../../lib/format.js';

interface ConsentHistoryProps {
  contactId: number;
  /** The current opt-out time: when it changes, the history is read again. */
  unsubscribedAt: string | null;
}

function describe(entry: ConsentEntryDto): string {
  const what = entry.kind === 'opt_out' ? 'Opted out' : 'Opted back in';
  const where = entry.numberLabel ? ` on ${entry.numberLabel}` : '';
  switch (entry.source) {
    case 'keyword':
      return `${what} by text${entry.keyword === 'start' ? ' (START)' : ' (STOP)'}${where}`;
    case 'staff':
      return `${what} by ${entry.userName ?? 'staff'}${where}`;
    case 'carrier':
      return `${what}: the carrier reported the number had opted out${where}`;
    default:
      return `${what}: the number was on the suppression list`;
  }
}

/** Every opt-out and opt-in of a contact, newest first. */
export function ConsentHistory(props: ConsentHistoryProps) {
  const [history] = createResource(
    () => ({ id: props.contactId, at: props.unsubscribedAt }),
    async ({ id }) => (await getContact(id)).consent ?? [],
  );

  return (
    <Show when={(history() ?? []).length > 0}>
      <details class="consent-history">
        <summary>Consent history</summary>
        <ul class="plain-list" data-testid="consent-history">
          <For each={history()}>
            {(entry) => (
              <li>
                {describe(entry)} <span class="muted">· {fullDateTime(entry.createdAt)}</span>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}
