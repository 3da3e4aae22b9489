import { Show } from 'solid-js';

import { directory } from '../../stores/directory.store.js';
import { isAdmin } from '../../stores/session.store.js';

/** First steps for an empty office: a number to text from, a contact, a test text. */
export function GettingStarted() {
  return (
    <ul class="getting-started">
      <Show when={directory.numbers.length === 0}>
        <li>
          <Show when={isAdmin()} fallback="An admin needs to add the office's number first.">
            <a href="/admin/numbers">Add the office's number</a> so students can text it.
          </Show>
        </li>
      </Show>
      <li>
        <a href="/contacts/new">Add a contact</a> with a mobile number.
      </li>
      <Show when={directory.simulatorEnabled}>
        <li>
          <a href="/simulator">Open the simulator</a> and text in as that student.
        </li>
      </Show>
    </ul>
  );
}
