import { For } from 'solid-js';

import type { MessageDto } from '@shared/dto.js';

import { findUser } from '../../stores/directory.store.js';
import { TimeText } from '../common/TimeText.jsx';

interface HeldSendProps {
  messages: MessageDto[];
  studentName: string;
  sending: boolean;
  onSendAnyway: () => void;
  onEdit: () => void;
}

/**
 * The collision guard's hold: what arrived since the counselor began the reply, so two people
 * don't answer the same question — with "Send anyway" one click away.
 */
export function HeldSend(props: HeldSendProps) {
  const who = (message: MessageDto): string => {
    if (message.direction === 'inbound') return props.studentName;
    if (message.automated) return 'Automatic reply';
    return findUser(message.authorId)?.name ?? 'A colleague';
  };

  return (
    <div class="held-send" role="alert" data-testid="held-send">
      <p class="held-send-title">
        <strong>Not sent yet.</strong> New in this thread since you started writing:
      </p>
      <ul class="held-send-list">
        <For each={props.messages}>
          {(message) => (
            <li class="held-send-item" data-testid="held-message">
              <span class="held-send-who">
                {who(message)} · <TimeText at={message.createdAt} style="clock" />
              </span>
              <span class="held-send-text">{message.text || 'Attachment'}</span>
            </li>
          )}
        </For>
      </ul>
      <div class="held-send-actions">
        <button
          type="button"
          class="button button-primary button-small"
          data-testid="send-anyway"
          disabled={props.sending}
          onClick={() => props.onSendAnyway()}
        >
          Send anyway
        </button>
        <button type="button" class="button button-small" onClick={() => props.onEdit()}>
          Edit my reply
        </button>
      </div>
    </div>
  );
}
