import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  record,
  signIn,
  startHarness,
  waitFor,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { png } from '../helpers/media-files.js';

let h: Harness;
let dana: Staff;
let socket: ClientSocket;
let threadId: number;

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  dana = await signIn(h, user.email);
  await postWebhook(h, 'inbound', inboundBody({ text: 'Hi' }));
  threadId = (await dana.get('/api/conversations')).body.conversations[0].id;
  socket = connect(h, dana.cookie);
  await connected(socket);
});

afterEach(async () => {
  socket.disconnect();
  await h.close();
});

const reply = (body: Record<string, unknown>) =>
  dana.post(`/api/conversations/${threadId}/messages`, body);

describe('POST /api/conversations/:id/messages clientId', () => {
  it('echoes the clientId on the answer and on message:created', async () => {
    const created = record(socket, 'message:created');

    const res = await reply({ text: 'On my way', clientId: 'tab1-7f3a' });

    expect(res.status).toBe(201);
    expect(res.body.message.clientId).toBe('tab1-7f3a');
    const event = await waitFor(() => created.find((e) => e.message.id === res.body.message.id));
    expect(event.message.clientId).toBe('tab1-7f3a');
  });

  it('leaves the clientId out of the stored history', async () => {
    const res = await reply({ text: 'On my way', clientId: 'tab1-7f3a' });

    const history = await dana.get(`/api/conversations/${threadId}/messages`);
    const stored = history.body.messages.find((m: { id: number }) => m.id === res.body.message.id);
    expect(stored.text).toBe('On my way');
    expect(stored).not.toHaveProperty('clientId');
  });

  it('answers without a clientId when none was sent', async () => {
    const res = await reply({ text: 'On my way' });

    expect(res.status).toBe(201);
    expect(res.body.message).not.toHaveProperty('clientId');
  });

  it('refuses a clientId with characters outside letters, digits, _ and -', async () => {
    const res = await reply({ text: 'On my way', clientId: 'a b<c>' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('keeps the clientId on a reply with a picture, whose attachment has its size', async () => {
    const upload = await fetch(`${h.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie: dana.cookie, 'content-type': 'image/png', 'x-file-name': 'map.png' },
      body: new Uint8Array(png(40, 30)),
    }).then((r) => r.json());

    const res = await reply({
      text: 'Campus map',
      attachmentIds: [upload.attachment.id],
      clientId: 'tab2-1',
    });

    expect(res.status).toBe(201);
    expect(res.body.message.clientId).toBe('tab2-1');
    expect(res.body.message.attachments[0]).toMatchObject({ width: 40, height: 30 });
  });
});
