import { createSignal, onMount, Show } from 'solid-js';

import { Alert } from '../components/common/Alert.jsx';
import { AuthLayout } from '../components/common/AuthLayout.jsx';
import { errorMessage } from '../lib/api.js';
import { currentQuery } from '../lib/router.js';
import { session, signIn } from '../stores/session.store.js';

export function SignInPage() {
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const setupDone = () => currentQuery().get('setup') === 'done';
  let emailInput: HTMLInputElement | undefined;
  onMount(() => emailInput?.focus());

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(email().trim(), password());
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sign in" intro="Use the email and password your admin set up for you.">
      <form class="stack" onSubmit={handleSubmit} novalidate>
        <Show when={session.notice && !error()}>
          <Alert tone="info">{session.notice}</Alert>
        </Show>
        <Show when={setupDone() && !session.notice && !error()}>
          <Alert tone="info">Set-up is already done — sign in.</Alert>
        </Show>
        <Show when={error()}>
          <Alert id="login-error">{error()}</Alert>
        </Show>
        <div class="field">
          <label class="field-label" for="login-email">
            Email
          </label>
          <input
            ref={emailInput}
            id="login-email"
            type="email"
            autocomplete="username"
            required
            aria-describedby={error() ? 'login-error' : undefined}
            value={email()}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="login-password">
            Password
          </label>
          <input
            id="login-password"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby={error() ? 'login-error' : undefined}
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary button-block" disabled={busy()}>
          {busy() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
