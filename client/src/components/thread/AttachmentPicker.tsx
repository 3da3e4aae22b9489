import { createResource, createSignal, For, Show } from 'solid-js';

import { errorMessage, type UploadAnswer, uploadFile } from '../../lib/api.js';
import { Alert } from '../common/Alert.jsx';

const ACCEPT = 'image/jpeg,image/png,image/gif,application/pdf';
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 5;

interface AttachmentPickerProps {
  id: string;
  /** The student's number, E.164: pictures and files go only to US numbers. */
  phone: string;
  files: UploadAnswer[];
  onChange: (files: UploadAnswer[]) => void;
}

/** The phone metadata is large, so it loads only when a thread's composer needs it. */
const isUsNumber = async (phone: string) => (await import('@shared/phone.js')).isUsRegion(phone);

/**
 * Attach pictures (JPEG, PNG, GIF) and PDFs to a reply: uploads each at once, shows the server's
 * aspect-ratio warning, and says before sending that MMS goes only to US numbers.
 */
export function AttachmentPicker(props: AttachmentPickerProps) {
  const [usNumber] = createResource(() => props.phone, isUsNumber);
  const [uploading, setUploading] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const blocked = () => usNumber() === false;
  /** A line beside the button on a wide screen; on a phone, the button's description only. */
  const note = () =>
    blocked()
      ? 'This is not a US number: pictures and files cannot be sent to it.'
      : 'Pictures and files go to US numbers only (JPEG, PNG, GIF, PDF; 5 MB each).';
  let fileInput: HTMLInputElement | undefined;

  const handlePick = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const picked = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    setError(null);
    const room = MAX_FILES - props.files.length;
    if (picked.length > room) setError(`A text can carry ${MAX_FILES} files at most.`);

    for (const file of picked.slice(0, Math.max(room, 0))) {
      if (file.size > MAX_BYTES) {
        setError(`${file.name} is over 5 MB.`);
        continue;
      }
      setUploading((count) => count + 1);
      try {
        const answer = await uploadFile(file);
        props.onChange([...props.files, answer]);
      } catch (failure) {
        setError(`${file.name}: ${errorMessage(failure)}`);
      } finally {
        setUploading((count) => count - 1);
      }
    }
  };

  const handleRemove = (id: string) => {
    props.onChange(props.files.filter((file) => file.attachment.id !== id));
  };

  return (
    <div class="attach">
      <div class="attach-row">
        <button
          type="button"
          class="button button-small"
          disabled={blocked() || props.files.length >= MAX_FILES}
          aria-describedby={`${props.id}-mms-note`}
          title={note()}
          onClick={() => fileInput?.click()}
        >
          <Show when={!uploading()} fallback="Uploading…">
            <span>
              Attach <span class="attach-more">picture or PDF</span>
            </span>
          </Show>
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={ACCEPT}
          multiple
          data-testid="attach-input"
          onChange={(event) => void handlePick(event)}
        />
        <span
          class="attach-note"
          classList={{ 'attach-note-blocked': blocked() }}
          id={`${props.id}-mms-note`}
          data-testid="mms-note"
        >
          {note()}
        </span>
      </div>

      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>

      <Show when={props.files.length > 0}>
        <ul class="attach-list" aria-label="Attached files">
          <For each={props.files}>
            {({ attachment, warnings }) => (
              <li class="attach-item" data-testid="attached-file">
                <Show
                  when={attachment.contentType.startsWith('image/')}
                  fallback={<span class="attach-icon">PDF</span>}
                >
                  <img src={attachment.url} alt="" class="attach-thumb" />
                </Show>
                <span class="attach-name">{attachment.fileName}</span>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => handleRemove(attachment.id)}
                >
                  Remove<span class="sr-only"> {attachment.fileName}</span>
                </button>
                <For each={warnings}>
                  {(warning) => (
                    <p class="attach-warning" data-testid="attach-warning">
                      {warning.message}
                    </p>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
