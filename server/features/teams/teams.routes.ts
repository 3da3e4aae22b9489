import { asc, eq, inArray } from 'drizzle-orm';
import { Router } from 'express';

import type { TeamDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { teamMembers, teams, users } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import { requireRole } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';

const memberIds = z.array(z.number().int().positive()).max(500);
const createBody = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: memberIds.default([]),
});
const patchBody = z
  .object({ name: z.string().trim().min(1).max(100).optional(), memberIds: memberIds.optional() })
  .strict();

export function listTeams(deps: Deps): TeamDto[] {
  const rows = deps.db.orm.select().from(teams).orderBy(asc(teams.name)).all();
  const members = deps.db.orm.select().from(teamMembers).all();
  return rows.map((team) => ({
    id: team.id,
    name: team.name,
    memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId),
  }));
}

function findTeam(deps: Deps, id: number): TeamDto {
  const team = listTeams(deps).find((t) => t.id === id);
  if (!team) throw errors.notFound('The team');
  return team;
}

function checkMembers(deps: Deps, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = deps.db.orm
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.id, unique))
    .all();
  if (found.length !== unique.length) {
    throw errors.invalidInput('memberIds: every member must be an existing user');
  }
  return unique;
}

function setMembers(deps: Deps, teamId: number, ids: number[]): void {
  deps.db.orm.delete(teamMembers).where(eq(teamMembers.teamId, teamId)).run();
  if (ids.length) {
    deps.db.orm
      .insert(teamMembers)
      .values(ids.map((userId) => ({ teamId, userId })))
      .run();
  }
}

export function teamsRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/teams', (_req, res) => {
    res.json({ teams: listTeams(deps) });
  });

  router.post('/teams', requireRole('admin'), (req, res) => {
    const body = parse(createBody, req.body);
    const ids = checkMembers(deps, body.memberIds);
    const now = nowIso(deps);

    const id = deps.db.sqlite.transaction(() => {
      const row = deps.db.orm
        .insert(teams)
        .values({ name: body.name, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: teams.id })
        .get();
      if (!row) throw errors.conflict('team_name_taken', 'A team with that name exists.');
      setMembers(deps, row.id, ids);
      return row.id;
    })();
    res.status(201).json({ team: findTeam(deps, id) });
  });

  router.patch('/teams/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(patchBody, req.body);
    findTeam(deps, id);
    const ids = body.memberIds ? checkMembers(deps, body.memberIds) : null;

    deps.db.sqlite.transaction(() => {
      if (body.name !== undefined) {
        const clash = deps.db.orm
          .select({ id: teams.id })
          .from(teams)
          .where(eq(teams.name, body.name))
          .get();
        if (clash && clash.id !== id) {
          throw errors.conflict('team_name_taken', 'A team with that name exists.');
        }
        deps.db.orm
          .update(teams)
          .set({ name: body.name, updatedAt: nowIso(deps) })
          .where(eq(teams.id, id))
          .run();
      }
      if (ids) setMembers(deps, id, ids);
    })();
    res.json({ team: findTeam(deps, id) });
  });

  router.delete('/teams/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    findTeam(deps, id);
    const assigned = deps.db.sqlite
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM conversations WHERE assignee_key = ?',
      )
      .get(`t:${id}`);
    if (assigned && assigned.n > 0) {
      throw errors.conflict(
        'team_in_use',
        `This team is assigned ${assigned.n} conversation(s). Reassign them before deleting it.`,
      );
    }
    deps.db.orm.delete(teams).where(eq(teams.id, id)).run();
    res.status(204).end();
  });

  return router;
}
