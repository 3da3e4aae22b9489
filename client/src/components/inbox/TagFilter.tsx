import { For, onMount } from 'solid-js';

import { automation, loadTags } from '../../stores/automation.store.js';
import { inbox, setInboxFilter } from '../../stores/inbox.store.js';

/** Narrows the inbox to the threads carrying one tag; always there, so nothing moves later. */
export function TagFilter() {
  onMount(() => {
    if (!automation.tagsLoaded) void loadTags().catch(() => undefined);
  });
  const noTags = () => automation.tags.length === 0 && !inbox.filter.tag;

  return (
    <label class="inline-field tag-filter">
      <span class="sr-only">Tag</span>
      <select
        value={inbox.filter.tag}
        data-testid="tag-filter"
        disabled={noTags()}
        onFocus={() => void loadTags().catch(() => undefined)}
        onChange={(event) => setInboxFilter({ tag: event.currentTarget.value })}
      >
        <option value="">{noTags() ? 'No tags yet' : 'Any tag'}</option>
        <For each={automation.tags}>{(tag) => <option value={tag.name}>{tag.name}</option>}</For>
      </select>
    </label>
  );
}
