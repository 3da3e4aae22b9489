import { Show } from 'solid-js';

/** A field's own error line, under the field it is about; point `aria-describedby` at `id`. */
export function FieldError(props: { id: string; message: string | undefined | null }) {
  return (
    <Show when={props.message}>
      <p class="field-error" id={props.id}>
        {props.message}
      </p>
    </Show>
  );
}
