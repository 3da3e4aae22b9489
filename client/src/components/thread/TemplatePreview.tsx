import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';

import type { TemplatePreviewDto } from '@shared/automation.js';
import { TEMPLATE_FIELDS } from '@shared/template.js';

import { previewTemplate, type PreviewTarget } from '../../lib/automation-api.js';
import { plural } from '../../lib/format.js';

interface TemplatePreviewProps {
  id: string;
  text: string;
  target: PreviewTarget;
  /** Why sending must wait (a field without a value), or null when it may go. */
  onBlocked: (reason: string | null) => void;
}

const PREVIEW_DELAY_MS = 250;

const label = (key: string) =>
  TEMPLATE_FIELDS.find((field) => field.key === key)?.label.toLowerCase() ?? key;

/**
 * When the draft holds fields (`{{contact.firstName}}`), shows exactly what will be sent,
 * filled from current data on the server, and blocks sending while a field has no value.
 */
export function TemplatePreview(props: TemplatePreviewProps) {
  const [preview, setPreview] = createSignal<TemplatePreviewDto | null>(null);
  let timer: number | undefined;
  let latest = 0;
  onCleanup(() => window.clearTimeout(timer));

  createEffect(
    on(
      () => props.text,
      (text) => {
        window.clearTimeout(timer);
        const request = ++latest;
        if (!text.includes('{{')) {
          setPreview(null);
          props.onBlocked(null);
          return;
        }
        props.onBlocked('Checking the fields in your text…');
        timer = window.setTimeout(() => {
          previewTemplate(text, props.target)
            .then((answer) => {
              if (request !== latest) return;
              setPreview(answer);
              props.onBlocked(
                answer.missing.length > 0 ? 'A field in your text has no value.' : null,
              );
            })
            .catch(() => {
              if (request === latest) props.onBlocked(null);
            });
        }, PREVIEW_DELAY_MS);
      },
    ),
  );

  return (
    <Show when={preview()}>
      {(current) => (
        <div class="template-preview" id={`${props.id}-preview`} data-testid="template-preview">
          <Show when={current().missing.length > 0}>
            <p class="template-missing" role="alert">
              <For each={current().missing}>
                {(key) => (
                  <span>
                    <code>{`{{${key}}}`}</code> has no value here ({label(key)}). Edit it out or
                    give it a fallback, like <code>{`{{${key}|there}}`}</code>.{' '}
                  </span>
                )}
              </For>
            </p>
          </Show>
          <Show when={current().missing.length === 0 && current().text !== props.text}>
            <p class="template-preview-label">Sends as</p>
            <p class="template-preview-text">{current().text}</p>
            <p class="template-preview-meta">
              {plural(current().counts.characters, 'character')} ·{' '}
              {plural(current().counts.segments, 'segment')} · {current().counts.encoding}
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
