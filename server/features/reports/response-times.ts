import type { ResponseRow } from '@shared/reports.js';

import { waitStats } from './percentile.js';
import type { WaitGroup } from './reports.queries.js';

interface Directory {
  users: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  members: Array<{ teamId: number; userId: number }>;
}

/** One author's answered waits in whole seconds, by the wait's opening. */
type Answered = Record<WaitGroup['opening'], number[]>;

function byAuthor(groups: WaitGroup[]): Map<number, Answered> {
  const authors = new Map<number, Answered>();
  for (const group of groups) {
    if (group.authorId === null) continue;
    const author = authors.get(group.authorId) ?? { first: [], reply: [] };
    const list = author[group.opening];
    for (const ms of group.waitsMs) list.push(Math.round(ms / 1000));
    authors.set(group.authorId, author);
  }
  return authors;
}

/** The lists end to end in one typed array, which sorts by value in native code. */
function joined(lists: number[][]): Float64Array {
  const all = new Float64Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all;
}

/** First responses are the waits a text opened; replies are every answered wait. */
function row(id: number | null, name: string, answered: Answered[]): ResponseRow {
  const first = answered.map((a) => a.first);
  return {
    id,
    name,
    firstResponse: waitStats(joined(first)),
    reply: waitStats(joined([...first, ...answered.map((a) => a.reply)])),
  };
}

/**
 * Rolls answered waits up for the office, per counselor (the reply's author) and per team: a
 * team is credited with the replies of its members as the team stands now, so a reply by
 * someone in two teams counts for both.
 */
export function responseRows(groups: WaitGroup[], directory: Directory) {
  const authors = byAuthor(groups);
  const names = new Map(directory.users.map((user) => [user.id, user.name]));
  const counselors = [...authors.entries()]
    .map(([id, answered]) => row(id, names.get(id) ?? `User ${id}`, [answered]))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id ?? 0) - (b.id ?? 0));
  const teams = directory.teams.map((team) => {
    const members = directory.members.filter((m) => m.teamId === team.id);
    const answered = members.flatMap((m) => authors.get(m.userId) ?? []);
    return row(team.id, team.name, answered);
  });
  const unanswered = groups.filter((g) => g.authorId === null).reduce((n, g) => n + g.count, 0);

  return {
    office: row(null, 'Whole office', [...authors.values()]),
    counselors,
    teams,
    unanswered,
  };
}
