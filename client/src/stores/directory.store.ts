import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { Assignee, OfficeNumberDto, TeamDto, UserDto } from '@shared/dto.js';

import * as api from '../lib/api.js';

/** Who and what the office has: staff, teams, office numbers, and whether the simulator is on. */
interface DirectoryState {
  users: UserDto[];
  teams: TeamDto[];
  numbers: OfficeNumberDto[];
  simulatorEnabled: boolean;
  loaded: boolean;
  /** Set when the last load of users, teams or numbers failed; the lists keep what they had. */
  error: string | null;
}

const empty = (): DirectoryState => ({
  users: [],
  teams: [],
  numbers: [],
  simulatorEnabled: false,
  loaded: false,
  error: null,
});

const [directory, setDirectory] = createStore<DirectoryState>(empty());

export { directory };

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** A list that fails to load keeps what it had; `errors` collects why. */
function orKeep<T>(request: Promise<T>, old: T, errors: string[]): Promise<T> {
  return request.catch((failure: unknown) => {
    errors.push(api.errorMessage(failure));
    return old;
  });
}

export async function loadDirectory(): Promise<void> {
  const errors: string[] = [];
  const [users, teams, numbers, simulator] = await Promise.all([
    orKeep(api.listUsers(), { users: directory.users }, errors),
    orKeep(api.listTeams(), { teams: directory.teams }, errors),
    orKeep(api.listNumbers(), { numbers: directory.numbers }, errors),
    api.getSimulator().catch(() => ({ enabled: false })),
  ]);
  batch(() => {
    setDirectory('users', reconcile([...users.users].sort(byName)));
    setDirectory('teams', reconcile([...teams.teams].sort(byName)));
    setDirectory('numbers', reconcile(numbers.numbers));
    setDirectory({ simulatorEnabled: simulator.enabled, loaded: true, error: errors[0] ?? null });
  });
}

export function resetDirectory(): void {
  setDirectory(reconcile(empty()));
}

export const activeUsers = (): UserDto[] => directory.users.filter((user) => user.active);

export const findUser = (id: number | null | undefined): UserDto | undefined =>
  directory.users.find((user) => user.id === id);

export const findTeam = (id: number | null | undefined): TeamDto | undefined =>
  directory.teams.find((team) => team.id === id);

export const findNumber = (id: number | null | undefined): OfficeNumberDto | undefined =>
  directory.numbers.find((number) => number.id === id);

export const userName = (id: number | null | undefined): string => findUser(id)?.name ?? 'Someone';

/** "Dana Lee", "Admissions", or "Unassigned". */
export function assigneeName(assignee: Assignee | null | undefined): string {
  if (!assignee) return 'Unassigned';
  if (assignee.type === 'team') return findTeam(assignee.id)?.name ?? 'A team';
  return findUser(assignee.id)?.name ?? 'A colleague';
}

export function upsertUser(user: UserDto): void {
  const index = directory.users.findIndex((existing) => existing.id === user.id);
  if (index === -1) setDirectory('users', (users) => [...users, user].sort(byName));
  else setDirectory('users', index, reconcile(user));
}

export function upsertTeam(team: TeamDto): void {
  const index = directory.teams.findIndex((existing) => existing.id === team.id);
  if (index === -1) setDirectory('teams', (teams) => [...teams, team].sort(byName));
  else setDirectory('teams', index, reconcile(team));
}

export function removeTeam(id: number): void {
  setDirectory('teams', (teams) => teams.filter((team) => team.id !== id));
}

export function upsertNumber(number: OfficeNumberDto): void {
  const index = directory.numbers.findIndex((existing) => existing.id === number.id);
  if (index === -1) setDirectory('numbers', (numbers) => [...numbers, number]);
  else setDirectory('numbers', index, reconcile(number));
}

/** The teams the user belongs to, for the "team" inbox views and the Mine filter. */
export const teamsOf = (userId: number | undefined): TeamDto[] =>
  directory.teams.filter((team) => userId !== undefined && team.memberIds.includes(userId));
