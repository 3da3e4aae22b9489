import type { ResponseRow } from '@shared/reports.js';

import { waitStats } from './percentile.js';
import type { WaitRow } from './reports.queries.js';

interface Directory {
  users: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  members: Array<{ teamId: number; userId: number }>;
}

interface Answered {
  authorId: number;
  seconds: number;
  first: boolean;
}

function answered(waits: WaitRow[]): Answered[] {
  const list: Answered[] = [];
  for (const wait of waits) {
    if (wait.waitMs === null || wait.authorId === null) continue;
    const seconds = Math.round(wait.waitMs / 1000);
    list.push({ authorId: wait.authorId, seconds, first: wait.opening === 'first' });
  }
  return list;
}

function row(id: number | null, name: string, waits: Answered[]): ResponseRow {
  return {
    id,
    name,
    firstResponse: waitStats(waits.filter((w) => w.first).map((w) => w.seconds)),
    reply: waitStats(waits.map((w) => w.seconds)),
  };
}

/**
 * Rolls answered waits up for the office, per counselor (the reply's author) and per team: a
 * team is credited with the replies of its members as the team stands now, so a reply by
 * someone in two teams counts for both.
 */
export function responseRows(waits: WaitRow[], directory: Directory) {
  const done = answered(waits);
  const byAuthor = new Map<number, Answered[]>();
  for (const wait of done)
    byAuthor.set(wait.authorId, [...(byAuthor.get(wait.authorId) ?? []), wait]);

  const names = new Map(directory.users.map((user) => [user.id, user.name]));
  const counselors = [...byAuthor.entries()]
    .map(([id, list]) => row(id, names.get(id) ?? `User ${id}`, list))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id ?? 0) - (b.id ?? 0));
  const teams = directory.teams.map((team) => {
    const members = new Set(
      directory.members.filter((m) => m.teamId === team.id).map((m) => m.userId),
    );
    return row(
      team.id,
      team.name,
      done.filter((w) => members.has(w.authorId)),
    );
  });

  return {
    office: row(null, 'Whole office', done),
    counselors,
    teams,
    unanswered: waits.filter((wait) => wait.waitMs === null).length,
  };
}
