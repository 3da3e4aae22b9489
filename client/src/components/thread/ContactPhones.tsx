import { For, Show } from 'solid-js';

import type { ContactDto } from '@shared/dto.js';

import { formatPhone } from '../../lib/format.js';

/** The contact's numbers, each marked mobile or not, and the one this thread texts. */
export function ContactPhones(props: { contact: ContactDto; threadPhone: string }) {
  return (
    <ul class="contact-phones">
      <For each={props.contact.phones}>
        {(phone) => (
          <li class="contact-phone">
            <span class="nowrap">{formatPhone(phone.e164)}</span>
            <span class="badge">{phone.mobile ? 'Mobile' : 'Not mobile'}</span>
            <Show when={phone.e164 === props.threadPhone}>
              <span class="badge badge-here">
                Used here<span class="sr-only"> by this conversation</span>
              </span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
