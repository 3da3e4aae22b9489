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
let admin: Staff;
let dana: Staff;
let eli: Staff;
let observer: ClientSocket;
let threadId: number;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Noor', lastName: 'Haddad', phone: '+14155550111' });
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
  eli = await signIn(h, e.email);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit due May 1?' }));
  threadId = (await dana.get('/api/conversations')).body.conversations[0].id;
  observer = connect(h, eli.cookie);
  await connected(observer);
});

afterEach(async () => {
  observer.disconnect();
  await h.close();
});

const anonymous = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${h.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function remove(staff: Staff, path: string) {
  const res = await fetch(`${h.url}${path}`, {
    method: 'DELETE',
    headers: { cookie: staff.cookie },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('POST /api/tags', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/tags', 'POST', { name: 'Visit' })).status).toBe(401);
  });

  it('creates a tag any staff member can then list', async () => {
    const res = await dana.post('/api/tags', { name: 'Financial aid', color: 'green' });

    expect(res.status).toBe(201);
    expect(res.body.tag).toMatchObject({
      name: 'Financial aid',
      color: 'green',
      conversationCount: 0,
    });
    expect((await eli.get('/api/tags')).body.tags.map((t: { name: string }) => t.name)).toEqual([
      'Financial aid',
    ]);
  });

  it('refuses a second tag with the same name in another case', async () => {
    await dana.post('/api/tags', { name: 'Visit' });

    const res = await eli.post('/api/tags', { name: 'visit' });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('tag_exists');
  });
});

describe('POST /api/conversations/:id/tags', () => {
  it('refuses a request without a session', async () => {
    expect(
      (await anonymous(`/api/conversations/${threadId}/tags`, 'POST', { name: 'Visit' })).status,
    ).toBe(401);
  });

  it('applies a tag and pushes the updated conversation to everyone', async () => {
    const updates = record(observer, 'conversation:updated');
    const { tag } = (await dana.post('/api/tags', { name: 'Financial aid' })).body;

    const res = await dana.post(`/api/conversations/${threadId}/tags`, { tagId: tag.id });

    expect(res.status).toBe(200);
    expect(res.body.conversation.tags).toEqual(['Financial aid']);
    const pushed = await waitFor(() =>
      updates.find((u) => u.conversation.tags.includes('Financial aid')),
    );
    expect(pushed.actor).toMatchObject({ name: 'Dana Reyes' });
  });

  it('creates the tag when applied by a new name, and applies it once', async () => {
    const updates = record(observer, 'conversation:updated');

    await dana.post(`/api/conversations/${threadId}/tags`, { name: 'Campus visit' });
    await dana.post(`/api/conversations/${threadId}/tags`, { name: 'campus visit' });

    expect((await dana.get(`/api/conversations/${threadId}`)).body.conversation.tags).toEqual([
      'Campus visit',
    ]);
    await waitFor(() => updates.length >= 1);
    await sleep(100);
    expect(updates).toHaveLength(1);
  });
});

describe('DELETE /api/conversations/:id/tags/:tagId', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous(`/api/conversations/${threadId}/tags/1`, 'DELETE')).status).toBe(401);
  });

  it('removes a tag live for everyone', async () => {
    const { tag } = (await dana.post('/api/tags', { name: 'Visit' })).body;
    await dana.post(`/api/conversations/${threadId}/tags`, { tagId: tag.id });
    const updates = record(observer, 'conversation:updated');

    const res = await remove(dana, `/api/conversations/${threadId}/tags/${tag.id}`);

    expect(res.status).toBe(200);
    expect(res.body.conversation.tags).toEqual([]);
    await waitFor(() =>
      updates.find((u) => u.conversation.id === threadId && u.conversation.tags.length === 0),
    );
  });
});

describe('GET /api/conversations?tag=', () => {
  it('lists only the conversations with the tag, by name or id', async () => {
    await postWebhook(h, 'inbound', inboundBody({ from: '14155550111', text: 'Hello' }));
    const { tag } = (await dana.post('/api/tags', { name: 'Visit' })).body;
    await dana.post(`/api/conversations/${threadId}/tags`, { tagId: tag.id });

    const byName = await dana.get('/api/conversations?tag=visit');
    const byId = await dana.get(`/api/conversations?tag=${tag.id}`);
    const all = await dana.get('/api/conversations');

    expect(byName.body.conversations.map((c: { id: number }) => c.id)).toEqual([threadId]);
    expect(byId.body.conversations.map((c: { id: number }) => c.id)).toEqual([threadId]);
    expect(all.body.conversations).toHaveLength(2);
  });
});

describe('PATCH /api/tags/:id and DELETE /api/tags/:id', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/tags/1', 'PATCH', { name: 'x' })).status).toBe(401);
  });

  it('lets only admins rename a tag, and pushes the tagged threads again', async () => {
    const { tag } = (await dana.post('/api/tags', { name: 'Visit' })).body;
    await dana.post(`/api/conversations/${threadId}/tags`, { tagId: tag.id });
    const updates = record(observer, 'conversation:updated');

    const refused = await dana.patch(`/api/tags/${tag.id}`, { name: 'Tour' });
    const renamed = await admin.patch(`/api/tags/${tag.id}`, { name: 'Tour' });

    expect(refused.status).toBe(403);
    expect(renamed.body.tag).toMatchObject({ name: 'Tour', conversationCount: 1 });
    await waitFor(() => updates.find((u) => u.conversation.tags.includes('Tour')));
  });

  it('deletes a tag and takes it off its conversations', async () => {
    const { tag } = (await dana.post('/api/tags', { name: 'Visit' })).body;
    await dana.post(`/api/conversations/${threadId}/tags`, { tagId: tag.id });

    const res = await remove(admin, `/api/tags/${tag.id}`);

    expect(res.status).toBe(204);
    expect((await dana.get(`/api/conversations/${threadId}`)).body.conversation.tags).toEqual([]);
  });
});

describe('POST /api/conversations/:id/notes', () => {
  it('refuses a request without a session', async () => {
    expect(
      (await anonymous(`/api/conversations/${threadId}/notes`, 'POST', { text: 'x' })).status,
    ).toBe(401);
  });

  it('adds a private note that everyone watching sees live', async () => {
    const created = record(observer, 'message:created');

    const res = await dana.post(`/api/conversations/${threadId}/notes`, {
      text: 'Called her mother; form is in.',
    });

    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      kind: 'note',
      text: 'Called her mother; form is in.',
    });
    const pushed = await waitFor(() => created.find((c) => c.message.kind === 'note'));
    expect(pushed.conversationId).toBe(threadId);
  });

  it('never sends a note to the student and keeps it out of the inbox preview', async () => {
    await dana.post(`/api/conversations/${threadId}/notes`, { text: 'Internal only' });
    await sleep(200);

    expect(h.fake!.requests).toHaveLength(0);
    const parts = h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM message_parts').get() as {
      n: number;
    };
    expect(parts.n).toBe(0);
    const { conversation } = (await dana.get(`/api/conversations/${threadId}`)).body;
    expect(conversation.lastMessagePreview).toBe('Is the deposit due May 1?');
  });

  it('refuses an empty note', async () => {
    const res = await dana.post(`/api/conversations/${threadId}/notes`, { text: '   ' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});
