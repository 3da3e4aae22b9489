import { createSignal, For, Show } from 'solid-js';

import type { Role } from '@shared/dto.js';

import { createUser, errorMessage } from '../../lib/api.js';
import { refocusIfLost } from '../../lib/focus.js';
import { upsertUser } from '../../stores/directory.store.js';
import { showNotice } from '../../stores/notices.store.js';
import { Alert } from '../common/Alert.jsx';

export const ROLES: { value: Role; label: string }[] = [
  { value: 'counselor', label: 'Counselor' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'admin', label: 'Admin' },
];

export function NewUserForm() {
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('counselor');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let nameInput: HTMLInputElement | undefined;
  let submitButton: HTMLButtonElement | undefined;

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await createUser({
        name: name().trim(),
        email: email().trim(),
        role: role(),
        password: password(),
      });
      upsertUser(user);
      showNotice(`${user.name} can now sign in.`);
      setName('');
      setEmail('');
      setPassword('');
      setRole('counselor');
      nameInput?.focus();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      refocusIfLost(() => submitButton);
    }
  };

  return (
    <form class="card card-padded stack" onSubmit={handleSubmit} aria-labelledby="new-user">
      <h2 id="new-user" class="card-title">
        Add a user
      </h2>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <div class="field-row">
        <div class="field">
          <label class="field-label" for="user-name">
            Name
          </label>
          <input
            ref={nameInput}
            id="user-name"
            required
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="user-email">
            Email
          </label>
          <input
            id="user-email"
            type="email"
            required
            autocomplete="off"
            value={email()}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label class="field-label" for="user-role">
            Role
          </label>
          <select
            id="user-role"
            value={role()}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          >
            <For each={ROLES}>
              {(option) => <option value={option.value}>{option.label}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="user-password">
            Temporary password
          </label>
          <input
            id="user-password"
            type="password"
            required
            autocomplete="new-password"
            aria-describedby="user-password-hint"
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <p class="field-hint" id="user-password-hint">
            At least 10 characters. Share it with them privately.
          </p>
        </div>
      </div>
      <div class="form-actions">
        <button ref={submitButton} type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
