import { onCleanup, onMount } from 'solid-js';

import { navigate } from '../../lib/router.js';
import { bindShortcut, startShortcuts } from '../../lib/shortcuts.js';
import { isSupervisor } from '../../stores/session.store.js';
import { openShortcutHelp } from '../../stores/shortcuts.store.js';
import { ShortcutsDialog } from './ShortcutsDialog.jsx';

/** Starts the app's keyboard shortcuts, binds the ones that work on every page, and the dialog. */
export function KeyboardShortcuts() {
  onMount(() => {
    const stops = [
      startShortcuts(),
      bindShortcut({ key: '?', run: openShortcutHelp }),
      bindShortcut({ key: 'n', run: () => navigate('/new') }),
      bindShortcut({ key: 'g i', run: () => navigate('/') }),
      bindShortcut({ key: 'g c', run: () => navigate('/contacts') }),
      bindShortcut({ key: 'g b', when: isSupervisor, run: () => navigate('/board') }),
      bindShortcut({ key: 'g r', when: isSupervisor, run: () => navigate('/reports') }),
    ];
    onCleanup(() => stops.forEach((stop) => stop()));
  });

  return <ShortcutsDialog />;
}
