import { createEffect, For, Index } from 'solid-js';

import { type ShortcutGroup, shortcutGroupsFor } from '../../lib/shortcut-list.js';
import { isSupervisor } from '../../stores/session.store.js';
import { closeShortcutHelp, helpOpen } from '../../stores/shortcuts.store.js';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** One way to press a shortcut: `g i` is g, then i; `Ctrl+Enter` is both at once. */
function KeyPress(props: { keys: string }) {
  return (
    <Index each={props.keys.split(' ')}>
      {(step, index) => (
        <>
          {index > 0 ? ' then ' : ''}
          <kbd>{step()}</kbd>
        </>
      )}
    </Index>
  );
}

function GroupTable(props: { group: ShortcutGroup }) {
  const headingId = `shortcuts-${props.group.title.toLowerCase()}`;
  return (
    <section class="shortcuts-group">
      <h3 id={headingId}>{props.group.title}</h3>
      <table class="shortcuts-table" aria-labelledby={headingId}>
        <thead class="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.group.entries}>
            {(entry) => (
              <tr>
                <td class="shortcuts-keys">
                  <Index each={entry.keys}>
                    {(keys, index) => (
                      <>
                        {index > 0 ? ' or ' : ''}
                        <KeyPress keys={keys()} />
                      </>
                    )}
                  </Index>
                </td>
                <td>{entry.action}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

/** Keeps Tab and Shift+Tab going round the dialog's own controls. */
function trapTab(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const leaving = event.shiftKey
    ? document.activeElement === first || document.activeElement === dialog
    : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/** The `?` dialog: every shortcut, grouped by where it works. Esc or Close puts focus back. */
export function ShortcutsDialog() {
  let dialog: HTMLDialogElement | undefined;

  createEffect(() => {
    if (!dialog) return;
    if (helpOpen() && !dialog.open) dialog.showModal();
    if (!helpOpen() && dialog.open) dialog.close();
  });

  const handleCancel = (event: Event) => {
    event.preventDefault();
    closeShortcutHelp();
  };

  return (
    <dialog
      ref={dialog}
      class="shortcuts-dialog"
      aria-modal="true"
      aria-labelledby="shortcuts-title"
      onCancel={handleCancel}
      onClose={closeShortcutHelp}
      onKeyDown={(event) => dialog && trapTab(dialog, event)}
    >
      <div class="shortcuts-header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" class="button button-small" onClick={closeShortcutHelp}>
          Close
        </button>
      </div>
      <p class="muted shortcuts-note">
        Single keys work when you are not typing in a field; Esc works everywhere.
      </p>
      <div class="shortcuts-groups">
        <For each={shortcutGroupsFor(isSupervisor())}>
          {(group) => <GroupTable group={group} />}
        </For>
      </div>
    </dialog>
  );
}
