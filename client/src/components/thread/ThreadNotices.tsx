import { createSignal, Show } from 'solid-js';

import type { ContactDto, ConversationDto } from '@shared/dto.js';

import { errorMessage } from '../../lib/api.js';
import { confirmPossibleOptOut, dismissPossibleOptOut } from '../../stores/thread.store.js';
import { Alert } from '../common/Alert.jsx';

interface ThreadNoticesProps {
  conversation: ConversationDto;
  contact: ContactDto | undefined;
}

/**
 * A text that may be an opt-out request, above the history. A confirmed opt-out is told once,
 * in the reply box it blocks (OptedOutReply), where it is seen before anyone starts typing.
 */
export function ThreadNotices(props: ThreadNoticesProps) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const unsubscribedAt = () => props.contact?.smsUnsubscribedAt ?? null;

  const handleFlag = async (confirm: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const id = props.conversation.id;
      await (confirm ? confirmPossibleOptOut(id) : dismissPossibleOptOut(id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Show when={props.conversation.possibleOptOut && !unsubscribedAt()}>
        <div class="notice notice-warning" data-testid="possible-opt-out">
          <span>
            <strong>Possible opt-out.</strong> The student's text starts with an opt-out word but
            says more. Confirm it if they meant to stop texts; dismiss it if not.
          </span>
          <button
            type="button"
            class="button button-small"
            disabled={busy()}
            onClick={() => void handleFlag(true)}
          >
            Confirm opt-out<span class="sr-only"> of {props.conversation.contactName}</span>
          </button>
          <button
            type="button"
            class="button button-small"
            disabled={busy()}
            onClick={() => void handleFlag(false)}
          >
            Dismiss
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
    </>
  );
}
