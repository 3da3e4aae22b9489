import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { AssistantStatusDto, SavedReplyDto, TagDto } from '@shared/automation.js';

import * as api from '../lib/automation-api.js';

/** Saved replies, tags and the writing assistant's status: loaded once, refreshed on change. */
interface AutomationState {
  savedReplies: SavedReplyDto[];
  savedRepliesLoaded: boolean;
  tags: TagDto[];
  tagsLoaded: boolean;
  assistant: AssistantStatusDto | null;
}

const [automation, setAutomation] = createStore<AutomationState>({
  savedReplies: [],
  savedRepliesLoaded: false,
  tags: [],
  tagsLoaded: false,
  assistant: null,
});

export { automation };

const byTitle = (a: SavedReplyDto, b: SavedReplyDto) => a.title.localeCompare(b.title);
const byName = (a: TagDto, b: TagDto) => a.name.localeCompare(b.name);

export async function loadSavedReplies(): Promise<void> {
  const { savedReplies } = await api.listSavedReplies();
  batch(() => {
    setAutomation('savedReplies', reconcile([...savedReplies].sort(byTitle)));
    setAutomation('savedRepliesLoaded', true);
  });
}

export function upsertSavedReply(reply: SavedReplyDto): void {
  const others = automation.savedReplies.filter((existing) => existing.id !== reply.id);
  setAutomation('savedReplies', reconcile([...others, reply].sort(byTitle)));
}

export function removeSavedReply(id: number): void {
  setAutomation('savedReplies', (list) => list.filter((reply) => reply.id !== id));
}

export async function loadTags(): Promise<void> {
  const { tags } = await api.listTags();
  batch(() => {
    setAutomation('tags', reconcile([...tags].sort(byName)));
    setAutomation('tagsLoaded', true);
  });
}

export function upsertTag(tag: TagDto): void {
  const others = automation.tags.filter((existing) => existing.id !== tag.id);
  setAutomation('tags', reconcile([...others, tag].sort(byName)));
}

export function removeTag(id: number): void {
  setAutomation('tags', (list) => list.filter((tag) => tag.id !== id));
}

export const findTagByName = (name: string): TagDto | undefined =>
  automation.tags.find((tag) => tag.name.toLowerCase() === name.toLowerCase());

export async function loadAssistant(): Promise<AssistantStatusDto> {
  if (automation.assistant) return automation.assistant;
  const status = await api.getAssistant();
  setAutomation('assistant', status);
  return status;
}
