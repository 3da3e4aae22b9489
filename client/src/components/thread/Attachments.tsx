import { For, Show } from 'solid-js';

import type { AttachmentDto } from '@shared/dto.js';

const MAX_WIDTH = 280;
const MAX_HEIGHT = 200;

/** The picture's box on screen, known before it loads, so the thread does not jump. */
function displaySize(attachment: AttachmentDto): { width?: number; height?: number } {
  const { width, height } = attachment;
  if (!width || !height) return {};
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

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
                  <img
                    src={attachment.url}
                    alt={attachment.fileName}
                    loading="lazy"
                    {...displaySize(attachment)}
                  />
                </a>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
