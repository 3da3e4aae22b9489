import { batch } from 'solid-js';
import { createStore } from 'solid-js/store';

import type { UserDto } from '@shared/dto.js';

import * as api from '../lib/api.js';
import { navigate } from '../lib/router.js';

export type SessionStatus = 'loading' | 'signed-out' | 'needs-setup' | 'signed-in';

interface SessionState {
  status: SessionStatus;
  user: UserDto | null;
  /** Why the session ended, when it ended on its own (expired, deactivated). */
  notice: string | null;
}

const [session, setSession] = createStore<SessionState>({
  status: 'loading',
  user: null,
  notice: null,
});

export { session };

export const currentUser = (): UserDto | null => session.user;

export const isSupervisor = (): boolean =>
  session.user?.role === 'supervisor' || session.user?.role === 'admin';

export const isAdmin = (): boolean => session.user?.role === 'admin';

/** Asks the server who is signed in; a 401 leads to sign-in, or to first-admin setup. */
export async function loadSession(): Promise<void> {
  try {
    const { user } = await api.getMe();
    setSession({ status: 'signed-in', user, notice: null });
  } catch {
    const setup = await api.getSetup().catch(() => ({ needsSetup: false }));
    setSession({ status: setup.needsSetup ? 'needs-setup' : 'signed-out', user: null });
  }
}

export function startSession(user: UserDto): void {
  setSession({ status: 'signed-in', user, notice: null });
}

export async function signIn(email: string, password: string): Promise<void> {
  const { user } = await api.login(email, password);
  startSession(user);
}

/** Ends the session at plain /login: the next person to sign in starts at their own inbox. */
export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  batch(() => {
    setSession({ status: 'signed-out', user: null, notice: null });
    navigate('/login');
  });
}

/** The server no longer knows this session (expired, or the user was deactivated). */
export function expireSession(): void {
  if (session.status !== 'signed-in') return;
  setSession({
    status: 'signed-out',
    user: null,
    notice: 'Your session ended. Sign in again to continue.',
  });
}

export function updateCurrentUser(user: UserDto): void {
  if (session.user?.id === user.id) setSession('user', user);
}

api.onUnauthorized(expireSession);
