import { For } from 'solid-js';

import { templateParts } from '@shared/template.js';

/** A saved reply's text with each field shown as a chip by its label, not as `{{…}}`. */
export function TemplateText(props: { template: string; class?: string }) {
  return (
    <p class={props.class}>
      <For each={templateParts(props.template)}>
        {(part) =>
          part.kind === 'text' ? (
            part.text
          ) : (
            <span class="chip template-chip" title={`Filled in when sent: {{${part.key}}}`}>
              {part.label}
              {part.fallback === null ? '' : `, or “${part.fallback}”`}
            </span>
          )
        }
      </For>
    </p>
  );
}
