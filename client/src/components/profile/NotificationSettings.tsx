import { createSignal, Show } from 'solid-js';

import { errorMessage, type ProfileChange, updateMe } from '../../lib/api.js';
import { askPermission, permission } from '../../lib/notifications.js';
import { currentUser, updateCurrentUser } from '../../stores/session.store.js';
import { Alert } from '../common/Alert.jsx';

type Switch = 'emailNotifications' | 'browserNotifications';

/** The user's two alert switches, each saved as soon as it is flipped. */
export function NotificationSettings() {
  const [busy, setBusy] = createSignal<Switch | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const browserHint = () => {
    switch (permission()) {
      case 'unsupported':
        return 'This browser cannot show notifications: sound only.';
      case 'denied':
        return 'The browser blocks notifications here (sound only): allow them in site settings.';
      case 'default':
        return 'The browser asks once for permission when you turn this on.';
    }
    return 'A sound and a notification for new texts in threads you have or take part in.';
  };

  const handleChange = async (name: Switch, value: boolean) => {
    setBusy(name);
    setSaved(null);
    setError(null);
    try {
      if (name === 'browserNotifications' && value && permission() === 'default') {
        await askPermission();
      }
      const change: ProfileChange = { [name]: value };
      const { user } = await updateMe(change);
      updateCurrentUser(user);
      setSaved(value ? 'Turned on.' : 'Turned off.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (name: Switch, label: string, hint: () => string) => (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          checked={Boolean(currentUser()?.[name])}
          disabled={busy() !== null}
          aria-describedby={`profile-${name}-hint`}
          onChange={(event) => void handleChange(name, event.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      <p class="field-hint profile-check-hint" id={`profile-${name}-hint`}>
        {hint()}
      </p>
    </div>
  );

  return (
    <section class="card card-padded stack" aria-labelledby="me-alerts">
      <h2 id="me-alerts" class="card-title">
        Notifications
      </h2>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      {toggle(
        'emailNotifications',
        'Email me student replies in my conversations',
        () =>
          'An email for each student text in a thread you take part in. Without a mail server ' +
          'they land in My notifications.',
      )}
      {toggle('browserNotifications', 'Browser notifications and sound', browserHint)}
      <p class="muted profile-saved" role="status">
        {saved()}
      </p>
    </section>
  );
}
