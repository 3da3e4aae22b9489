import type { ContactDto } from '@shared/dto.js';

import { TimeText } from '../common/TimeText.jsx';

interface OptedOutReplyProps {
  /** The composer's id: the disabled box keeps it, so its label and shortcuts still match. */
  id: string;
  contact: ContactDto;
  firstName: string;
  /** What was typed before the opt-out arrived stays visible, and comes back on resubscribe. */
  draft: string;
}

/**
 * The reply box of a contact who opted out: nothing can be typed as if it could go. It says
 * why and how texts can start again; the Private note tab above stays open.
 */
export function OptedOutReply(props: OptedOutReplyProps) {
  const reasonId = () => `${props.id}-opted-out`;
  return (
    <div class="composer composer-off" data-testid="composer-off">
      <label class="composer-label" for={props.id}>
        Reply to {props.firstName}
      </label>
      <textarea
        id={props.id}
        class="composer-input"
        data-testid="composer-input"
        rows="2"
        disabled
        placeholder={`Texts are off: ${props.firstName} opted out.`}
        aria-describedby={reasonId()}
        value={props.draft}
      />
      <p class="composer-blocked" id={reasonId()} data-testid="composer-opted-out">
        <strong>{props.firstName} has opted out of texts</strong> since{' '}
        <TimeText at={props.contact.smsUnsubscribedAt ?? ''} style="exact" />. Nothing can be sent
        until they text START, or staff{' '}
        <a href={`/contacts/${props.contact.id}`}>resubscribe them on their contact page</a> once
        they agree to texts again. A Private note still works.
      </p>
    </div>
  );
}
