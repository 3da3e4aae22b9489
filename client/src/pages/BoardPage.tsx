import { createMemo, For, onMount, Show } from 'solid-js';

import type { ConversationDto } from '@shared/dto.js';

import { AssignmentFeed } from '../components/admin/AssignmentFeed.jsx';
import { BoardColumn } from '../components/admin/BoardColumn.jsx';
import { ListState } from '../components/common/ListState.jsx';
import { board, loadBoard } from '../stores/board.store.js';
import { directory } from '../stores/directory.store.js';
import { inbox } from '../stores/inbox.store.js';

interface Column {
  id: string;
  title: string;
  kind: 'user' | 'team' | 'none';
  conversations: ConversationDto[];
}

const newestFirst = (a: ConversationDto, b: ConversationDto) =>
  Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);

/** Open work per assignee, live, beside a feed of who assigned what. */
export function BoardPage() {
  onMount(() => void loadBoard());

  const columns = createMemo<Column[]>(() => {
    const open = Object.values(inbox.byId)
      .filter((conversation) => conversation.status === 'open')
      .sort(newestFirst);
    const keyOf = (conversation: ConversationDto) =>
      conversation.assignee ? `${conversation.assignee.type}-${conversation.assignee.id}` : 'none';
    const groups = new Map<string, ConversationDto[]>();
    for (const conversation of open) {
      const key = keyOf(conversation);
      groups.set(key, [...(groups.get(key) ?? []), conversation]);
    }
    const users = directory.users.filter((user) => user.active || groups.has(`user-${user.id}`));
    return [
      { id: 'none', title: 'Unassigned', kind: 'none', conversations: groups.get('none') ?? [] },
      ...directory.teams.map((team) => ({
        id: `team-${team.id}`,
        title: team.name,
        kind: 'team' as const,
        conversations: groups.get(`team-${team.id}`) ?? [],
      })),
      ...users.map((user) => ({
        id: `user-${user.id}`,
        title: user.name,
        kind: 'user' as const,
        conversations: groups.get(`user-${user.id}`) ?? [],
      })),
    ];
  });

  const totalOpen = () => columns().reduce((sum, column) => sum + column.conversations.length, 0);

  return (
    <div class="page page-wide">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Assignment board
          </h1>
          <p class="page-intro">
            <Show when={board.loaded} fallback="Loading open conversations…">
              {totalOpen()} open {totalOpen() === 1 ? 'conversation' : 'conversations'}, live.
            </Show>
          </p>
        </div>
      </header>
      <Show when={board.error}>
        <ListState
          kind="error"
          message={`The board could not be loaded: ${board.error}`}
          onRetry={() => void loadBoard()}
          size="row"
        />
      </Show>
      <div class="board-layout">
        <Show
          when={board.loaded}
          fallback={
            <Show when={!board.error}>
              <ListState kind="loading" message="Loading open conversations…" />
            </Show>
          }
        >
          <div class="board-columns">
            <For each={columns()}>
              {(column) => (
                <BoardColumn
                  id={column.id}
                  title={column.title}
                  kind={column.kind}
                  conversations={column.conversations}
                />
              )}
            </For>
          </div>
        </Show>
        <AssignmentFeed />
      </div>
    </div>
  );
}
