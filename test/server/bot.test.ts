import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';

let h: Harness;
let admin: Staff;
let dana: Staff;
let teamId: number;

const ANSWERS = [
  {
    question: 'When is the deposit due?',
    answer: 'The deposit is due May 1, {{contact.firstName|there}}.',
    keywords: ['deposit', 'due date'],
  },
  {
    question: 'Where is the admissions office?',
    answer: 'We are in Hall 2, room 104.',
    keywords: ['office', 'where are you'],
  },
];

async function setUp(env: Record<string, string> = {}) {
  h = await startHarness({ env });
  const make = factories(h);
  const a = await make.user({ name: 'Ada Admin', role: 'admin' });
  const d = await make.user({ name: 'Dana Reyes' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  admin = await signIn(h, a.email);
  dana = await signIn(h, d.email);
  teamId = (await admin.post('/api/teams', { name: 'Admissions', memberIds: [d.id] })).body.team.id;
  for (const answer of ANSWERS) await admin.post('/api/bot/answers', answer);
}

const turnOn = () =>
  admin.put('/api/settings', { botEnabled: true, botHandoff: { type: 'team', id: teamId } });

async function studentTexts(text: string) {
  expect((await postWebhook(h, 'inbound', inboundBody({ text }))).status).toBe(200);
}

const botTexts = () =>
  (
    h.db.sqlite
      .prepare(`SELECT text FROM messages WHERE kind = 'sms' AND automated = 'bot' ORDER BY id`)
      .all() as Array<{ text: string }>
  ).map((row) => row.text);

const activity = () =>
  (
    h.db.sqlite
      .prepare(`SELECT text FROM messages WHERE kind = 'activity' ORDER BY id`)
      .all() as Array<{
      text: string;
    }>
  ).map((row) => row.text);

async function conversation() {
  return (await dana.get('/api/conversations')).body.conversations[0];
}

describe('GET /api/bot/answers', () => {
  beforeEach(() => setUp());
  afterEach(() => h.close());

  it('refuses a request without a session', async () => {
    expect((await fetch(`${h.url}/api/bot/answers`)).status).toBe(401);
  });

  it('lists the questions and answers to admins only', async () => {
    const listed = await admin.get('/api/bot/answers');
    const refused = await dana.get('/api/bot/answers');

    expect(listed.body.answers.map((a: { keywords: string[] }) => a.keywords)).toEqual([
      ['deposit', 'due date'],
      ['office', 'where are you'],
    ]);
    expect(refused.status).toBe(403);
  });
});

describe('the auto-reply bot without a model', () => {
  beforeEach(() => setUp());
  afterEach(() => h.close());

  it('is off by default', async () => {
    await studentTexts('When is my deposit due?');
    await sleep(300);

    expect(botTexts()).toEqual([]);
    expect(h.fake!.requests).toHaveLength(0);
  });

  it('answers a new conversation by keyword and marks the text as the bot’s', async () => {
    await turnOn();

    await studentTexts('Hi! When is my deposit due?');

    await waitFor(() => botTexts().length > 0);
    expect(botTexts()).toEqual(['The deposit is due May 1, Maya.']);
    const [request] = await h.fake!.waitForRequests(1, 5000);
    expect((request!.body as { text: string }).text).toBe('The deposit is due May 1, Maya.');
    expect(activity()).toEqual(['Auto-reply bot answered “When is the deposit due?”']);
    expect((await conversation()).assignee).toBeNull();
  });

  it('hands off to the team when the student asks for a person', async () => {
    await turnOn();

    await studentTexts('Can I talk to a real person about my deposit?');

    await waitFor(() => activity().length >= 2);
    expect(activity()).toEqual([
      'Auto-reply bot handed this off: the student asked for a person',
      'Auto-reply bot assigned this to Admissions',
    ]);
    expect((await conversation()).assignee).toEqual({ type: 'team', id: teamId });
    expect(botTexts()).toEqual(['Thanks for your text. Someone from our office will reply soon.']);
  });

  it('hands off when it is not sure', async () => {
    await turnOn();

    await studentTexts('Do you have housing for transfer students?');

    await waitFor(() => activity().length >= 2);
    expect(activity()[0]).toBe('Auto-reply bot handed this off: no saved answer fits the question');
    expect((await conversation()).assignee).toEqual({ type: 'team', id: teamId });
  });

  it('stays out of an existing conversation and of opt-out keywords', async () => {
    await turnOn();

    await studentTexts('STOP');
    await studentTexts('When is the deposit due?');
    await sleep(300);

    expect(botTexts()).toEqual([]);
    expect(h.fake!.requests).toHaveLength(0);
  });
});

describe('the auto-reply bot with a model', () => {
  let model: FakeOpenAi;

  beforeAll(async () => {
    model = await startFakeOpenAi();
  });

  afterAll(async () => {
    await model.close();
  });

  beforeEach(async () => {
    model.requests.length = 0;
    await setUp({ ASSISTANT_API_URL: model.url });
    await turnOn();
  });

  afterEach(() => h.close());

  it('answers with the saved answer the model picks, showing it masked text', async () => {
    model.answer(() => '2');

    await studentTexts('where do I bring my papers? my ssn is 123-45-6789');

    await waitFor(() => botTexts().length > 0);
    expect(botTexts()).toEqual(['We are in Hall 2, room 104.']);
    expect(model.seen()).toContain('2. Where is the admissions office?');
    expect(model.seen()).toContain('my ssn is [SSN]');
    expect(model.seen()).not.toContain('123-45-6789');
  });

  it('hands off when the model is not sure', async () => {
    model.answer(() => '0');

    await studentTexts('Is there parking on campus?');

    await waitFor(() => activity().length >= 2);
    expect(activity()[0]).toBe('Auto-reply bot handed this off: no saved answer fits the question');
    expect((await conversation()).assignee).toEqual({ type: 'team', id: teamId });
  });
});
