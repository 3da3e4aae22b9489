import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RuleAction, RuleCondition } from '../../shared/automation.js';
import { isWithinBusinessHours } from '../../server/features/rules/business-hours.js';
import type { StoredInbound } from '../../server/features/webhooks/inbound.service.js';
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
let danaId: number;
let eliId: number;
let teamId: number;
let numberId: number;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  danaId = d.id;
  eliId = e.id;
  numberId = make.number('+12025550123', 'Admissions line').id;
  make.number('+12025550199', 'Advising line');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
  teamId = (await admin.post('/api/teams', { name: 'Admissions', memberIds: [d.id, e.id] })).body
    .team.id;
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

async function tag(name: string): Promise<number> {
  return (await admin.post('/api/tags', { name })).body.tag.id;
}

async function rule(
  name: string,
  actions: RuleAction[],
  conditions: RuleCondition[] = [],
  extra: Record<string, unknown> = {},
) {
  const res = await admin.post('/api/rules', { name, actions, conditions, ...extra });
  expect(res.status).toBe(201);
  return res.body.rule as { id: number };
}

async function studentTexts(text: string, to = '12025550123') {
  const res = await postWebhook(h, 'inbound', inboundBody({ text, to }));
  expect(res.status).toBe(200);
}

const thread = () =>
  h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id LIMIT 1').get() as { id: number };

async function conversation() {
  return (await dana.get(`/api/conversations/${thread().id}`)).body.conversation;
}

async function activity(): Promise<string[]> {
  const { messages } = (await dana.get(`/api/conversations/${thread().id}/messages`)).body;
  return messages
    .filter((m: { kind: string }) => m.kind === 'activity')
    .map((m: { text: string }) => m.text);
}

const runs = () =>
  (h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM rule_runs').get() as { n: number }).n;

describe('GET /api/rules', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/rules')).status).toBe(401);
  });

  it('lists the rules in order', async () => {
    const visit = await tag('Visit');
    await rule('First', [{ type: 'add_tag', tagId: visit }]);
    await rule('Second', [{ type: 'close' }]);

    const res = await dana.get('/api/rules');

    expect(
      res.body.rules.map((r: { name: string; position: number }) => [r.name, r.position]),
    ).toEqual([
      ['First', 1],
      ['Second', 2],
    ]);
  });
});

describe('POST /api/rules', () => {
  it('refuses a request without a session', async () => {
    expect(
      (await anonymous('/api/rules', 'POST', { name: 'x', actions: [{ type: 'close' }] })).status,
    ).toBe(401);
  });

  it('refuses a counselor', async () => {
    const res = await dana.post('/api/rules', { name: 'Mine', actions: [{ type: 'close' }] });

    expect(res.status).toBe(403);
  });

  it('refuses a rule that names a tag that does not exist', async () => {
    const res = await admin.post('/api/rules', {
      name: 'Broken',
      actions: [{ type: 'add_tag', tagId: 999 }],
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('refuses an unknown condition', async () => {
    const res = await admin.post('/api/rules', {
      name: 'Odd',
      conditions: [{ type: 'weather', value: 'rain' }],
      actions: [{ type: 'close' }],
    });

    expect(res.status).toBe(400);
  });
});

describe('PATCH /api/rules/:id and POST /api/rules/reorder', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/rules/reorder', 'POST', { ids: [] })).status).toBe(401);
  });

  it('turns a rule off without touching the rest of it, and reorders the list', async () => {
    const first = await rule('First', [{ type: 'close' }]);
    const second = await rule(
      'Second',
      [{ type: 'close' }],
      [{ type: 'text', op: 'contains', value: 'x' }],
    );

    const off = await admin.patch(`/api/rules/${second.id}`, { enabled: false });
    const reordered = await admin.post('/api/rules/reorder', { ids: [second.id, first.id] });

    expect(off.body.rule).toMatchObject({
      enabled: false,
      conditions: [{ type: 'text', value: 'x' }],
    });
    expect(reordered.body.rules.map((r: { name: string }) => r.name)).toEqual(['Second', 'First']);
  });
});

describe('conversation rules on inbound texts', () => {
  it('run on the text that creates a conversation, and show what they did', async () => {
    const visit = await tag('Campus visit');
    await rule(
      'Visits',
      [
        { type: 'add_tag', tagId: visit },
        { type: 'assign', assignee: { type: 'team', id: teamId } },
      ],
      [{ type: 'text', op: 'contains', value: 'campus VISIT' }],
    );

    await studentTexts('Can I book a campus visit next week?');

    const current = await conversation();
    expect(current.tags).toEqual(['Campus visit']);
    expect(current.assignee).toEqual({ type: 'team', id: teamId });
    expect(await activity()).toEqual([
      "Rule 'Visits' tagged this Campus visit",
      "Rule 'Visits' assigned this to Admissions",
    ]);
  });

  it('run on a reopen by the student when nobody has the thread', async () => {
    await studentTexts('first question');
    await dana.post(`/api/conversations/${thread().id}/close`);
    await rule('Reopened', [{ type: 'assign', assignee: { type: 'team', id: teamId } }]);

    await studentTexts('one more thing');

    expect((await conversation()).assignee).toEqual({ type: 'team', id: teamId });
    expect(await activity()).toContain("Rule 'Reopened' assigned this to Admissions");
  });

  it('run on a reopen by the student when someone has the thread', async () => {
    await studentTexts('first question');
    await dana.post(`/api/conversations/${thread().id}/assign`, {
      assignee: { type: 'user', id: danaId },
    });
    await dana.post(`/api/conversations/${thread().id}/close`);
    const back = await tag('Came back');
    await rule('Returning', [
      { type: 'add_tag', tagId: back },
      { type: 'assign', assignee: { type: 'team', id: teamId }, ifUnassigned: true },
    ]);
    await rule('Escalate', [{ type: 'add_participants', userIds: [eliId] }]);

    await studentTexts('one more thing');

    const current = await conversation();
    expect(current.tags).toEqual(['Came back']);
    expect(current.assignee).toEqual({ type: 'user', id: danaId });
    expect(current.participantIds).toContain(eliId);
    expect(await activity()).toContain("Rule 'Escalate' added Eli Park to the conversation");
  });

  it('do not run on a later text of a thread that is still open', async () => {
    const visit = await tag('Visit');
    await rule('Tagger', [{ type: 'add_tag', tagId: visit }]);
    await studentTexts('first');
    await fetch(`${h.url}/api/conversations/${thread().id}/tags/${visit}`, {
      method: 'DELETE',
      headers: { cookie: dana.cookie },
    });

    await studentTexts('second');

    expect(runs()).toBe(1);
    expect((await conversation()).tags).toEqual([]);
  });

  it('do not run when staff reopen the thread, nor on the student’s next text', async () => {
    await studentTexts('first');
    await dana.post(`/api/conversations/${thread().id}/close`);
    const visit = await tag('Visit');
    await rule('Tagger', [{ type: 'add_tag', tagId: visit }]);

    await dana.post(`/api/conversations/${thread().id}/reopen`);
    await studentTexts('thanks');

    expect(runs()).toBe(0);
    expect((await conversation()).tags).toEqual([]);
  });

  it('run once each when a rule assigns the thread in the same request', async () => {
    const urgent = await tag('Urgent');
    await rule('Assign', [{ type: 'assign', assignee: { type: 'user', id: danaId } }]);
    await rule('Tag', [{ type: 'add_tag', tagId: urgent }]);
    await rule('Reassign', [
      { type: 'assign', assignee: { type: 'team', id: teamId }, ifUnassigned: true },
    ]);
    await studentTexts('help with my deposit');
    const { messages } = (await dana.get(`/api/conversations/${thread().id}/messages`)).body;
    const stored: StoredInbound = {
      conversationId: thread().id,
      contactId: 1,
      message: messages.find((m: { direction: string }) => m.direction === 'inbound'),
      opened: true,
      created: true,
      keyword: null,
    };

    const again = h.app.services.automation.rules.run(stored);

    expect(again.map((r) => r.outcome)).toEqual(['already_ran', 'already_ran', 'already_ran']);
    expect(runs()).toBe(3);
    expect(await activity()).toEqual([
      "Rule 'Assign' assigned this to Dana Reyes",
      "Rule 'Tag' tagged this Urgent",
    ]);
    expect((await conversation()).assignee).toEqual({ type: 'user', id: danaId });
  });

  it('skip a rule that is off; an earlier rule’s tag satisfies a later one', async () => {
    const vip = await tag('VIP');
    const seen = await tag('Seen');
    await rule('Off', [{ type: 'close' }], [], { enabled: false });
    await rule('Mark', [{ type: 'add_tag', tagId: vip }]);
    await rule(
      'Follow',
      [{ type: 'add_tag', tagId: seen }],
      [{ type: 'tag', op: 'has', tagId: vip }],
    );

    await studentTexts('hello');

    const current = await conversation();
    expect(current.status).toBe('open');
    expect(current.tags).toEqual(['Seen', 'VIP']);
  });

  it('match all or any of their conditions on text, number, contact and hours', async () => {
    const [a, b, c] = [await tag('All'), await tag('Any'), await tag('None')];
    await admin.put('/api/settings', {
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    await rule(
      'All',
      [{ type: 'add_tag', tagId: a }],
      [
        { type: 'text', op: 'starts_with', value: 'question:' },
        { type: 'office_number', numberIds: [numberId] },
        { type: 'contact_field', field: 'firstName', op: 'equals', value: 'maya' },
        { type: 'time', when: 'business_hours' },
      ],
    );
    await rule(
      'Any',
      [{ type: 'add_tag', tagId: b }],
      [
        { type: 'contact_field', field: 'email', op: 'is_set' },
        { type: 'text', op: 'contains', value: 'fafsa' },
      ],
      { match: 'any' },
    );
    await rule(
      'None',
      [{ type: 'add_tag', tagId: c }],
      [{ type: 'time', when: 'outside_business_hours' }],
    );

    await studentTexts('Question: is the FAFSA due?');

    expect((await conversation()).tags).toEqual(['All', 'Any']);
  });

  it('close the conversation and reply with a saved reply filled for the contact', async () => {
    const { savedReply } = (
      await admin.post('/api/saved-replies', {
        title: 'Closed',
        body: 'Hi {{contact.firstName}}, we are closed today.',
      })
    ).body;
    await rule('Closed today', [
      { type: 'auto_reply', savedReplyId: savedReply.id },
      { type: 'close' },
    ]);

    await studentTexts('Are you open?');

    const [request] = await h.fake!.waitForRequests(1, 5000);
    expect((request!.body as { text: string }).text).toBe('Hi Maya, we are closed today.');
    const { messages } = (await dana.get(`/api/conversations/${thread().id}/messages`)).body;
    const reply = messages.find(
      (m: { direction: string; kind: string }) => m.direction === 'outbound' && m.kind === 'sms',
    );
    expect(reply).toMatchObject({ automated: 'rule', authorId: null });
    expect((await conversation()).status).toBe('closed');
    expect(await activity()).toEqual([
      "Rule 'Closed today' sent an auto-reply",
      "Rule 'Closed today' closed the conversation",
    ]);
  });

  it('refuse an auto-reply to an opted-out contact but still take the other actions', async () => {
    await studentTexts('first');
    const contactId = (await conversation()).contactId;
    await dana.post(`/api/contacts/${contactId}/unsubscribe`);
    await dana.post(`/api/conversations/${thread().id}/close`);
    const seen = await tag('Seen');
    await rule('Greeting', [
      { type: 'auto_reply', text: 'Thanks, we got your text!' },
      { type: 'add_tag', tagId: seen },
    ]);

    await studentTexts('hello again');

    expect((await conversation()).tags).toEqual(['Seen']);
    expect(await activity()).toContain(
      "Rule 'Greeting' could not auto-reply: the contact has opted out of texts",
    );
    await sleep(200);
    expect(h.fake!.requests).toHaveLength(0);
    const queued = h.db.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM messages WHERE automated = 'rule'`)
      .get();
    expect(queued).toEqual({ n: 0 });
  });
});

describe('PUT /api/settings with business hours', () => {
  it('refuses a request without a session', async () => {
    expect((await anonymous('/api/settings', 'PUT', { businessHours: [] })).status).toBe(401);
  });

  it('keeps valid hours and refuses a slot that ends before it starts', async () => {
    const saved = await admin.put('/api/settings', {
      businessHours: [{ day: 1, start: '08:30', end: '16:00' }],
    });
    const refused = await admin.put('/api/settings', {
      businessHours: [{ day: 2, start: '17:00', end: '09:00' }],
    });

    expect(saved.body.settings.businessHours).toEqual([{ day: 1, start: '08:30', end: '16:00' }]);
    expect(refused.status).toBe(400);
    expect((await dana.get('/api/settings')).body.settings.businessHours).toHaveLength(1);
  });
});

describe('isWithinBusinessHours', () => {
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

  it('reads the time on the office’s wall clock', () => {
    // 14:30 UTC on a Monday is 10:30 in New York (EDT) and 23:30 in Tokyo.
    const at = new Date('2025-06-02T14:30:00Z');

    expect(isWithinBusinessHours(weekdays, 'America/New_York', at)).toBe(true);
    expect(isWithinBusinessHours(weekdays, 'Asia/Tokyo', at)).toBe(false);
  });

  it('treats the end of a slot as closed and the weekend as outside', () => {
    expect(isWithinBusinessHours(weekdays, 'UTC', new Date('2025-06-02T17:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(weekdays, 'UTC', new Date('2025-06-01T12:00:00Z'))).toBe(false);
  });
});
