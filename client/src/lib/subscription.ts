import { createSignal } from 'solid-js';

import { putContact } from '../stores/contacts.store.js';
import { errorMessage, setContactSubscription } from './api.js';

/**
 * A staff opt-out or opt-in of one contact, for any control that offers it: busy while the
 * request is out, the server's words when it fails, the contacts store updated when it works.
 */
export function createSubscriptionAction(contactId: () => number) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const setSubscribed = async (subscribe: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await setContactSubscription(contactId(), subscribe);
      putContact(answer.contact);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setSubscribed };
}
