import { eq } from 'drizzle-orm';
import { Router, type Response } from 'express';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { users } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import { currentUser, route } from '../../lib/http.js';
import { parse, z } from '../../lib/validate.js';
import { toUserDto } from '../users/user.presenter.js';
import { requireStaff } from './auth.middleware.js';
import { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { createSession, deleteSession, deleteUserSessions, SESSION_COOKIE } from './session.js';

const loginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});

const meBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    emailNotifications: z.boolean().optional(),
    browserNotifications: z.boolean().optional(),
    password: z.string().min(10).max(1024).optional(),
    currentPassword: z.string().max(1024).optional(),
  })
  .strict();

export interface SessionHooks {
  /** Called when a session ends so its sockets can be closed. */
  onSessionEnded(token: string): void;
  /** Called when every session of a user ended (a new password), to close all their sockets. */
  onUserSessionsEnded?(userId: number): void;
}

export function setSessionCookie(deps: Deps, res: Response, token: string, expiresAt: Date) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
}

export function authRoutes(deps: Deps, hooks: SessionHooks, limiter = new LoginLimiter()): Router {
  const router = Router();

  router.post(
    '/auth/login',
    route(async (req, res) => {
      const body = parse(loginBody, req.body);
      const keys = [`email:${body.email}`, `ip:${req.ip ?? 'unknown'}`];
      if (limiter.isBlocked(keys)) {
        throw errors.tooManyRequests(
          'too_many_attempts',
          'Too many failed sign-ins. Wait a few minutes and try again.',
        );
      }

      const user = deps.db.orm.select().from(users).where(eq(users.email, body.email)).get();
      const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) {
        limiter.recordFailure(keys);
        throw errors.invalidCredentials();
      }

      // Only the account's count: a success must not wipe the address's failures, or anyone
      // with an account could spray guesses at others between sign-ins of their own.
      limiter.reset([`email:${body.email}`]);
      // A new token at every sign-in: an id planted before login is never promoted.
      if (req.sessionToken) {
        deleteSession(deps, req.sessionToken);
        hooks.onSessionEnded(req.sessionToken);
      }
      const session = createSession(deps, user.id);
      setSessionCookie(deps, res, session.token, session.expiresAt);
      res.json({ user: toUserDto(user) });
    }),
  );

  router.post('/auth/logout', requireStaff, (req, res) => {
    if (req.sessionToken) {
      deleteSession(deps, req.sessionToken);
      hooks.onSessionEnded(req.sessionToken);
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireStaff, (req, res) => {
    res.json({ user: toUserDto(currentUser(req)) });
  });

  router.patch(
    '/me',
    requireStaff,
    route(async (req, res) => {
      const user = currentUser(req);
      const body = parse(meBody, req.body);
      const changes: Partial<typeof users.$inferInsert> = { updatedAt: nowIso(deps) };

      if (body.password) {
        const ok = await verifyPassword(body.currentPassword ?? '', user.passwordHash);
        if (!ok) throw errors.badRequest('wrong_password', 'Your current password is not right.');
        changes.passwordHash = await hashPassword(body.password);
      }
      if (body.name !== undefined) changes.name = body.name;
      if (body.emailNotifications !== undefined) {
        changes.emailNotifications = body.emailNotifications;
      }
      if (body.browserNotifications !== undefined) {
        changes.browserNotifications = body.browserNotifications;
      }

      const updated = deps.db.orm
        .update(users)
        .set(changes)
        .where(eq(users.id, user.id))
        .returning()
        .get();
      if (body.password) {
        // A new password signs out everywhere else: whoever knew the old one loses their session.
        deleteUserSessions(deps, user.id);
        hooks.onUserSessionsEnded?.(user.id);
        const session = createSession(deps, user.id);
        setSessionCookie(deps, res, session.token, session.expiresAt);
      }
      res.json({ user: toUserDto(updated) });
    }),
  );

  return router;
}
