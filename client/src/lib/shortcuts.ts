/**
 * Single-key shortcuts for the whole app: one keydown listener, and a registry that components
 * bind their keys into while they are on screen. Keys are what `KeyboardEvent.key` says (`j`,
 * `?`, `E` for Shift+E, `Escape`), or two of them a space apart (`g i`) for a sequence.
 */
export interface Shortcut {
  key: string;
  run: (event: KeyboardEvent) => void;
  /** Fires while a text field has the focus too; only Escape should need this. */
  inFields?: boolean;
  /** The key passes through to the page (and to earlier bindings) while this answers false. */
  when?: () => boolean;
}

/** How long the second key of a sequence may take. */
export const SEQUENCE_MS = 1_500;

const TYPING_SELECTOR = 'textarea, select, [contenteditable]:not([contenteditable="false"])';
const NOT_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'reset', 'submit', 'range']);

let bindings: Shortcut[] = [];
let pending: { key: string; at: number } | null = null;

/** Adds a binding; the newest binding of a key wins. Returns the function that removes it. */
export function bindShortcut(shortcut: Shortcut): () => void {
  bindings = [...bindings, shortcut];
  return () => {
    bindings = bindings.filter((other) => other !== shortcut);
  };
}

/** Whether keys typed at this element belong to a field rather than to the shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(target.type);
  return target.closest(TYPING_SELECTOR) !== null;
}

function findBinding(key: string, typing: boolean): Shortcut | undefined {
  for (let index = bindings.length - 1; index >= 0; index -= 1) {
    const shortcut = bindings[index]!;
    if (shortcut.key !== key || (typing && !shortcut.inFields)) continue;
    if (shortcut.when?.() ?? true) return shortcut;
  }
  return undefined;
}

const startsSequence = (key: string) =>
  bindings.some((shortcut) => shortcut.key.startsWith(`${key} `));

function sequenceKey(key: string, now: number): string | null {
  const first = pending;
  pending = null;
  return first && now - first.at <= SEQUENCE_MS ? `${first.key} ${key}` : null;
}

/** The listener: runs the binding for the key, unless a field, a dialog or a modifier owns it. */
export function handleShortcutKey(event: KeyboardEvent, now = Date.now()): void {
  if (event.defaultPrevented || event.isComposing) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('dialog, [role="dialog"], [role="alertdialog"]')) return;

  const typing = isTypingTarget(target);
  const combined = typing ? null : sequenceKey(event.key, now);
  const shortcut = (combined && findBinding(combined, false)) || findBinding(event.key, typing);
  if (shortcut) {
    event.preventDefault();
    shortcut.run(event);
  } else if (!typing && startsSequence(event.key)) {
    pending = { key: event.key, at: now };
  }
}

/**
 * Starts listening on the window: it hears a key after the page's own handlers (Solid delegates
 * them to the document), so a field or popup that used the key has already prevented it.
 */
export function startShortcuts(target: Window = window): () => void {
  const listener = (event: KeyboardEvent) => handleShortcutKey(event);
  target.addEventListener('keydown', listener);
  return () => {
    target.removeEventListener('keydown', listener);
    pending = null;
  };
}

/** Forgets every binding and any half-typed sequence (tests start from nothing). */
export function resetShortcuts(): void {
  bindings = [];
  pending = null;
}
