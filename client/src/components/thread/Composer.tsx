import { createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';

import type { ContactDto, ConversationDto, MessageDto } from '@shared/dto.js';
import { countSms, MAX_MESSAGE_LENGTH, replaceLookAlikes } from '@shared/sms.js';

import { ApiError, errorMessage, type UploadAnswer } from '../../lib/api.js';
import { bindShortcut } from '../../lib/shortcuts.js';
import { startTyping, stopTyping } from '../../lib/socket.js';
import { findNumber } from '../../stores/directory.store.js';
import {
  clearDraft,
  draftOf,
  draftStartedAfter,
  markDraftStart,
  saveDraft,
} from '../../stores/drafts.store.js';
import { threadMessages, upsertMessage } from '../../stores/messages.store.js';
import { currentUser } from '../../stores/session.store.js';
import { onEditRequest, type ReplyDraft, sendOptimistic } from '../../stores/sends.store.js';
import { Alert } from '../common/Alert.jsx';
import { SmsMeter } from '../common/SmsMeter.jsx';
import { AttachmentPicker } from './AttachmentPicker.jsx';
import { ComposerTools } from './ComposerTools.jsx';
import { HeldSend } from './HeldSend.jsx';
import { OptedOutReply } from './OptedOutReply.jsx';
import { SavedReplyPicker, withSlash } from './SavedReplyPicker.jsx';
import { TemplatePreview } from './TemplatePreview.jsx';

const TYPING_IDLE_MS = 3_000;
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

interface ComposerProps {
  conversation: ConversationDto;
  contact: ContactDto | undefined;
}

/** The reply box: live SMS counter, Ctrl/Cmd+Enter to send, errors inline, draft kept. */
export function Composer(props: ComposerProps) {
  const id = props.conversation.id;
  const [text, setText] = createSignal(draftOf(id));
  const [error, setError] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  const [files, setFiles] = createSignal<UploadAnswer[]>([]);
  const [fieldsBlocked, setFieldsBlocked] = createSignal<string | null>(null);
  const [held, setHeld] = createSignal<MessageDto[] | null>(null);
  const count = createMemo(() => countSms(text()));
  const optedOut = () => Boolean(props.contact?.smsUnsubscribedAt);
  const firstText = () =>
    !threadMessages(id).some((m) => m.direction === 'outbound' && m.kind === 'sms');
  const canSend = () =>
    (text().trim().length > 0 || files().length > 0) &&
    count().characters <= MAX_MESSAGE_LENGTH &&
    !optedOut() &&
    !fieldsBlocked() &&
    !sending();
  const firstName = () => props.contact?.firstName || props.conversation.contactName;
  let input: HTMLTextAreaElement | undefined;
  let idleTimer: number | undefined;
  let pickerKeys: ((event: KeyboardEvent) => boolean) | undefined;
  /** The Saved reply button, when it opened the picker: Escape gives the focus back to it. */
  let pickerOpener: HTMLElement | undefined;
  const previewTarget = { conversationId: id };

  /** The newest message on screen: a draft begun now has seen everything up to it. */
  const newestSeen = (): number => {
    const ids = threadMessages(id).map((message) => message.id);
    return Math.max(props.conversation.lastMessageId ?? 0, ...ids);
  };

  const setDraft = (value: string) => {
    setText(value);
    saveDraft(id, value);
    if (value.trim()) markDraftStart(id, newestSeen());
  };

  /** A saved reply or an assistant suggestion replaces the draft; the caret goes after it. */
  const insertText = (value: string, caret = value.length) => {
    setDraft(value);
    setError(null);
    input?.focus();
    input?.setSelectionRange(caret, caret);
  };

  const handleInput = (event: InputEvent & { currentTarget: HTMLTextAreaElement }) => {
    const value = event.currentTarget.value;
    setDraft(value);
    setError(null);
    window.clearTimeout(idleTimer);
    if (!value.trim()) return stopTyping(id);
    startTyping(id);
    idleTimer = window.setTimeout(() => stopTyping(id), TYPING_IDLE_MS);
  };

  /** The collision guard holds a send when the thread moved on; `force` sends anyway. */
  const holdFor = (failure: ApiError) => {
    const newer = (failure.details as { messages?: MessageDto[] } | undefined)?.messages ?? [];
    for (const message of newer) upsertMessage(message);
    setHeld(newer);
    markDraftStart(id, Math.max(newestSeen(), ...newer.map((message) => message.id)), true);
  };

  /** A reply coming back (held, or Edit on a "Not sent" one) goes before what is typed now. */
  const restoreDraft = (draft: ReplyDraft) => {
    setDraft(text().trim() ? `${draft.text}\n${text()}` : draft.text);
    setFiles([...draft.files, ...files()]);
  };

  onEditRequest(id, (draft) => {
    restoreDraft(draft);
    input?.focus();
  });

  const emptyComposer = () => {
    clearDraft(id);
    setText('');
    setFiles([]);
    setHeld(null);
    window.clearTimeout(idleTimer);
    stopTyping(id);
  };

  /** The box empties at once: the reply waits in the thread as "Sending…" (sends.store). */
  const send = async (force = false) => {
    if (!canSend()) return;
    const draft = { text: text(), files: files() };
    const guard = { draftStartedAfter: draftStartedAfter(id), ...(force ? { force } : {}) };
    setSending(true);
    setError(null);
    emptyComposer();
    try {
      await sendOptimistic(id, draft, guard);
    } catch (failure) {
      restoreDraft(draft);
      if (failure instanceof ApiError && failure.code === 'newer_messages') holdFor(failure);
      else setError(errorMessage(failure));
    } finally {
      setSending(false);
      input?.focus();
    }
  };

  const handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void send();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (pickerKeys?.(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const handleReplaceLookAlikes = () => {
    setDraft(replaceLookAlikes(text()));
    input?.focus();
  };

  const optedOutReply = () =>
    props.contact && (
      <OptedOutReply
        id={`composer-${id}`}
        contact={props.contact}
        firstName={firstName()}
        draft={text()}
      />
    );

  onCleanup(() => {
    window.clearTimeout(idleTimer);
    stopTyping(id);
  });

  onMount(() => {
    const caret = () => input?.selectionStart ?? text().length;
    const stops = [
      bindShortcut({ key: 'r', run: () => input?.focus() }),
      bindShortcut({ key: 's', run: () => insertText(...withSlash(text(), caret())) }),
    ];
    onCleanup(() => stops.forEach((stop) => stop()));
  });

  return (
    <Show when={!optedOut()} fallback={optedOutReply()}>
      <form class="composer" onSubmit={handleSubmit}>
        <label class="composer-label" for={`composer-${id}`}>
          Reply to {firstName()}
        </label>
        <textarea
          ref={input}
          id={`composer-${id}`}
          class="composer-input"
          data-testid="composer-input"
          rows="3"
          placeholder="Write a text…"
          aria-describedby={`composer-${id}-counter composer-${id}-hint`}
          value={text()}
          onInput={handleInput}
          onKeyDown={handleKeyDown}
          onBlur={() => stopTyping(id)}
        />
        <SavedReplyPicker
          inputId={`composer-${id}`}
          text={text()}
          target={previewTarget}
          input={() => input}
          onInsert={(value, caret) => {
            insertText(value, caret);
            pickerOpener = undefined;
          }}
          onDismiss={(value, caret) => {
            insertText(value, caret);
            pickerOpener?.focus();
            pickerOpener = undefined;
          }}
          registerKeys={(handler) => (pickerKeys = handler)}
        />
        <TemplatePreview
          id={`composer-${id}`}
          text={text()}
          target={previewTarget}
          onBlocked={setFieldsBlocked}
        />
        <Show when={error()}>
          <Alert>
            {error()} <span class="muted">Your draft is still here.</span>
          </Alert>
        </Show>
        <Show when={held()}>
          {(messages) => (
            <HeldSend
              messages={messages()}
              studentName={firstName()}
              sending={sending()}
              onSendAnyway={() => void send(true)}
              onEdit={() => {
                setHeld(null);
                input?.focus();
              }}
            />
          )}
        </Show>
        <AttachmentPicker
          id={`composer-${id}`}
          phone={props.conversation.phone}
          files={files()}
          onChange={setFiles}
        />
        <div class="composer-footer">
          <SmsMeter
            id={`composer-${id}`}
            text={text()}
            firstMessage={firstText()}
            senderNames={[
              currentUser()?.name ?? '',
              findNumber(props.conversation.numberId)?.label ?? '',
            ]}
            onReplaceLookAlikes={handleReplaceLookAlikes}
          />
          <ComposerTools
            id={`composer-${id}`}
            conversationId={id}
            text={text()}
            input={() => input}
            onText={insertText}
            onSavedReplyOpen={(button) => (pickerOpener = button)}
          />
          <span class="composer-hint" id={`composer-${id}-hint`}>
            {isMac ? '⌘' : 'Ctrl'} + Enter to send
          </span>
          <button
            type="submit"
            class="button button-primary"
            data-testid="send-button"
            disabled={!canSend()}
          >
            {sending() ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </Show>
  );
}
