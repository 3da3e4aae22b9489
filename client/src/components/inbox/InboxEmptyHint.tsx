import { inbox } from '../../stores/inbox.store.js';

const BY_VIEW: Record<string, string> = {
  all: 'When a student texts in or someone starts a thread, it shows up here.',
  mine: 'Nothing is assigned to you right now. Unassigned conversations wait for whoever is free.',
  unassigned: 'Every conversation has someone on it.',
  participating: 'Conversations you reply to or join show up here.',
};

/** Why this inbox view is empty, in words that fit the view, the search and the filters. */
function emptyReason(): string {
  const { q, tag, status, view } = inbox.filter;
  if (q) return `Nothing matches “${q}”. Try a name, a number or a word from a text.`;
  if (tag) return `No conversations tagged “${tag}” in this view.`;
  if (status === 'closed') return 'No closed conversations in this view.';
  if (view.startsWith('team:')) return 'Nothing is assigned to this team right now.';
  return BY_VIEW[view] ?? BY_VIEW.all!;
}

export function InboxEmptyHint() {
  return <p class="muted">{emptyReason()}</p>;
}
