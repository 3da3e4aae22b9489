import { createUniqueId, Show } from 'solid-js';

const JOIN_HINT = 'Get an email for each text from the student and see this under Participating';
const LEAVE_HINT = 'Stop getting emails for this conversation; the assignee does not change';

interface ParticipationButtonProps {
  joined: boolean;
  disabled: boolean;
  onJoin: () => void;
  onLeave: () => void;
}

/** Join or Leave, each saying what it does on hover and to a screen reader. */
export function ParticipationButton(props: ParticipationButtonProps) {
  const hintId = `participation-hint-${createUniqueId()}`;
  const hint = () => (props.joined ? LEAVE_HINT : JOIN_HINT);

  return (
    <>
      <Show
        when={!props.joined}
        fallback={
          <button
            type="button"
            class="button button-small"
            data-testid="leave-button"
            title={LEAVE_HINT}
            aria-describedby={hintId}
            disabled={props.disabled}
            onClick={() => props.onLeave()}
          >
            Leave
          </button>
        }
      >
        <button
          type="button"
          class="button button-small button-primary"
          data-testid="join-button"
          title={JOIN_HINT}
          aria-describedby={hintId}
          disabled={props.disabled}
          onClick={() => props.onJoin()}
        >
          Join
        </button>
      </Show>
      <span id={hintId} class="sr-only">
        {hint()}.
      </span>
    </>
  );
}
