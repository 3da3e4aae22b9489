/**
 * A control that removes or disables itself drops the keyboard focus onto the page body; these
 * put it back somewhere sensible.
 */

/** Whether the focus has fallen back to the page, or sits on a control that can't take it. */
export function focusLost(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) return true;
  return (active as HTMLButtonElement).disabled === true;
}

/** Focuses the first target that exists and is enabled, only when the focus was lost. */
export function refocusIfLost(...targets: (() => HTMLElement | null | undefined)[]): boolean {
  if (!focusLost()) return false;
  for (const target of targets) {
    const element = target();
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return true;
    }
  }
  return false;
}
