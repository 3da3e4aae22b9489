import { createSignal } from 'solid-js';

const [helpOpen, setHelpOpen] = createSignal(false);

/** Whether the keyboard shortcuts dialog is showing. */
export { helpOpen };

/** Where the focus was when the dialog opened: it goes back there when the dialog closes. */
let returnTo: HTMLElement | null = null;

export function openShortcutHelp(): void {
  if (helpOpen()) return;
  returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  setHelpOpen(true);
}

export function closeShortcutHelp(): void {
  if (!helpOpen()) return;
  setHelpOpen(false);
  const target = returnTo?.isConnected ? returnTo : document.getElementById('main');
  returnTo = null;
  target?.focus();
}
