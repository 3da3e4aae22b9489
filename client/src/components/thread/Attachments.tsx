import { For, Show } from 'solid-js';

import type { AttachmentDto } from '@shared/dto.js';

export function Attachments(props: { attachments: AttachmentDto[] }) {
  return (
    <Show when={props.attachments.length > 0}>
      <ul class="attachments">
        <For each={props.attachments}>
          {(attachment) => (
            <li>
              <Show
                when={attachment.contentType.startsWith('image/')}
                fallback={
                  <a href={attachment.url} target="_blank" rel="noreferrer">
                    {attachment.fileName}
                  </a>
                }
              >
                <a href={attachment.url} target="_blank" rel="noreferrer">
                  <img src={attachment.url} alt={attachment.fileName} loading="lazy" />
                </a>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
