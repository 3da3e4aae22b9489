import { createSignal, type JSX, Show } from 'solid-js';

import { ApiError, errorMessage, updateMe } from '../../lib/api.js';
import { showNotice } from '../../stores/notices.store.js';
import { updateCurrentUser } from '../../stores/session.store.js';
import { Alert } from '../common/Alert.jsx';
import { RequiredMark } from '../common/RequiredMark.jsx';

const MIN_PASSWORD = 10;

type Field = 'current' | 'next' | 'confirm';

/** Changes the password: the current one first; every other session of the user then ends. */
export function PasswordForm() {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!current()) found.current = 'Enter your current password.';
    if (next().length < MIN_PASSWORD) {
      found.next = `Choose a new password of at least ${MIN_PASSWORD} characters.`;
    }
    if (confirm() !== next()) found.confirm = 'The two new passwords differ.';
    return found;
  };

  const showErrors = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = (['current', 'next', 'confirm'] as const).find((name) => found[name]);
    if (first) document.getElementById(`profile-password-${first}`)?.focus();
  };

  const handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = check();
    showErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    try {
      const { user } = await updateMe({ password: next(), currentPassword: current() });
      updateCurrentUser(user);
      setCurrent('');
      setNext('');
      setConfirm('');
      showNotice('Password changed. Your other devices are signed out.');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'wrong_password') {
        showErrors({ current: 'That is not your current password.' });
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: Field,
    label: string,
    value: () => string,
    onInput: (value: string) => void,
    extra: { autocomplete: string; hint?: string },
  ): JSX.Element => {
    const id = `profile-password-${name}`;
    const describedBy = () => (errors()[name] ? `${id}-error` : extra.hint ? `${id}-hint` : '');
    return (
      <div class="field">
        <label class="field-label" for={id}>
          {label} <RequiredMark />
        </label>
        <input
          id={id}
          type="password"
          autocomplete={extra.autocomplete}
          aria-required="true"
          aria-invalid={errors()[name] ? true : undefined}
          aria-describedby={describedBy() || undefined}
          value={value()}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <Show
          when={errors()[name]}
          fallback={
            <Show when={extra.hint}>
              <p class="field-hint" id={`${id}-hint`}>
                {extra.hint}
              </p>
            </Show>
          }
        >
          <p class="field-error" id={`${id}-error`}>
            {errors()[name]}
          </p>
        </Show>
      </div>
    );
  };

  return (
    <form
      class="card card-padded stack"
      onSubmit={handleSubmit}
      novalidate
      aria-labelledby="me-password"
    >
      <h2 id="me-password" class="card-title">
        Password
      </h2>
      <Show when={failure()}>
        <Alert>{failure()}</Alert>
      </Show>
      {field('current', 'Current password', current, setCurrent, {
        autocomplete: 'current-password',
      })}
      <div class="field-row">
        {field('next', 'New password', next, setNext, {
          autocomplete: 'new-password',
          hint: `At least ${MIN_PASSWORD} characters.`,
        })}
        {field('confirm', 'New password again', confirm, setConfirm, {
          autocomplete: 'new-password',
        })}
      </div>
      <p class="field-hint">Changing it signs you out on every other device.</p>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
