import { openShortcutHelp } from '../../stores/shortcuts.store.js';

/** Lets mouse users find the shortcuts too; the same dialog `?` opens. */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      class="button button-ghost shortcuts-button"
      aria-keyshortcuts="Shift+?"
      title="Keyboard shortcuts (?)"
      onClick={openShortcutHelp}
    >
      <kbd aria-hidden="true">?</kbd>
      <span class="shortcuts-button-label">Keyboard shortcuts</span>
    </button>
  );
}
