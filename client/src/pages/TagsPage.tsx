import { createSignal, For, onMount, Show } from 'solid-js';

import { TAG_COLORS, type TagColor } from '@shared/automation.js';

import { SettingsNav } from '../components/admin/SettingsNav.jsx';
import { TagRow } from '../components/admin/TagRow.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { errorMessage } from '../lib/api.js';
import { createTag } from '../lib/automation-api.js';
import { automation, loadTags, upsertTag } from '../stores/automation.store.js';

/** Settings → Tags: the labels staff put on conversations and filter the inbox by. */
export function TagsPage() {
  const [name, setName] = createSignal('');
  const [color, setColor] = createSignal<TagColor>('slate');
  const [error, setError] = createSignal<string | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);

  const fetchTags = () => {
    setLoadError(null);
    void loadTags().catch((failure) => setLoadError(errorMessage(failure)));
  };

  onMount(fetchTags);

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    try {
      upsertTag((await createTag({ name: name().trim(), color: color() })).tag);
      setName('');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div class="page">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Tags
          </h1>
          <p class="page-intro">
            Staff tag conversations from the thread; the inbox filters by tag. Rules can tag too.
          </p>
        </div>
      </header>
      <div class="card">
        <ListGate
          loaded={automation.tagsLoaded}
          error={loadError()}
          onRetry={fetchTags}
          count={automation.tags.length}
          noun="tags"
          empty="No tags yet. Add one below or from any thread."
          size="row"
        >
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">Tags</caption>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Colour</th>
                  <th scope="col">Used on</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={automation.tags}>{(tag) => <TagRow tag={tag} />}</For>
              </tbody>
            </table>
          </div>
        </ListGate>
      </div>

      <form class="card card-padded stack" onSubmit={handleSubmit} aria-labelledby="new-tag">
        <h2 id="new-tag" class="card-title">
          Add a tag
        </h2>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>
        <div class="field-row">
          <div class="field">
            <label class="field-label" for="tag-name">
              Name
            </label>
            <input
              id="tag-name"
              required
              maxLength={40}
              placeholder="e.g. Financial aid"
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label class="field-label" for="tag-color">
              Colour
            </label>
            <select
              id="tag-color"
              value={color()}
              onChange={(event) => setColor(event.currentTarget.value as TagColor)}
            >
              <For each={TAG_COLORS}>{(value) => <option value={value}>{value}</option>}</For>
            </select>
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            Add tag
          </button>
        </div>
      </form>
    </div>
  );
}
