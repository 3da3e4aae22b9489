import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let admin: Staff;
let dana: Staff;
let make: ReturnType<typeof factories>;
let numberId: number;

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  numberId = make.number('+12025550123', 'Admissions').id;
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
});

afterEach(async () => {
  await h.close();
});

const anonymous = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${h.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const remove = async (staff: Staff, path: string) =>
  (await fetch(`${h.url}${path}`, { method: 'DELETE', headers: { cookie: staff.cookie } })).status;

/** A thread opened by the student's text; returns its id. */
async function studentThread(phone = '+14155550100'): Promise<number> {
  await postWebhook(h, 'inbound', inboundBody({ from: phone.slice(1), text: 'Hi, question' }));
  const row = h.db.sqlite
    .prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1')
    .get() as { id: number };
  return row.id;
}

async function sentTexts(count: number): Promise<string[]> {
  const requests = await h.fake!.waitForRequests(count, 5000);
  return requests.map((r) => (r.body as { text: string }).text);
}

describe('GET /api/saved-replies', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/saved-replies')).status).toBe(401);
  });

  it('lists the saved replies to any staff member, by title', async () => {
    await admin.post('/api/saved-replies', { title: 'Welcome', body: 'Hi {{contact.firstName}}!' });
    await admin.post('/api/saved-replies', { title: 'Deadline', body: 'The deadline is May 1.' });

    const res = await dana.get('/api/saved-replies');

    expect(res.status).toBe(200);
    expect(res.body.savedReplies.map((r: { title: string }) => r.title)).toEqual([
      'Deadline',
      'Welcome',
    ]);
  });
});

describe('POST /api/saved-replies', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/saved-replies', 'POST', { title: 'x', body: 'y' })).status).toBe(
      401,
    );
  });

  it('refuses a counselor: only admins keep saved replies', async () => {
    const res = await dana.post('/api/saved-replies', { title: 'Mine', body: 'Hello' });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('creates a saved reply for an admin', async () => {
    const res = await admin.post('/api/saved-replies', {
      title: ' Welcome ',
      body: 'Hi {{contact.firstName|there}}',
    });

    expect(res.status).toBe(201);
    expect(res.body.savedReply).toMatchObject({
      title: 'Welcome',
      body: 'Hi {{contact.firstName|there}}',
    });
  });

  it('refuses a reply without a body', async () => {
    const res = await admin.post('/api/saved-replies', { title: 'Empty', body: '  ' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});

describe('PATCH /api/saved-replies/:id and DELETE', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/saved-replies/1', 'PATCH', { title: 'x' })).status).toBe(401);
  });

  it('edits and deletes a saved reply', async () => {
    const { savedReply } = (
      await admin.post('/api/saved-replies', { title: 'Old', body: 'Old text' })
    ).body;

    const edited = await admin.patch(`/api/saved-replies/${savedReply.id}`, { body: 'New text' });
    const status = await remove(admin, `/api/saved-replies/${savedReply.id}`);

    expect(edited.body.savedReply).toMatchObject({ title: 'Old', body: 'New text' });
    expect(status).toBe(204);
    expect((await dana.get('/api/saved-replies')).body.savedReplies).toEqual([]);
  });

  it('refuses to delete a saved reply a rule answers with', async () => {
    const { savedReply } = (
      await admin.post('/api/saved-replies', { title: 'Hours', body: 'We open at 9.' })
    ).body;
    await admin.post('/api/rules', {
      name: 'After hours',
      actions: [{ type: 'auto_reply', savedReplyId: savedReply.id }],
    });

    const res = await fetch(`${h.url}/api/saved-replies/${savedReply.id}`, {
      method: 'DELETE',
      headers: { cookie: admin.cookie },
    });

    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'saved_reply_in_use',
    );
  });
});

describe('POST /api/templates/preview', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/templates/preview', 'POST', { template: 'x' })).status).toBe(401);
  });

  it('fills contact, user and office fields from the thread', async () => {
    make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();

    const res = await dana.post('/api/templates/preview', {
      template: 'Hi {{contact.firstName}}, this is {{user.firstName}} at {{office.name}}.',
      conversationId: id,
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      text: 'Hi Maya, this is Dana at Student Services.',
      missing: [],
      unknown: [],
    });
    expect(res.body.counts).toMatchObject({ characters: res.body.text.length, segments: 1 });
  });

  it('fills a brand-new conversation from the contact and office number', async () => {
    const contact = make.contact({ firstName: 'Noor', lastName: 'Haddad', phone: '+14155550111' });

    const res = await dana.post('/api/templates/preview', {
      template: 'Hello {{contact.fullName}}, text {{office.number}} any time.',
      contactId: contact.id,
      numberId,
    });

    expect(res.body.text).toBe('Hello Noor Haddad, text +12025550123 any time.');
  });

  it('uses the contact’s new name right after a rename', async () => {
    const contact = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();

    await dana.patch(`/api/contacts/${contact.id}`, { firstName: 'Mia' });
    const res = await dana.post('/api/templates/preview', {
      template: 'Hi {{contact.firstName}}',
      conversationId: id,
    });

    expect(res.body.text).toBe('Hi Mia');
  });

  it('uses the fallback when the field has no value', async () => {
    make.contact({ firstName: '', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();

    const res = await dana.post('/api/templates/preview', {
      template: 'Hi {{contact.firstName|there}}!',
      conversationId: id,
    });

    expect(res.body).toMatchObject({ text: 'Hi there!', missing: [] });
  });

  it('reports a field with no value and no fallback as missing', async () => {
    make.contact({ firstName: '', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();

    const res = await dana.post('/api/templates/preview', {
      template: 'Hi {{contact.firstName}}!',
      conversationId: id,
    });

    expect(res.body).toMatchObject({
      text: 'Hi {{contact.firstName}}!',
      missing: ['contact.firstName'],
    });
  });
});

describe('POST /api/conversations/:id/messages with template fields', () => {
  it('sends the text filled from current data', async () => {
    const contact = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();
    await dana.patch(`/api/contacts/${contact.id}`, { firstName: 'Mia' });

    const res = await dana.post(`/api/conversations/${id}/messages`, {
      text: 'Hi {{contact.firstName}}, {{user.firstName}} here.',
    });

    expect(res.status).toBe(201);
    expect(res.body.message.text).toBe('Hi Mia, Dana here.');
    expect(await sentTexts(1)).toEqual(['Hi Mia, Dana here.']);
  });

  it('refuses a field with no value and no fallback, naming it, and sends nothing', async () => {
    make.contact({ firstName: ' ', lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();

    const res = await dana.post(`/api/conversations/${id}/messages`, {
      text: 'Hi {{contact.firstName}}!',
    });

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('template_field_missing');
    expect(res.body.error.message).toContain('{{contact.firstName}}');
    await sleep(150);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('counts the limit after the fields are filled in', async () => {
    make.contact({ firstName: 'A'.repeat(100), lastName: 'Lopez', phone: '+14155550100' });
    const id = await studentThread();
    const template = '{{contact.firstName}} '.repeat(20);

    const res = await dana.post(`/api/conversations/${id}/messages`, { text: template });

    expect(template.length).toBeLessThan(1600);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('message_too_long');
  });
});

describe('POST /api/conversations with template fields', () => {
  it('fills the first text of a brand-new conversation', async () => {
    const contact = make.contact({ firstName: 'Noor', lastName: 'Haddad', phone: '+14155550111' });

    const res = await dana.post('/api/conversations', {
      name: 'Campus tour',
      numberId,
      contactId: contact.id,
      text: 'Hi {{contact.firstName|there}}, this is {{user.name}} from {{office.name}}.',
    });

    expect(res.status).toBe(201);
    expect(res.body.message.text).toBe('Hi Noor, this is Dana Reyes from Student Services.');
    expect(await sentTexts(1)).toEqual(['Hi Noor, this is Dana Reyes from Student Services.']);
  });
});

describe('PUT /api/settings with fields in the help text', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/settings', 'PUT', { helpText: 'Hi' })).status).toBe(401);
  });

  it('refuses a contact field without a fallback, since HELP answers anyone', async () => {
    const refused = await admin.put('/api/settings', {
      helpText: 'Hi {{contact.firstName}}, reply STOP.',
    });
    const accepted = await admin.put('/api/settings', {
      helpText: 'Hi {{contact.firstName|there}}, this is {{office.name}}. Reply STOP to opt out.',
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('fallback');
    expect(accepted.status).toBe(200);
  });
});
