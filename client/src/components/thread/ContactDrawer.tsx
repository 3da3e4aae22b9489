import { createEffect, createSignal, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { createMediaQuery, WIDE_LAYOUT } from '../../lib/media-query.js';
import { Icon } from '../common/Icon.jsx';
import { ContactSummary } from './ContactSummary.jsx';

const HEADING_ID = 'contact-drawer-heading';

/**
 * Below the three-column width: a Contact button in the thread header that slides the contact
 * in from the side as a modal dialog. Esc, Close or a click outside put focus back on the button.
 */
export function ContactDrawer(props: { conversation: ConversationDto }) {
  const wide = createMediaQuery(WIDE_LAYOUT);
  const [open, setOpen] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  let button: HTMLButtonElement | undefined;

  createEffect(() => {
    if (wide() && dialog?.open) dialog.close();
  });

  const handleOpen = () => {
    setOpen(true);
    dialog?.showModal();
  };
  const handleClose = () => {
    setOpen(false);
    button?.focus();
  };
  const handleBackdrop = (event: MouseEvent) => {
    if (event.target === dialog) dialog.close();
  };

  return (
    <Show when={!wide()}>
      <button
        ref={button}
        type="button"
        class="button button-small"
        aria-haspopup="dialog"
        onClick={handleOpen}
      >
        Contact
      </button>
      <dialog
        ref={dialog}
        class="contact-drawer"
        aria-labelledby={HEADING_ID}
        onClose={handleClose}
        onClick={handleBackdrop}
      >
        <div class="contact-drawer-body">
          <button
            type="button"
            class="button button-ghost button-icon contact-drawer-close"
            onClick={() => dialog?.close()}
          >
            <Icon name="close" size={18} />
            <span class="sr-only">Close contact details</span>
          </button>
          <Show when={open()}>
            <ContactSummary conversation={props.conversation} headingId={HEADING_ID} />
          </Show>
        </div>
      </dialog>
    </Show>
  );
}
