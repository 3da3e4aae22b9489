import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

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
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';

let h: Harness;
let dana: Staff;
let model: FakeOpenAi;

const anonymous = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${h.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function setUp(env: Record<string, string>) {
  h = await startHarness({ env });
  const make = factories(h);
  const d = await make.user({ name: 'Dana Reyes' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, d.email);
}

async function studentThread(text: string): Promise<number> {
  await postWebhook(h, 'inbound', inboundBody({ text }));
  return (await dana.get('/api/conversations')).body.conversations[0].id;
}

describe('with a model configured', () => {
  beforeAll(async () => {
    model = await startFakeOpenAi();
  });

  afterAll(async () => {
    await model.close();
  });

  beforeEach(async () => {
    model.requests.length = 0;
    model.answer(() => 'ok');
    await setUp({
      ASSISTANT_API_URL: model.url,
      ASSISTANT_API_KEY: 'test-assistant-key',
      ASSISTANT_MODEL: 'local-test-model',
    });
  });

  afterEach(async () => {
    await h.close();
  });

  describe('GET /api/assistant', () => {
    it('refuses a request without a session', async () => {
      expect((await anonymous('/api/assistant')).status).toBe(401);
    });

    it('offers every action', async () => {
      const res = await dana.get('/api/assistant');

      expect(res.body.enabled).toBe(true);
      expect(res.body.actions).toEqual([
        'draft',
        'improve',
        'fix',
        'shorten',
        'expand',
        'tone',
        'translate',
        'summarise',
      ]);
    });
  });

  describe('POST /api/assistant/:action', () => {
    it('refuses a request without a session', async () => {
      expect((await anonymous('/api/assistant/improve', 'POST', { text: 'hi' })).status).toBe(401);
    });

    it('sends the draft to the chat-completions endpoint with the model and key', async () => {
      model.answer(() => '"Hi Maya! Your form arrived and looks complete."');

      const res = await dana.post('/api/assistant/improve', { text: 'hi maya form came, its ok' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        text: 'Hi Maya! Your form arrived and looks complete.',
        segments: 1,
      });
      const [request] = model.requests;
      expect(request!.path).toBe('/v1/chat/completions');
      expect(request!.headers.authorization).toBe('Bearer test-assistant-key');
      expect(request!.body.model).toBe('local-test-model');
      expect(request!.body.messages.at(-1)!.content).toContain('hi maya form came, its ok');
    });

    it('masks SSN-like and card numbers and birth dates before the model sees them', async () => {
      const text =
        'Her SSN is 123-45-6789, card 4111 1111 1111 1111, DOB 04/12/2001. Visit on 6/30.';

      await dana.post('/api/assistant/fix', { text });

      const seen = model.seen();
      expect(seen).toContain('Her SSN is [SSN], card [CARD], DOB [DATE]. Visit on 6/30.');
      for (const secret of ['123-45-6789', '4111 1111 1111 1111', '04/12/2001'])
        expect(seen).not.toContain(secret);
    });

    it('drafts a reply from the thread, masked, and sends nothing', async () => {
      const id = await studentThread('Hi, my social security number is 123456789, is my aid done?');
      model.answer(() => 'Hi Maya, your aid is being processed. We will text you when it is done.');

      const res = await dana.post('/api/assistant/draft', { conversationId: id });

      expect(res.body.text).toBe(
        'Hi Maya, your aid is being processed. We will text you when it is done.',
      );
      expect(model.seen()).toContain(
        'Student: Hi, my social security number is [SSN], is my aid done?',
      );
      expect(model.seen()).not.toContain('123456789');
      const outbound = h.db.sqlite
        .prepare(`SELECT COUNT(*) AS n FROM messages WHERE direction = 'outbound'`)
        .get();
      expect(outbound).toEqual({ n: 0 });
      await sleep(100);
      expect(h.fake!.requests).toHaveLength(0);
    });

    it('summarises the thread with its private notes', async () => {
      const id = await studentThread('When is orientation?');
      await dana.post(`/api/conversations/${id}/notes`, {
        text: 'She is an international student.',
      });
      model.answer(() => 'Asked about orientation. International student. Open: send the date.');

      const res = await dana.post('/api/assistant/summarise', { conversationId: id });

      expect(res.body.text).toBe(
        'Asked about orientation. International student. Open: send the date.',
      );
      expect(model.seen()).toContain('Staff note: She is an international student.');
    });

    it('asks again when a one-segment shortening is still too long', async () => {
      const long = 'This reply is far too long for a single text message. '.repeat(4);
      model.answer(() => (model.requests.length === 1 ? long : 'Your form is in. See you Monday!'));

      const res = await dana.post('/api/assistant/shorten', { text: long, oneSegment: true });

      expect(model.requests).toHaveLength(2);
      expect(model.requests[0]!.body.messages.at(-1)!.content).toContain('one SMS segment');
      expect(res.body).toMatchObject({ text: 'Your form is in. See you Monday!', segments: 1 });
    });

    it('changes the tone and translates into the language chosen', async () => {
      await dana.post('/api/assistant/tone', { text: 'Send the form.', tone: 'encouraging' });
      await dana.post('/api/assistant/translate', { text: 'Send the form.', language: 'Spanish' });
      const refused = await dana.post('/api/assistant/translate', { text: 'Send the form.' });

      expect(model.requests[0]!.body.messages.at(-1)!.content).toContain('encouraging tone');
      expect(model.requests[1]!.body.messages.at(-1)!.content).toContain('into Spanish');
      expect(refused.status).toBe(400);
    });

    it('answers 503 when the model fails, and 404 for an unknown action', async () => {
      model.answer(() => ({ status: 500 }));

      const failed = await dana.post('/api/assistant/expand', { text: 'Thanks!' });
      const unknown = await dana.post('/api/assistant/poem', { text: 'Thanks!' });

      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('assistant_failed');
      expect(unknown.status).toBe(404);
    });
  });
});

describe('with a URL that already names /chat/completions', () => {
  beforeAll(async () => {
    model = await startFakeOpenAi();
    await setUp({ ASSISTANT_API_URL: `${model.url}/chat/completions` });
  });

  afterAll(async () => {
    await h.close();
    await model.close();
  });

  it('posts to the URL as given', async () => {
    const res = await dana.post('/api/assistant/improve', { text: 'thanks' });

    expect(res.status).toBe(200);
    expect(model.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(model.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('without a model', () => {
  beforeAll(async () => {
    await setUp({});
  });

  afterAll(async () => {
    await h.close();
  });

  it('offers only spelling fixes and says how to turn the rest on', async () => {
    const res = await dana.get('/api/assistant');

    expect(res.body).toEqual({
      enabled: false,
      actions: ['fix'],
      setup: ['ASSISTANT_API_URL', 'ASSISTANT_API_KEY', 'ASSISTANT_MODEL'],
    });
  });

  it('fixes spelling offline, leaving names and template fields alone', async () => {
    const res = await dana.post('/api/assistant/fix', {
      text: 'Hi {{contact.firstName}}, we recieved your applicaton. Dana will call teh Bursar.',
    });

    expect(res.status).toBe(200);
    expect(res.body.text).toBe(
      'Hi {{contact.firstName}}, we received your application. Dana will call the Bursar.',
    );
    expect(res.body.corrections).toEqual([
      { from: 'recieved', to: 'received' },
      { from: 'applicaton', to: 'application' },
      { from: 'teh', to: 'the' },
    ]);
  });

  it('leaves office words, acronyms and words with digits alone', async () => {
    const res = await dana.post('/api/assistant/fix', {
      text: 'Your fafsa and FAFSA are in, the registrar has your transcripts, GPA 3.8, 2nd try.',
    });

    expect(res.body.text).toBe(
      'Your fafsa and FAFSA are in, the registrar has your transcripts, GPA 3.8, 2nd try.',
    );
    expect(res.body.corrections).toEqual([]);
  });

  it('mends a misspelling into the common word with the same first letter', async () => {
    const res = await dana.post('/api/assistant/fix', {
      text: 'you shoud recieve it soon; the fasfa is due',
    });

    expect(res.body.text).toBe('you should receive it soon; the FAFSA is due');
    expect(res.body.corrections).toEqual([
      { from: 'shoud', to: 'should' },
      { from: 'recieve', to: 'receive' },
      { from: 'fasfa', to: 'FAFSA' },
    ]);
  });

  it('refuses the other actions with how to enable them', async () => {
    const res = await dana.post('/api/assistant/improve', { text: 'thanks' });

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('assistant_not_configured');
    expect(res.body.error.message).toContain('ASSISTANT_API_URL');
  });
});
