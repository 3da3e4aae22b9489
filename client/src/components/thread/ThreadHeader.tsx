import { createSignal, onCleanup, onMount, Show } from 'solid-js';

import type { Assignee, ConversationDto } from '@shared/dto.js';

import { ApiError, errorMessage } from '../../lib/api.js';
import { formatPhone } from '../../lib/format.js';
import { refocusIfLost } from '../../lib/focus.js';
import { focusRowById, neighbourRowId } from '../../lib/inbox-keys.js';
import { bindShortcut } from '../../lib/shortcuts.js';
import { announce } from '../../stores/announcer.store.js';
import { findNumber } from '../../stores/directory.store.js';
import { showNotice } from '../../stores/notices.store.js';
import { currentUser } from '../../stores/session.store.js';
import {
  assignThread,
  joinThread,
  leaveThread,
  reloadThread,
  setThreadOpen,
} from '../../stores/thread.store.js';
import { Alert } from '../common/Alert.jsx';
import { Icon } from '../common/Icon.jsx';
import { AssigneeSelect } from './AssigneeSelect.jsx';
import { ContactDrawer } from './ContactDrawer.jsx';
import { MoreActions } from './MoreActions.jsx';
import { ParticipationButton } from './ParticipationButton.jsx';
import { PresenceAvatars } from './PresenceAvatars.jsx';
import { TagChips } from './TagChips.jsx';

const assigneeSelect = () =>
  document.querySelector<HTMLElement>('.thread-header [data-testid="assignee-select"]');
const threadTitle = () => document.getElementById('thread-title');

/** Where the focus goes when the control that had it went away (Assign to me) or was disabled. */
const focusFallbacks = (action: string) =>
  action === 'assign' ? [assigneeSelect, threadTitle] : [threadTitle];

const CONFLICT_MESSAGE = 'Someone else just took this. The thread now shows who has it.';
const ERROR_MS = 10_000;

export function ThreadHeader(props: { conversation: ConversationDto }) {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let errorTimer: number | undefined;
  onCleanup(() => window.clearTimeout(errorTimer));

  const showError = (message: string) => {
    setError(message);
    window.clearTimeout(errorTimer);
    errorTimer = window.setTimeout(() => setError(null), ERROR_MS);
  };
  const conversation = () => props.conversation;
  const me = () => currentUser()?.id;
  const isParticipant = () => me() !== undefined && conversation().participantIds.includes(me()!);
  const assignedToMe = () =>
    conversation().assignee?.type === 'user' && conversation().assignee?.id === me();
  const officeNumber = () => findNumber(conversation().numberId);

  const run = async (action: string, task: () => Promise<void>) => {
    const fromHeader = document.activeElement?.closest('.thread-header') != null;
    setBusy(action);
    setError(null);
    try {
      await task();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'assignment_conflict') {
        showError(CONFLICT_MESSAGE);
        await reloadThread(conversation().id);
      } else {
        showError(errorMessage(failure));
      }
    } finally {
      setBusy(null);
      if (fromHeader) refocusIfLost(...focusFallbacks(action));
    }
  };

  const handleAssign = (assignee: Assignee | null) =>
    run('assign', () => assignThread(conversation(), assignee));

  const handleAssignToMe = () => {
    const id = me();
    if (id === undefined) return;
    if (assignedToMe()) return announce('This conversation is already assigned to you');
    void run('assign', async () => {
      await assignThread(conversation(), { type: 'user', id });
      announce('Assigned to you');
    });
  };

  const handleJoin = () =>
    void run('join', async () => {
      await joinThread(conversation().id);
      const mail = currentUser()?.emailNotifications
        ? ' New texts from the student are emailed to you.'
        : '';
      showNotice(`You joined “${conversation().name}”.${mail}`);
      // The Join button is gone now; keep the keyboard in the thread, not on the page body.
      document.getElementById('thread-title')?.focus();
    });

  const handleLeave = () =>
    void run('leave', async () => {
      await leaveThread(conversation().id);
      const mail = currentUser()?.emailNotifications
        ? ' New texts from the student are no longer emailed to you.'
        : '';
      showNotice(`You left “${conversation().name}”.${mail}`);
      document.getElementById('thread-title')?.focus();
    });

  /** Closing moves on to the next row in the list, as a finished task would. */
  const handleToggleStatus = () => {
    const { id, status } = conversation();
    const reopen = status === 'closed';
    const next = reopen ? null : neighbourRowId(id);
    void run('status', async () => {
      await setThreadOpen(id, reopen);
      announce(reopen ? 'Conversation reopened' : 'Conversation closed');
      // A closed thread leaves the Open list; with no row left, stay in the thread.
      if (reopen || focusRowById(next) || focusRowById(id)) return;
      document.getElementById('thread-title')?.focus();
    });
  };

  onMount(() => {
    const ready = () => busy() === null;
    const stops = [
      bindShortcut({ key: 'a', when: ready, run: handleAssignToMe }),
      bindShortcut({ key: 'e', when: ready, run: handleToggleStatus }),
    ];
    onCleanup(() => stops.forEach((stop) => stop()));
  });

  return (
    <header class="thread-header">
      <div class="thread-title-row">
        <a class="button button-ghost button-icon back-link" href="/">
          <Icon name="back" size={18} />
          <span class="sr-only">Back to inbox</span>
        </a>
        <div class="thread-heading">
          <h2 id="thread-title" class="thread-title" tabindex="-1" data-autofocus>
            {conversation().name}
          </h2>
          <p class="thread-subtitle">
            <a href={`/contacts/${conversation().contactId}`}>{conversation().contactName}</a>
            <span aria-hidden="true"> · </span>
            <span class="nowrap">{formatPhone(conversation().phone)}</span>
            <Show when={officeNumber()}>
              {(number) => (
                <>
                  <span aria-hidden="true"> · </span>
                  <span class="nowrap">via {number().label || formatPhone(number().e164)}</span>
                </>
              )}
            </Show>
          </p>
        </div>
        <PresenceAvatars conversationId={conversation().id} />
        <span
          class="badge"
          classList={{
            'badge-open': conversation().status === 'open',
            'badge-closed': conversation().status === 'closed',
          }}
        >
          <span class="sr-only">Status: </span>
          {conversation().status === 'open' ? 'Open' : 'Closed'}
        </span>
      </div>

      <div class="thread-actions">
        <AssigneeSelect
          conversation={conversation()}
          disabled={busy() === 'assign'}
          onChange={handleAssign}
        />
        <Show when={!assignedToMe()}>
          <button
            type="button"
            class="button button-small"
            disabled={busy() !== null}
            aria-keyshortcuts="a"
            onClick={handleAssignToMe}
          >
            Assign to me
          </button>
        </Show>
        <MoreActions>
          <ParticipationButton
            joined={isParticipant()}
            disabled={busy() !== null}
            onJoin={handleJoin}
            onLeave={handleLeave}
          />
          <button
            type="button"
            class="button button-small"
            disabled={busy() !== null}
            aria-keyshortcuts="e"
            onClick={handleToggleStatus}
          >
            {conversation().status === 'closed' ? 'Reopen' : 'Close'}
          </button>
          <ContactDrawer conversation={conversation()} />
          <TagChips conversation={conversation()} />
        </MoreActions>
      </div>

      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
    </header>
  );
}
