import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { count } from 'drizzle-orm';
import { Router } from 'express';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { users } from '../../db/schema.js';
import { AppError, errors } from '../../lib/errors.js';
import { route } from '../../lib/http.js';
import { category } from '../../lib/logger.js';
import { parse, z } from '../../lib/validate.js';
import { setSessionCookie } from '../auth/auth.routes.js';
import { hashPassword } from '../auth/password.js';
import { createSession } from '../auth/session.js';
import { toUserDto } from '../users/user.presenter.js';

const setupBody = z.object({
  token: z.string().min(1).max(200),
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'Use at least 10 characters').max(1024),
});

function hasUsers(deps: Deps): boolean {
  const row = deps.db.orm.select({ n: count() }).from(users).get();
  return (row?.n ?? 0) > 0;
}

/**
 * The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise through a one-time link
 * printed at start. Returns the setup token when one was issued.
 */
export async function bootstrapAdmin(
  deps: Deps,
  announce: (text: string) => void = (text) => process.stdout.write(text),
): Promise<string | null> {
  if (hasUsers(deps)) return null;
  const log = category(deps.logger, 'lifecycle');
  const { adminEmail, adminPassword } = deps.config;

  if (adminEmail && adminPassword) {
    const now = nowIso(deps);
    deps.db.orm
      .insert(users)
      .values({
        email: adminEmail.toLowerCase(),
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(adminPassword),
        createdAt: now,
        updatedAt: now,
      })
      .run();
    log.info('first admin created from ADMIN_EMAIL');
    return null;
  }

  const token = randomBytes(24).toString('base64url');
  const link = `${deps.config.publicUrl}/setup?token=${token}`;
  // The link is the one secret shown on purpose: the operator needs it to finish set-up.
  announce(`\n  No users yet. Open this link once to create the first admin:\n  ${link}\n\n`);
  log.info('setup link printed');
  return token;
}

export function setupRoutes(deps: Deps, getToken: () => string | null): Router {
  const router = Router();

  router.get('/setup', (_req, res) => {
    res.json({ needsSetup: !hasUsers(deps) });
  });

  router.post(
    '/setup',
    route(async (req, res) => {
      const body = parse(setupBody, req.body);
      if (hasUsers(deps)) throw errors.conflict('already_set_up', 'The first admin exists.');

      const token = getToken();
      const given = createHash('sha256').update(body.token).digest();
      const wanted = createHash('sha256')
        .update(token ?? randomBytes(8))
        .digest();
      if (!token || !timingSafeEqual(given, wanted)) {
        throw new AppError(
          403,
          'invalid_setup_token',
          'This set-up link is not valid. Use the link the server printed at start.',
        );
      }

      const passwordHash = await hashPassword(body.password);
      if (hasUsers(deps)) throw errors.conflict('already_set_up', 'The first admin exists.');
      const now = nowIso(deps);
      const user = deps.db.orm
        .insert(users)
        .values({
          email: body.email,
          name: body.name,
          role: 'admin',
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();

      const session = createSession(deps, user.id);
      setSessionCookie(deps, res, session.token, session.expiresAt);
      res.status(201).json({ user: toUserDto(user) });
    }),
  );

  return router;
}
