import { createSignal } from 'solid-js';

import * as api from '../../lib/api.js';
import { askPermission, permission } from '../../lib/notifications.js';
import { showNotice } from '../../stores/notices.store.js';
import { currentUser, updateCurrentUser } from '../../stores/session.store.js';

/**
 * The user's switch for new-text alerts (a sound, and browser notifications once the browser
 * allows them). The switch is kept on the account (`browserNotifications`); the permission is
 * asked only from this button, as browsers require.
 */
export function NotificationToggle(props: { testId?: string }) {
  const [busy, setBusy] = createSignal(false);
  const on = () => Boolean(currentUser()?.browserNotifications);

  const label = () => {
    if (!on()) return 'Alerts off';
    if (permission() === 'default') return 'Allow alerts';
    if (permission() === 'denied') return 'Alerts: sound only';
    return 'Alerts on';
  };
  const hint = () =>
    permission() === 'denied'
      ? 'The browser blocks notifications for this site; allow them in its site settings.'
      : 'A sound and a notification for new texts in your threads';

  const save = async (value: boolean) => {
    const { user } = await api.updateMe({ browserNotifications: value });
    updateCurrentUser(user);
  };

  const handleClick = async () => {
    setBusy(true);
    try {
      if (on() && permission() === 'default') await askPermission();
      else if (on()) await save(false);
      else {
        if (permission() === 'default') await askPermission();
        await save(true);
      }
    } catch (failure) {
      showNotice(api.errorMessage(failure), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      class="button button-ghost button-small notification-toggle"
      data-testid={props.testId ?? 'notification-toggle'}
      aria-pressed={on()}
      title={hint()}
      disabled={busy()}
      onClick={() => void handleClick()}
    >
      {label()}
    </button>
  );
}
