import { createHash, randomBytes } from 'node:crypto';

import { and, eq, gt } from 'drizzle-orm';

import type { Deps } from '../../context.js';
import { sessions, users } from '../../db/schema.js';
import type { UserRow } from '../users/user.presenter.js';

export const SESSION_COOKIE = 'sb_session';
const SESSION_DAYS = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Starts a session; returns the cookie token (only its hash is stored). */
export function createSession(deps: Deps, userId: number): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  deps.db.orm
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  return { token, expiresAt };
}

/** The active user behind a session token, or null. */
export function findSessionUser(deps: Deps, token: string | undefined): UserRow | null {
  if (!token || token.length > 200) return null;
  const row = deps.db.orm
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, hashToken(token)),
        gt(sessions.expiresAt, deps.clock.now().toISOString()),
        eq(users.active, true),
      ),
    )
    .get();
  return row?.user ?? null;
}

export function sessionIdOf(token: string): string {
  return hashToken(token);
}

export function deleteSession(deps: Deps, token: string): void {
  deps.db.orm
    .delete(sessions)
    .where(eq(sessions.id, hashToken(token)))
    .run();
}

export function deleteUserSessions(deps: Deps, userId: number): void {
  deps.db.orm.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
