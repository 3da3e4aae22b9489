import { For } from 'solid-js';

import { type AssignmentChange, board } from '../../stores/board.store.js';
import { assigneeName } from '../../stores/directory.store.js';
import { findConversation } from '../../stores/inbox.store.js';
import { TimeText } from '../common/TimeText.jsx';

function describe(change: AssignmentChange): string {
  const actor = change.actorName ?? 'A rule';
  const name = findConversation(change.conversationId)?.name ?? change.conversationName;
  const title = name ? `“${name}”` : 'a conversation';
  if (!change.assignee) return `${actor} unassigned ${title}`;
  const self = change.assignee.type === 'user' && change.assignee.id === change.actorId;
  if (self) return `${actor} took ${title}`;
  return `${actor} assigned ${title} to ${assigneeName(change.assignee)}`;
}

/** Assignment changes as they happen, newest first. */
export function AssignmentFeed() {
  return (
    <section class="card feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading" class="card-title card-padded-title">
        Live assignment feed
      </h2>
      <ol class="feed-list" aria-live="polite">
        <For
          each={board.feed}
          fallback={
            <li class="feed-empty muted">
              {board.loaded
                ? 'Assignment changes appear here as they happen.'
                : 'Loading recent assignments…'}
            </li>
          }
        >
          {(change) => (
            <li class="feed-item">
              <a href={`/c/${change.conversationId}`}>{describe(change)}</a>
              <span class="muted">
                {' · '}
                <TimeText at={change.at} style="ago" />
              </span>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
