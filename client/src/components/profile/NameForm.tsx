import { createSignal, Show } from 'solid-js';

import { TEMPLATE_FIELDS, type TemplateFieldKey } from '@shared/template.js';

import { errorMessage, updateMe } from '../../lib/api.js';
import { upsertUser } from '../../stores/directory.store.js';
import { showNotice } from '../../stores/notices.store.js';
import { currentUser, updateCurrentUser } from '../../stores/session.store.js';
import { RequiredMark } from '../common/RequiredMark.jsx';

const fieldLabel = (key: TemplateFieldKey) =>
  TEMPLATE_FIELDS.find((field) => field.key === key)?.label ?? key;

/** The user's own display name, as colleagues and the saved-reply name fields see it. */
export function NameForm() {
  const [name, setName] = createSignal(currentUser()?.name ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const unchanged = () => name().trim() === (currentUser()?.name ?? '');

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!name().trim()) return void setError('Enter your name.');

    setBusy(true);
    setError(null);
    try {
      const { user } = await updateMe({ name: name().trim() });
      updateCurrentUser(user);
      upsertUser(user);
      setName(user.name);
      showNotice('Your name is saved.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="card card-padded stack"
      onSubmit={handleSubmit}
      novalidate
      aria-labelledby="me-name"
    >
      <h2 id="me-name" class="card-title">
        Name
      </h2>
      <div class="field">
        <label class="field-label" for="profile-name">
          Your name <RequiredMark />
        </label>
        <input
          id="profile-name"
          autocomplete="name"
          maxLength={100}
          aria-required="true"
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? 'profile-name-error' : 'profile-name-hint'}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <Show
          when={error()}
          fallback={
            <p class="field-hint" id="profile-name-hint">
              Colleagues see it on threads. Saved replies fill it in where they say “
              {fieldLabel('user.name')}”, and its first word where they say “
              {fieldLabel('user.firstName')}”.
            </p>
          }
        >
          <p class="field-error" id="profile-name-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy() || unchanged()}>
          {busy() ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
