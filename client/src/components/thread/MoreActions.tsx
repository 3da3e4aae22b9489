import { createSignal, createUniqueId, type JSX, onCleanup, onMount } from 'solid-js';

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input, a[href]';

/**
 * The thread's secondary actions. On a wide screen they sit in the header row as they are
 * (the wrapper takes no box); on a phone they fold behind a "More" disclosure button: the
 * panel opens with the keyboard on its first action, and Esc, a click outside or tabbing out
 * close it, Esc putting focus back on the button.
 */
export function MoreActions(props: { children: JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  const panelId = `more-actions-${createUniqueId()}`;
  let toggle: HTMLButtonElement | undefined;
  let panel: HTMLDivElement | undefined;

  const show = () => {
    setOpen(true);
    panel?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !open()) return;
    // The contact dialog inside handles its own Esc and gives focus back to its button here.
    if ((event.target as Element).closest('dialog')) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggle?.focus();
  };

  const handleFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !panel?.contains(next) && next !== toggle) setOpen(false);
  };

  onMount(() => {
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel?.contains(target) && !toggle?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    onCleanup(() => document.removeEventListener('pointerdown', closeOutside));
  });

  return (
    <>
      <button
        ref={toggle}
        type="button"
        class="button button-small more-toggle"
        aria-expanded={open()}
        aria-controls={panelId}
        data-testid="more-actions"
        onClick={() => (open() ? setOpen(false) : show())}
      >
        More<span class="sr-only"> actions</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        class="thread-more"
        classList={{ 'thread-more-open': open() }}
        onKeyDown={handleKeyDown}
        onFocusOut={handleFocusOut}
      >
        {props.children}
      </div>
    </>
  );
}
