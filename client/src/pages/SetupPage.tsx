import { createSignal, onMount, Show } from 'solid-js';

import { Alert } from '../components/common/Alert.jsx';
import { AuthLayout } from '../components/common/AuthLayout.jsx';
import { FieldError } from '../components/common/FieldError.jsx';
import { completeSetup, errorMessage } from '../lib/api.js';
import { currentQuery } from '../lib/router.js';
import { startSession } from '../stores/session.store.js';

const MIN_PASSWORD = 10;

/** First start: the one-time token printed by the server creates the first admin. */
export function SetupPage() {
  const tokenFromLink = currentQuery().get('token') ?? '';
  const [token, setToken] = createSignal(tokenFromLink);
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [passwordError, setPasswordError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let passwordInput: HTMLInputElement | undefined;
  let form: HTMLFormElement | undefined;
  onMount(() => form?.querySelector('input')?.focus());

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (password().length < MIN_PASSWORD) {
      setPasswordError(`Choose a password of at least ${MIN_PASSWORD} characters.`);
      passwordInput?.focus();
      return;
    }
    setPasswordError(null);
    setBusy(true);
    try {
      const { user } = await completeSetup({
        token: token().trim(),
        name: name().trim(),
        email: email().trim(),
        password: password(),
      });
      startSession(user);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Set up Switchboard"
      intro="Create the first admin account. You can invite the rest of the office afterwards."
    >
      <form ref={form} class="stack" onSubmit={handleSubmit}>
        <Show when={error()}>
          <Alert>{error()}</Alert>
        </Show>
        <Show when={!tokenFromLink}>
          <div class="field">
            <label class="field-label" for="setup-token">
              Setup token
            </label>
            <input
              id="setup-token"
              required
              autocomplete="off"
              aria-describedby="setup-token-hint"
              value={token()}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
            <p class="field-hint" id="setup-token-hint">
              The server printed it in its log when it first started.
            </p>
          </div>
        </Show>
        <div class="field">
          <label class="field-label" for="setup-name">
            Your name
          </label>
          <input
            id="setup-name"
            required
            autocomplete="name"
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="setup-email">
            Email
          </label>
          <input
            id="setup-email"
            type="email"
            required
            autocomplete="username"
            value={email()}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="setup-password">
            Password
          </label>
          <input
            ref={passwordInput}
            id="setup-password"
            type="password"
            required
            autocomplete="new-password"
            aria-describedby={
              passwordError() ? 'setup-password-hint setup-password-error' : 'setup-password-hint'
            }
            aria-invalid={passwordError() ? true : undefined}
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <p class="field-hint" id="setup-password-hint">
            At least {MIN_PASSWORD} characters.
          </p>
          <FieldError id="setup-password-error" message={passwordError()} />
        </div>
        <button type="submit" class="button button-primary button-block" disabled={busy()}>
          {busy() ? 'Creating account…' : 'Create admin account'}
        </button>
      </form>
    </AuthLayout>
  );
}
