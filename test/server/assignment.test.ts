import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  record,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let make: ReturnType<typeof factories>;
let admin: Staff;
let dana: Staff;
let eli: Staff;
let sam: Staff;
let ids: { dana: number; eli: number; sam: number };
let sockets: ClientSocket[];
let numberId: number;

/** A student text creates a thread; returns its id. */
async function thread(from = '14155550100'): Promise<number> {
  const res = await postWebhook(h, 'inbound', inboundBody({ from }));
  expect(res.body.stored).toBe(true);
  const row = h.db.sqlite
    .prepare('SELECT conversation_id AS id FROM messages ORDER BY id DESC LIMIT 1')
    .get() as { id: number };
  return row.id;
}

async function activity(id: number): Promise<string[]> {
  const { messages } = (await dana.get(`/api/conversations/${id}/messages`)).body;
  return messages
    .filter((m: { kind: string }) => m.kind === 'activity')
    .map((m: { text: string }) => m.text);
}

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  const s = await make.user({ name: 'Sam Ortiz', role: 'supervisor' });
  ids = { dana: d.id, eli: e.id, sam: s.id };
  numberId = make.number('+12025550123').id;
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Theo', lastName: 'Grant', phone: '+14155550111' });
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
  eli = await signIn(h, e.email);
  sam = await signIn(h, s.email);
  sockets = [connect(h, dana.cookie), connect(h, eli.cookie), connect(h, sam.cookie)];
  await Promise.all(sockets.map((socket) => connected(socket)));
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

describe('POST /api/conversations/:id/assign', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations/1/assign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ assignee: null }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('replaces a team with a user, keeping one assignee, and notes each change', async () => {
    const id = await thread();
    const team = (await admin.post('/api/teams', { name: 'Admissions', memberIds: [ids.eli] })).body
      .team;
    const seen = record(sockets[2]!, 'conversation:assigned');

    const toTeam = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'team', id: team.id },
    });
    const toUser = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.eli },
    });

    expect(toTeam.body.conversation.assignee).toEqual({ type: 'team', id: team.id });
    expect(toUser.body.conversation.assignee).toEqual({ type: 'user', id: ids.eli });
    const row = h.db.sqlite
      .prepare('SELECT assignee_user_id, assignee_team_id FROM conversations WHERE id = ?')
      .get(id);
    expect(row).toEqual({ assignee_user_id: ids.eli, assignee_team_id: null });
    await waitFor(() => seen.length === 2);
    expect(seen.map((e) => [e.previous, e.assignee, e.actor?.name])).toEqual([
      [null, { type: 'team', id: team.id }, 'Dana Reyes'],
      [{ type: 'team', id: team.id }, { type: 'user', id: ids.eli }, 'Dana Reyes'],
    ]);
    expect(await activity(id)).toEqual([
      'Dana Reyes assigned this to Admissions',
      'Dana Reyes assigned this to Eli Park (was Admissions)',
    ]);
  });

  it('replaces a user with a team', async () => {
    const id = await thread();
    const team = (await admin.post('/api/teams', { name: 'Advising', memberIds: [] })).body.team;
    await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.dana },
    });

    const res = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'team', id: team.id },
    });

    expect(res.body.conversation.assignee).toEqual({ type: 'team', id: team.id });
    const row = h.db.sqlite
      .prepare('SELECT assignee_user_id, assignee_team_id FROM conversations WHERE id = ?')
      .get(id);
    expect(row).toEqual({ assignee_user_id: null, assignee_team_id: team.id });
  });

  it('gives two simultaneous claims one winner and a 409 assignment_conflict', async () => {
    const id = await thread();
    const onDana = record(sockets[0]!, 'conversation:assigned');
    const onEli = record(sockets[1]!, 'conversation:assigned');
    const onSam = record(sockets[2]!, 'conversation:assigned');

    const answers = await Promise.all([
      dana.post(`/api/conversations/${id}/assign`, {
        assignee: { type: 'user', id: ids.dana },
        ifAssignee: null,
      }),
      eli.post(`/api/conversations/${id}/assign`, {
        assignee: { type: 'user', id: ids.eli },
        ifAssignee: null,
      }),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.conversation.assignee;
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.code).toBe('assignment_conflict');
    expect(loser.body.error.details).toEqual({ assignee: winner });
    await waitFor(() => onDana.length && onEli.length && onSam.length);
    await sleep(100);
    for (const seen of [onDana, onEli, onSam]) {
      expect(seen).toHaveLength(1);
      expect(seen[0]!.assignee).toEqual(winner);
    }
    expect((await sam.get(`/api/conversations/${id}`)).body.conversation.assignee).toEqual(winner);
    expect(await activity(id)).toHaveLength(1);
  });

  it('refuses a claim made on a stale view of the assignee', async () => {
    const id = await thread();
    await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.dana },
    });

    const res = await eli.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.eli },
      ifAssignee: null,
    });

    expect(res.status).toBe(409);
    expect(res.body.error.details.assignee).toEqual({ type: 'user', id: ids.dana });
  });

  it('unassigns with a null assignee', async () => {
    const id = await thread();
    await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.dana },
    });

    const res = await dana.post(`/api/conversations/${id}/assign`, { assignee: null });

    expect(res.body.conversation.assignee).toBeNull();
    const unassigned = (await dana.get('/api/conversations?view=unassigned')).body.conversations;
    expect(unassigned.map((c: { id: number }) => c.id)).toEqual([id]);
    expect((await activity(id)).at(-1)).toBe('Dana Reyes unassigned this (was Dana Reyes)');
  });

  it('says "took this" when a counselor assigns a thread to themselves', async () => {
    const id = await thread();

    await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.dana },
    });

    expect((await activity(id)).at(-1)).toBe('Dana Reyes took this');
  });

  it('refuses an assignee that does not exist', async () => {
    const id = await thread();

    const res = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'team', id: 999 },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('refuses an assignee that names both a user and a team', async () => {
    const id = await thread();

    const res = await dana.post(`/api/conversations/${id}/assign`, {
      assignee: { type: 'user', id: ids.dana, teamId: 1 },
    });

    expect(res.status).toBe(400);
  });
});

describe('POST /api/conversations with an assignee', () => {
  it('records the first assignee as an activity line and an assignment event', async () => {
    const contactId = make.contact({ firstName: 'Ivy', phone: '+14155550122' }).id;
    const seen = record(sockets[2]!, 'conversation:assigned');

    const res = await dana.post('/api/conversations', {
      name: 'Aid form',
      numberId,
      contactId,
      assignee: { type: 'user', id: ids.eli },
      text: 'Your aid form is in.',
    });

    expect(res.body.conversation.assignee).toEqual({ type: 'user', id: ids.eli });
    await waitFor(() => seen.length);
    expect(seen[0]).toMatchObject({ previous: null, assignee: { type: 'user', id: ids.eli } });
    expect(await activity(res.body.conversation.id)).toEqual([
      'Dana Reyes assigned this to Eli Park',
    ]);
  });
});

describe('POST /api/teams', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', memberIds: [] }),
    });
    expect(res.status).toBe(401);
  });

  it('lets only admins create teams', async () => {
    const res = await dana.post('/api/teams', { name: 'Rogue', memberIds: [ids.dana] });
    expect(res.status).toBe(403);
  });

  it('creates a team with its members and serves its inbox view', async () => {
    const created = await admin.post('/api/teams', {
      name: 'Financial aid',
      memberIds: [ids.dana, ids.eli],
    });
    expect(created.status).toBe(201);
    expect(created.body.team).toMatchObject({ name: 'Financial aid' });
    expect([...created.body.team.memberIds].sort()).toEqual([ids.dana, ids.eli].sort());
    const teamId = created.body.team.id;
    const first = await thread('14155550100');
    const second = await thread('14155550111');

    await dana.post(`/api/conversations/${first}/assign`, {
      assignee: { type: 'team', id: teamId },
    });
    await dana.post(`/api/conversations/${second}/assign`, {
      assignee: { type: 'user', id: ids.eli },
    });

    const teamView = (await eli.get(`/api/conversations?view=team:${teamId}`)).body;
    expect(teamView.conversations.map((c: { id: number }) => c.id)).toEqual([first]);
    const mine = (await eli.get('/api/conversations?view=mine')).body;
    expect(mine.conversations.map((c: { id: number }) => c.id)).toEqual([second]);
    const listed = (await eli.get('/api/teams')).body.teams;
    expect(listed.find((t: { id: number }) => t.id === teamId).memberIds).toContain(ids.eli);
  });

  it('changes the members of a team', async () => {
    const team = (await admin.post('/api/teams', { name: 'Transfers', memberIds: [ids.dana] })).body
      .team;

    const res = await admin.patch(`/api/teams/${team.id}`, { memberIds: [ids.eli] });

    expect(res.body.team.memberIds).toEqual([ids.eli]);
  });
});

describe('GET /api/board', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/board`);
    expect(res.status).toBe(401);
  });

  it('refuses a counselor', async () => {
    const res = await dana.get('/api/board');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('counts open conversations per assignee and lists the assignment changes', async () => {
    const team = (await admin.post('/api/teams', { name: 'Admissions', memberIds: [] })).body.team;
    const first = await thread('14155550100');
    const second = await thread('14155550111');
    make.contact({ firstName: 'Zoe', phone: '+14155550133' });
    const third = await thread('14155550133');
    await dana.post(`/api/conversations/${first}/assign`, {
      assignee: { type: 'team', id: team.id },
    });
    await dana.post(`/api/conversations/${first}/assign`, {
      assignee: { type: 'user', id: ids.eli },
    });
    await eli.post(`/api/conversations/${second}/assign`, {
      assignee: { type: 'user', id: ids.eli },
    });
    await dana.post(`/api/conversations/${third}/close`);

    const res = await sam.get('/api/board');

    expect(res.status).toBe(200);
    expect(res.body.unassigned).toBe(0);
    expect(res.body.teams).toEqual([{ id: team.id, name: 'Admissions', open: 0 }]);
    const open = Object.fromEntries(
      res.body.users.map((u: { name: string; open: number }) => [u.name, u.open]),
    );
    expect(open).toEqual({ 'Ada Admin': 0, 'Dana Reyes': 0, 'Eli Park': 2, 'Sam Ortiz': 0 });
    expect(res.body.feed).toHaveLength(3);
    expect(res.body.feed[0]).toMatchObject({
      conversationId: second,
      conversationName: 'Theo Grant',
      assignee: { type: 'user', id: ids.eli },
      previous: null,
      actor: { id: ids.eli, name: 'Eli Park' },
      at: expect.any(String),
    });
    expect(res.body.feed[1]).toMatchObject({
      conversationId: first,
      previous: { type: 'team', id: team.id },
      assignee: { type: 'user', id: ids.eli },
    });
    expect((await admin.get('/api/board?feedLimit=1')).body.feed).toHaveLength(1);
  });

  it('counts unassigned open conversations and follows a reopen', async () => {
    const first = await thread('14155550100');
    await thread('14155550111');
    await dana.post(`/api/conversations/${first}/close`);
    expect((await sam.get('/api/board')).body.unassigned).toBe(1);

    await dana.post(`/api/conversations/${first}/reopen`);

    expect((await sam.get('/api/board')).body.unassigned).toBe(2);
  });
});
