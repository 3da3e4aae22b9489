import { For } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { TimeText } from '../common/TimeText.jsx';

interface BoardColumnProps {
  id: string;
  title: string;
  kind: 'user' | 'team' | 'none';
  conversations: ConversationDto[];
}

const KIND_LABELS = { user: 'Person', team: 'Team', none: 'Waiting for an owner' } as const;

export function BoardColumn(props: BoardColumnProps) {
  const headingId = `board-${props.id}`;

  return (
    <section class={`board-column board-column-${props.kind}`} aria-labelledby={headingId}>
      <header class="board-column-header">
        <div class="board-column-heading">
          <h2 id={headingId} class="board-column-title">
            {props.title}
          </h2>
          <span class="board-kind">{KIND_LABELS[props.kind]}</span>
        </div>
        <span class="board-count">
          {props.conversations.length}
          <span class="sr-only"> open</span>
        </span>
      </header>
      <ul class="board-list">
        <For each={props.conversations} fallback={<li class="board-empty">Nothing open</li>}>
          {(conversation) => (
            <li>
              <a class="board-item" href={`/c/${conversation.id}`}>
                <span class="board-item-name">{conversation.name}</span>
                <span class="board-item-meta">
                  {conversation.contactName} ·{' '}
                  <TimeText at={conversation.lastMessageAt} style="list" />
                </span>
              </a>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
