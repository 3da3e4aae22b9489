import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { PresenceEntry } from '@shared/events.js';

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
let dana: Staff & { id: number };
let eli: Staff & { id: number };
let sockets: ClientSocket[];
let A: number;
let B: number;

const HEARTBEAT = { pingIntervalMs: 300, pingTimeoutMs: 300, typingTtlMs: 400 };

beforeEach(async () => {
  h = await startHarness({ app: { realtime: HEARTBEAT } });
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes' });
  const b = await make.user({ name: 'Eli Park' });
  dana = { ...(await signIn(h, a.email)), id: a.id };
  eli = { ...(await signIn(h, b.email)), id: b.id };
  sockets = [];

  // Presence is kept for real threads only: two of them.
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Omar', lastName: 'Haddad', phone: '+14155550111' });
  await postWebhook(h, 'inbound', inboundBody({ text: 'Hi' }));
  await postWebhook(h, 'inbound', inboundBody({ from: '14155550111', text: 'Hello' }));
  [A, B] = (await dana.get('/api/conversations')).body.conversations.map(
    (c: { id: number }) => c.id,
  );
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

async function open(staff: Staff): Promise<ClientSocket> {
  const socket = connect(h, staff.cookie);
  sockets.push(socket);
  await connected(socket);
  return socket;
}

/** The latest list a socket was told for one conversation. */
function latest(
  seen: Array<{ conversationId: number; viewers?: PresenceEntry[]; typers?: PresenceEntry[] }>,
  id: number,
) {
  const last = [...seen].reverse().find((update) => update.conversationId === id);
  return last?.viewers ?? last?.typers;
}

const names = (entries: PresenceEntry[] | undefined) => entries?.map((entry) => entry.name);

describe('viewing:start and viewing:stop', () => {
  it('refuses a socket without a session', async () => {
    const socket = connect(h, null);
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });

  it('shows everyone who is viewing a thread, each person once', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'presence:updated');
    const [tabOne, tabTwo] = [await open(dana), await open(dana)];

    tabOne!.emit('viewing:start', { conversationId: A });
    tabTwo!.emit('viewing:start', { conversationId: A });
    observer.emit('viewing:start', { conversationId: A });

    await waitFor(() => names(latest(seen, A))?.length === 2);
    expect(names(latest(seen, A))?.sort()).toEqual(['Dana Reyes', 'Eli Park']);
  });

  it('takes a viewer off the list when they stop viewing or switch threads', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'presence:updated');
    const viewer = await open(dana);

    viewer.emit('viewing:start', { conversationId: A });
    await waitFor(() => names(latest(seen, A))?.includes('Dana Reyes'));
    viewer.emit('viewing:stop', { conversationId: A });
    viewer.emit('viewing:start', { conversationId: B });

    await waitFor(() => latest(seen, A)?.length === 0 && latest(seen, B)?.length === 1);
  });

  it('takes a viewer off the list as soon as their tab closes', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'presence:updated');
    const viewer = await open(dana);
    viewer.emit('viewing:start', { conversationId: A });
    await waitFor(() => latest(seen, A)?.length === 1);

    viewer.disconnect();

    await waitFor(() => latest(seen, A)?.length === 0);
  });

  it('takes a viewer off the list when their connection drops without closing', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'presence:updated');
    const viewer = await open(dana);
    viewer.emit('viewing:start', { conversationId: A });
    await waitFor(() => latest(seen, A)?.length === 1);

    // Stop reading the TCP socket: no pong goes back, as when Wi-Fi goes away.
    const transport = viewer.io.engine.transport as unknown as {
      ws: { _socket: { pause(): void; destroy(): void } };
    };
    const tcp = transport.ws._socket;
    tcp.pause();

    await waitFor(() => latest(seen, A)?.length === 0, 5_000);
    tcp.destroy();
  });

  it('tells a client that connects who is already viewing', async () => {
    const viewer = await open(dana);
    viewer.emit('viewing:start', { conversationId: A });
    await sleep(50);

    const late = connect(h, eli.cookie);
    sockets.push(late);
    const seen = record(late, 'presence:updated');
    await connected(late);

    await waitFor(() => names(latest(seen, A))?.includes('Dana Reyes'));
  });

  it('ignores a payload without a conversation id, or for no conversation', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'presence:updated');
    const viewer = await open(dana);

    viewer.emit('viewing:start', { conversationId: 'seven' } as never);
    viewer.emit('viewing:start', null as never);
    viewer.emit('viewing:start', { conversationId: 999_999 });

    await sleep(150);
    expect(seen).toEqual([]);
  });
});

describe('typing:start and typing:stop', () => {
  it('shows the others who is typing, and clears it on typing:stop', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'typing:updated');
    const typist = await open(dana);

    typist.emit('typing:start', { conversationId: A });
    await waitFor(() => names(latest(seen, A))?.includes('Dana Reyes'));
    typist.emit('typing:stop', { conversationId: A });

    await waitFor(() => latest(seen, A)?.length === 0);
  });

  it('keeps someone typing while they repeat typing:start, telling the others once', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'typing:updated');
    const typist = await open(dana);

    typist.emit('typing:start', { conversationId: A });
    await waitFor(() => seen.length === 1);
    for (let i = 0; i < 4; i += 1) {
      await sleep(150);
      typist.emit('typing:start', { conversationId: A });
    }

    expect(seen).toHaveLength(1);
    await waitFor(() => latest(seen, A)?.length === 0, 2_000);
  });

  it('clears typing when the typist disconnects', async () => {
    const observer = await open(eli);
    const seen = record(observer, 'typing:updated');
    const typist = await open(dana);
    typist.emit('viewing:start', { conversationId: A });
    typist.emit('typing:start', { conversationId: A });
    await waitFor(() => latest(seen, A)?.length === 1);

    typist.disconnect();

    await waitFor(() => latest(seen, A)?.length === 0);
  });
});
