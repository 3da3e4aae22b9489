import { createResource, For } from 'solid-js';

import type { ConsentEntryDto } from '@shared/dto.js';

import { errorMessage, getContact } from '../../lib/api.js';
import { ListGate } from '../common/ListGate.jsx';
import { TimeText } from '../common/TimeText.jsx';

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
  const [history, { refetch }] = createResource(
    () => ({ id: props.contactId, at: props.unsubscribedAt }),
    async ({ id }) => (await getContact(id)).consent ?? [],
  );
  const entries = () => (history.error ? [] : (history.latest ?? []));

  return (
    <details class="consent-history">
      <summary>Consent history</summary>
      <ListGate
        loaded={history.state === 'ready' || history.state === 'refreshing'}
        error={history.error ? errorMessage(history.error) : null}
        onRetry={() => void refetch()}
        count={entries().length}
        noun="consent history"
        empty="No opt-outs or opt-ins yet: texts can be sent as usual."
        size="row"
      >
        <ul class="plain-list" data-testid="consent-history">
          <For each={entries()}>
            {(entry) => (
              <li>
                {describe(entry)}{' '}
                <span class="muted">
                  · <TimeText at={entry.createdAt} style="exact" />
                </span>
              </li>
            )}
          </For>
        </ul>
      </ListGate>
    </details>
  );
}
