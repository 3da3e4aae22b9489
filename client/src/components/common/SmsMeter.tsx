import { createMemo, For, Show } from 'solid-js';

import { countSms, deliverabilityWarnings, lookAlikes, MAX_MESSAGE_LENGTH } from '@shared/sms.js';

import { plural } from '../../lib/format.js';

interface SmsMeterProps {
  text: string;
  /** Prefix for element ids, so the text field can point at the counter. */
  id: string;
  /** A first text to this contact should say who is writing. */
  firstMessage?: boolean;
  senderNames?: string[];
  onReplaceLookAlikes: () => void;
}

const INVISIBLE = /[\s\p{Cf}]/u;

/** How a character that forces UCS-2 is shown: as itself, or by code point when invisible. */
function showChar(char: string): string {
  if (!INVISIBLE.test(char)) return char;
  const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
  return `U+${code}`;
}

/** Live characters, encoding and segments, with advice to stay in one segment. */
export function SmsMeter(props: SmsMeterProps) {
  const count = createMemo(() => countSms(props.text));
  const alikes = createMemo(() => lookAlikes(props.text));
  const warnings = createMemo(() =>
    props.text.trim()
      ? deliverabilityWarnings(props.text, {
          firstMessage: props.firstMessage ?? false,
          senderNames: props.senderNames,
        })
      : [],
  );
  const ucs2Lead = () =>
    count().ucs2Chars.length === 1 ? 'This character switches' : 'These characters switch';
  const over = () => count().characters - MAX_MESSAGE_LENGTH;

  return (
    <div class="sms-meter">
      <p id={`${props.id}-counter`} class="sms-counter" classList={{ 'sms-over': over() > 0 }}>
        <span class="sr-only">Length: </span>
        {count().characters} / {MAX_MESSAGE_LENGTH} · {count().encoding} ·{' '}
        {plural(count().segments, 'segment')}
      </p>

      <Show when={over() > 0}>
        <p class="sms-line sms-error" id={`${props.id}-limit`}>
          {plural(over(), 'character')} over the {MAX_MESSAGE_LENGTH}-character limit. Shorten the
          text to send it.
        </p>
      </Show>

      <Show when={count().segments > 1 && over() <= 0}>
        <p class="sms-line sms-advice">
          Keep to one segment: 160 GSM-7 / 70 UCS-2 characters. This text goes out as{' '}
          {plural(count().segments, 'segment')}.
        </p>
      </Show>

      <Show when={count().ucs2Chars.length > 0}>
        <div class="sms-line sms-ucs2">
          <span>{ucs2Lead()} the text to UCS-2 (70 per segment):</span>
          <span class="char-list">
            <For each={count().ucs2Chars}>
              {(char) => <code class="char">{showChar(char)}</code>}
            </For>
          </span>
          <Show when={alikes().length > 0}>
            <button
              type="button"
              class="button button-small"
              onClick={() => props.onReplaceLookAlikes()}
            >
              Replace look-alikes
            </button>
          </Show>
        </div>
      </Show>

      <Show when={warnings().length > 0}>
        <ul class="sms-warnings" aria-label="Deliverability warnings">
          <For each={warnings()}>{(warning) => <li>{warning.message}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
