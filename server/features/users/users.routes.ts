import { asc, eq } from 'drizzle-orm';
import { Router } from 'express';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { users } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import { requireRole, route } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { hashPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/session.js';
import { toUserDto } from './user.presenter.js';

const role = z.enum(['admin', 'supervisor', 'counselor']);

const createBody = z.object({
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1).max(100),
  role,
  password: z.string().min(10, 'Use at least 10 characters').max(1024),
});

const patchBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    role: role.optional(),
    active: z.boolean().optional(),
    password: z.string().min(10, 'Use at least 10 characters').max(1024).optional(),
  })
  .strict();

export function usersRoutes(deps: Deps, hooks: { onUserDisabled(userId: number): void }): Router {
  const router = Router();

  router.get('/users', (_req, res) => {
    const rows = deps.db.orm.select().from(users).orderBy(asc(users.name)).all();
    res.json({ users: rows.map(toUserDto) });
  });

  router.post(
    '/users',
    requireRole('admin'),
    route(async (req, res) => {
      const body = parse(createBody, req.body);
      const taken = deps.db.orm
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, body.email))
        .get();
      if (taken) throw errors.conflict('email_taken', 'A user with that email exists.');

      const passwordHash = await hashPassword(body.password);
      const now = nowIso(deps);
      const row = deps.db.orm
        .insert(users)
        .values({
          email: body.email,
          name: body.name,
          role: body.role,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!row) throw errors.conflict('email_taken', 'A user with that email exists.');
      res.status(201).json({ user: toUserDto(row) });
    }),
  );

  router.patch(
    '/users/:id',
    requireRole('admin'),
    route(async (req, res) => {
      const id = parseId(req.params.id);
      const body = parse(patchBody, req.body);
      const existing = deps.db.orm.select().from(users).where(eq(users.id, id)).get();
      if (!existing) throw errors.notFound('The user');
      if (id === req.user?.id && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw errors.badRequest('cannot_demote_self', 'You cannot disable or demote yourself.');
      }

      const changes: Partial<typeof users.$inferInsert> = { updatedAt: nowIso(deps) };
      if (body.name !== undefined) changes.name = body.name;
      if (body.role !== undefined) changes.role = body.role;
      if (body.active !== undefined) changes.active = body.active;
      if (body.password !== undefined) changes.passwordHash = await hashPassword(body.password);

      const row = deps.db.orm.update(users).set(changes).where(eq(users.id, id)).returning().get();
      if (body.active === false || body.password !== undefined) {
        deleteUserSessions(deps, id);
        hooks.onUserDisabled(id);
      }
      res.json({ user: toUserDto(row) });
    }),
  );

  return router;
}
