import { batch } from 'solid-js';

import { board, loadBoard, resetBoard } from './board.store.js';
import { resetContacts } from './contacts.store.js';
import { loadCounts, resetCounts } from './counts.store.js';
import { loadDirectory, resetDirectory } from './directory.store.js';
import { loadInbox, resetInbox } from './inbox.store.js';
import { loadedConversationIds, loadMessages, resetMessages } from './messages.store.js';
import { reloadThread, resetThread, thread } from './thread.store.js';

/** Refetches everything on screen: after the server reset its event log, or on first sync. */
export async function refreshAll(): Promise<void> {
  const openId = thread.openId;
  const others = loadedConversationIds().filter((id) => id !== openId);
  await Promise.all([
    loadDirectory(),
    loadInbox(),
    loadCounts(),
    openId === null ? undefined : reloadThread(openId),
    ...others.map((id) => loadMessages(id)),
    board.loaded ? loadBoard() : undefined,
  ]);
}

/** Forgets every store's data when the user signs out. */
export function resetAll(): void {
  batch(() => {
    resetInbox();
    resetCounts();
    resetMessages();
    resetThread();
    resetContacts();
    resetDirectory();
    resetBoard();
  });
}
