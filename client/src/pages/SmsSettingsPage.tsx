import { createSignal, For, onMount, Show } from 'solid-js';

import type { SavedReplyDto } from '@shared/automation.js';

import { SavedReplyForm } from '../components/admin/SavedReplyForm.jsx';
import { SettingsNav } from '../components/admin/SettingsNav.jsx';
import { Alert } from '../components/common/Alert.jsx';
import { ListGate } from '../components/common/ListGate.jsx';
import { TemplateText } from '../components/common/TemplateText.jsx';
import { errorMessage } from '../lib/api.js';
import { deleteSavedReply, getSettings } from '../lib/automation-api.js';
import { scrollBehavior } from '../lib/motion.js';
import { automation, loadSavedReplies, removeSavedReply } from '../stores/automation.store.js';
import { showNotice } from '../stores/notices.store.js';

/** Settings → Saved replies: the office's saved replies (the page is still at /settings/sms). */
export function SmsSettingsPage() {
  const [editing, setEditing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [officeName, setOfficeName] = createSignal('Student Services');
  const [loadError, setLoadError] = createSignal<string | null>(null);

  const fetchReplies = () => {
    setLoadError(null);
    void loadSavedReplies().catch((failure) => setLoadError(errorMessage(failure)));
  };

  onMount(() => {
    fetchReplies();
    void getSettings()
      .then(({ settings }) => setOfficeName(settings.officeName))
      .catch(() => undefined);
  });

  /** Confirms the save and brings the reply's row into view with the focus on it. */
  const handleSaved = (reply: SavedReplyDto, added: boolean) => {
    showNotice(`Saved reply “${reply.title}” ${added ? 'added' : 'saved'}.`);
    queueMicrotask(() => {
      const title = document.getElementById(`saved-reply-title-${reply.id}`);
      title?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      title?.focus({ preventScroll: true });
    });
  };

  const handleDelete = async (id: number, title: string) => {
    if (!window.confirm(`Delete the saved reply “${title}”?`)) return;
    setError(null);
    try {
      await deleteSavedReply(id);
      removeSavedReply(id);
      showNotice(`“${title}” deleted.`);
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
            Saved replies
          </h1>
          <p class="page-intro">
            Counselors insert them with the Saved reply button or by typing / in the composer.
            Fields fill in from the contact, the counselor and the office.
          </p>
        </div>
      </header>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>

      <section class="card" aria-labelledby="saved-replies-title">
        <h2 id="saved-replies-title" class="card-title card-padded-title">
          The office's saved replies
        </h2>
        <ListGate
          loaded={automation.savedRepliesLoaded}
          error={loadError()}
          onRetry={fetchReplies}
          count={automation.savedReplies.length}
          noun="saved replies"
          empty="No saved replies yet. Add the first one below."
          size="row"
        >
          <ul class="plain-list saved-reply-admin-list">
            <For each={automation.savedReplies}>
              {(reply) => (
                <li class="saved-reply-admin" data-testid="saved-reply-row">
                  <Show
                    when={editing() === reply.id}
                    fallback={
                      <div class="saved-reply-admin-row">
                        <div>
                          <p class="option-name" id={`saved-reply-title-${reply.id}`} tabindex="-1">
                            {reply.title}
                          </p>
                          <TemplateText class="saved-reply-admin-body" template={reply.body} />
                        </div>
                        <div class="cell-actions">
                          <button
                            type="button"
                            class="button button-small"
                            onClick={() => setEditing(reply.id)}
                          >
                            Edit<span class="sr-only"> {reply.title}</span>
                          </button>
                          <button
                            type="button"
                            class="button button-small button-danger"
                            onClick={() => void handleDelete(reply.id, reply.title)}
                          >
                            Delete<span class="sr-only"> {reply.title}</span>
                          </button>
                        </div>
                      </div>
                    }
                  >
                    <SavedReplyForm
                      reply={reply}
                      officeName={officeName()}
                      onDone={() => setEditing(null)}
                      onSaved={handleSaved}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </ListGate>
      </section>

      <section class="card card-padded" aria-labelledby="new-saved-reply">
        <h2 id="new-saved-reply" class="card-title">
          Add a saved reply
        </h2>
        <SavedReplyForm officeName={officeName()} onSaved={handleSaved} />
      </section>
    </div>
  );
}
