import { createMemo, createSignal, For, Show } from 'solid-js';

import type { SavedReplyDto } from '@shared/automation.js';
import { countSms } from '@shared/sms.js';
import { fillTemplate, TEMPLATE_FIELDS } from '@shared/template.js';

import { errorMessage } from '../../lib/api.js';
import { createSavedReply, updateSavedReply } from '../../lib/automation-api.js';
import { plural } from '../../lib/format.js';
import { upsertSavedReply } from '../../stores/automation.store.js';
import { currentUser } from '../../stores/session.store.js';
import { Alert } from '../common/Alert.jsx';

const SAMPLE: Record<string, string> = {
  'contact.firstName': 'Maya',
  'contact.lastName': 'Lopez',
  'contact.fullName': 'Maya Lopez',
  'office.number': '+1 617 555 0100',
};

interface SavedReplyFormProps {
  reply?: SavedReplyDto;
  officeName: string;
  onDone?: () => void;
  /** Called once the reply is stored; `added` tells a new reply from an edit. */
  onSaved?: (reply: SavedReplyDto, added: boolean) => void;
}

/** Adds or edits a saved reply; field buttons insert at the caret, the sample shows the fill. */
export function SavedReplyForm(props: SavedReplyFormProps) {
  const key = props.reply ? `reply-${props.reply.id}` : 'reply-new';
  const [title, setTitle] = createSignal(props.reply?.title ?? '');
  const [body, setBody] = createSignal(props.reply?.body ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;

  const sample = createMemo(() => {
    const name = currentUser()?.name ?? 'Dana Reyes';
    return fillTemplate(body(), {
      ...SAMPLE,
      'user.name': name,
      'user.firstName': name.split(/\s+/)[0] ?? name,
      'office.name': props.officeName,
    });
  });

  const insertField = (field: string) => {
    const start = textarea?.selectionStart ?? body().length;
    const end = textarea?.selectionEnd ?? start;
    const token = `{{${field}}}`;
    setBody(body().slice(0, start) + token + body().slice(end));
    textarea?.focus();
    textarea?.setSelectionRange(start + token.length, start + token.length);
  };

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input = { title: title().trim(), body: body().trim() };
      const { savedReply } = props.reply
        ? await updateSavedReply(props.reply.id, input)
        : await createSavedReply(input);
      upsertSavedReply(savedReply);
      if (!props.reply) {
        setTitle('');
        setBody('');
      }
      props.onDone?.();
      props.onSaved?.(savedReply, !props.reply);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={handleSubmit}>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="field">
        <label class="field-label" for={`${key}-title`}>
          Title
        </label>
        <input
          id={`${key}-title`}
          required
          maxLength={80}
          placeholder="e.g. Deposit deadline"
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${key}-body`}>
          Text
        </label>
        <textarea
          ref={textarea}
          id={`${key}-body`}
          required
          rows="4"
          maxLength={1600}
          aria-describedby={`${key}-fields ${key}-sample`}
          value={body()}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
        <div class="field-buttons" id={`${key}-fields`} role="group" aria-label="Insert a field">
          <For each={TEMPLATE_FIELDS}>
            {(field) => (
              <button
                type="button"
                class="button button-small"
                onClick={() => insertField(field.key)}
              >
                {field.label}
              </button>
            )}
          </For>
        </div>
        <p class="field-hint">
          A field with no value blocks sending; give it a fallback with a bar:{' '}
          <code>{'{{contact.firstName|there}}'}</code>.
        </p>
      </div>
      <Show when={body().trim()}>
        <div class="template-sample" id={`${key}-sample`}>
          <p class="template-preview-label">With sample data</p>
          <p class="template-preview-text">{sample().text}</p>
          <p class="template-preview-meta">
            {plural(countSms(sample().text).characters, 'character')} ·{' '}
            {plural(countSms(sample().text).segments, 'segment')}
            <Show when={sample().unknown.length > 0}>
              {' '}
              · Unknown field: {sample().unknown.join(', ')}
            </Show>
          </p>
        </div>
      </Show>
      <div class="form-actions">
        <Show when={props.reply}>
          <button type="button" class="button" onClick={() => props.onDone?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.reply ? 'Save changes' : 'Add saved reply'}
        </button>
      </div>
    </form>
  );
}
