const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The key that, held with Enter, sends a text. */
export const SEND_MODIFIER = isMac ? '⌘' : 'Ctrl';

export interface ShortcutEntry {
  /** Each item is one way to press it; a space inside an item means one key after the other. */
  keys: string[];
  action: string;
  /** Listed only for supervisors and admins, whose pages these keys open. */
  supervisorOnly?: boolean;
}

export interface ShortcutGroup {
  title: string;
  entries: ShortcutEntry[];
}

/** What the shortcuts dialog lists; the bindings live beside the controls they drive. */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    entries: [
      { keys: ['?'], action: 'Show these shortcuts' },
      { keys: ['g i'], action: 'Go to the inbox' },
      { keys: ['g c'], action: 'Go to contacts' },
      { keys: ['g b'], action: 'Go to the board', supervisorOnly: true },
      { keys: ['g r'], action: 'Go to reports', supervisorOnly: true },
      { keys: ['n'], action: 'Start a new conversation' },
    ],
  },
  {
    title: 'Inbox',
    entries: [
      { keys: ['j', '↓'], action: 'Next conversation' },
      { keys: ['k', '↑'], action: 'Previous conversation' },
      { keys: ['Home', 'End'], action: 'First or last conversation' },
      { keys: ['Enter', 'o'], action: 'Open the conversation' },
      { keys: ['/'], action: 'Search conversations' },
    ],
  },
  {
    title: 'Thread',
    entries: [
      { keys: ['j', 'k'], action: 'Open the next or previous conversation' },
      { keys: ['r'], action: 'Write a reply' },
      { keys: ['s'], action: 'Insert a saved reply' },
      { keys: ['a'], action: 'Assign to me' },
      { keys: ['e'], action: 'Close the conversation, or reopen a closed one' },
      { keys: ['Esc'], action: 'Back to the conversation list' },
    ],
  },
  {
    title: 'Composer',
    entries: [
      { keys: [`${SEND_MODIFIER}+Enter`], action: 'Send the text' },
      { keys: ['/'], action: 'Saved replies, at the start of a word' },
      { keys: ['↑', '↓'], action: 'Choose a saved reply' },
      { keys: ['Enter', 'Tab'], action: 'Insert the saved reply' },
      { keys: ['Esc'], action: 'Close the saved replies, or go back to the list' },
    ],
  },
];

/** The groups this person can use: supervisor pages are left out for counselors. */
export function shortcutGroupsFor(supervisor: boolean): ShortcutGroup[] {
  return SHORTCUT_GROUPS.map((group) => ({
    ...group,
    entries: group.entries.filter((entry) => supervisor || !entry.supervisorOnly),
  }));
}
