import { createMemo, createResource, Show } from 'solid-js';

import type { ContactDto, ConversationDto } from '@shared/dto.js';

import { getContact } from '../../lib/api.js';
import { contactName, formatPhone } from '../../lib/format.js';
import { findNumber } from '../../stores/directory.store.js';
import { Alert } from '../common/Alert.jsx';

interface ExistingThreadNoticeProps {
  contact: ContactDto | null;
  numberId: number | null;
}

/**
 * Warns before sending when the recipient already has a thread on the chosen office number:
 * the server then adds the text to that thread (the one for the contact's first mobile number)
 * and keeps its name, assignee and people.
 */
export function ExistingThreadNotice(props: ExistingThreadNoticeProps) {
  const [details] = createResource(
    () => props.contact?.id,
    (id) => getContact(id).catch(() => null),
  );

  const existing = createMemo((): ConversationDto | null => {
    const phone = props.contact?.phones.find((candidate) => candidate.mobile)?.e164;
    const threads = details()?.conversations ?? [];
    if (!phone || props.numberId === null) return null;
    return threads.find((c) => c.numberId === props.numberId && c.phone === phone) ?? null;
  });

  const numberName = () => {
    const number = props.numberId === null ? undefined : findNumber(props.numberId);
    return number?.label || formatPhone(number?.e164 ?? '') || 'that number';
  };

  return (
    <Show when={props.contact && existing()}>
      {(thread) => (
        <Alert tone="warning" id="new-existing-thread">
          <p>
            {contactName(props.contact!)} already has a conversation on {numberName()} — your text
            will be added to it; its name, assignee and people stay as they are.
            <Show when={thread().status === 'closed'}> It is closed and will reopen.</Show>
          </p>
          <p>
            <a href={`/c/${thread().id}`} data-testid="existing-thread-link">
              Open “{thread().name}”
            </a>
          </p>
        </Alert>
      )}
    </Show>
  );
}
