import { io as connectSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  signIn,
  sleep,
  startHarness,
  waitFor,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let dana: Staff;
let sockets: ClientSocket[];

beforeEach(async () => {
  h = await startHarness();
  const make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  make.number('+12025550123');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Omar', lastName: 'Haddad', phone: '+14155550111' });
  dana = await signIn(h, user.email);
  sockets = [];
});

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  await h.close();
});

interface Seen {
  event: string;
  seq?: number;
  text?: string;
}

/** Every event a socket receives, in order, with the seq and a message's text when present. */
function everything(socket: ClientSocket): Seen[] {
  const seen: Seen[] = [];
  socket.onAny((event: string, payload: { seq?: number; message?: { text: string } }) => {
    seen.push({
      event,
      seq: payload?.seq,
      ...(payload?.message ? { text: payload.message.text } : {}),
    });
  });
  return seen;
}

const headSeq = () =>
  (h.db.sqlite.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null }).seq ??
  0;

describe('socket catch-up with auth.lastSeq', () => {
  it('refuses a catch-up without a session', async () => {
    const socket = connect(h, null, { lastSeq: 0 });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });

  it('replays what a client missed across a restart: those events, in order, once', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'first' }));
    const lastSeq = headSeq();

    // Away: one text to the thread, a restart on the same database, a new student's thread.
    await postWebhook(h, 'inbound', inboundBody({ text: 'second' }));
    await h.close({ keepFiles: true, keepFake: true });
    h = await startHarness({ dir: h.dir, fake: h.fake! });
    await postWebhook(h, 'inbound', inboundBody({ from: '14155550111', text: 'third' }));

    const socket = connect(h, dana.cookie, { lastSeq });
    sockets.push(socket);
    const seen = everything(socket);
    await connected(socket);
    await postWebhook(h, 'inbound', inboundBody({ text: 'live' }));
    await waitFor(() => seen.some((e) => e.text === 'live'));
    await sleep(100);

    const logged = seen.filter((e) => e.seq !== undefined && e.event !== 'sync:ready');
    expect(seen.map((e) => e.event)).toEqual([
      'message:created',
      'conversation:created',
      'message:created',
      'sync:ready',
      'message:created',
    ]);
    expect(logged.map((e) => e.text ?? null)).toEqual(['second', null, 'third', 'live']);
    expect(logged.map((e) => e.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3, lastSeq + 4]);
  });

  it('delivers one text once after three reconnects', async () => {
    let lastSeq: number | undefined;
    const socket: ClientSocket = connectSocket(h.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: dana.cookie },
      auth: (send) => send(lastSeq === undefined ? {} : { lastSeq }),
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const texts: string[] = [];
    socket.on('sync:ready', ({ seq }) => {
      lastSeq = Math.max(lastSeq ?? 0, seq);
    });
    // Counted as received, not deduplicated: the wire itself must carry it once.
    socket.on('message:created', ({ seq, message }) => {
      lastSeq = Math.max(lastSeq ?? 0, seq);
      texts.push(message.text);
    });
    await connected(socket);

    for (let round = 0; round < 3; round += 1) {
      socket.disconnect();
      const ready = connected(socket);
      socket.connect();
      await ready;
    }
    await postWebhook(h, 'inbound', inboundBody({ text: 'only once' }));

    await waitFor(() => texts.length > 0);
    await sleep(150);
    expect(texts).toEqual(['only once']);
  });

  it('replays a text missed during a short disconnect before live ones, once', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'before' }));
    const lastSeq = headSeq();
    await postWebhook(h, 'inbound', inboundBody({ text: 'while away' }));

    const socket = connect(h, dana.cookie, { lastSeq });
    sockets.push(socket);
    const seen = everything(socket);
    await connected(socket);
    await sleep(100);

    expect(seen.filter((e) => e.text).map((e) => e.text)).toEqual(['while away']);
  });

  it('tells a client whose events were pruned to refetch: sync:reset, no replay', async () => {
    for (const text of ['one', 'two', 'three'])
      await postWebhook(h, 'inbound', inboundBody({ text }));
    const head = headSeq();
    h.db.sqlite.prepare('DELETE FROM events WHERE seq < ?').run(head);

    const socket = connect(h, dana.cookie, { lastSeq: 1 });
    sockets.push(socket);
    const seen = everything(socket);
    await waitFor(() => seen.length > 0);
    await sleep(100);

    expect(seen).toEqual([{ event: 'sync:reset', seq: head }]);
  });

  it('tells a client asking for a seq this database never issued to refetch', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'one' }));

    const socket = connect(h, dana.cookie, { lastSeq: headSeq() + 50 });
    sockets.push(socket);
    const seen = everything(socket);
    await waitFor(() => seen.length > 0);

    expect(seen[0]).toEqual({ event: 'sync:reset', seq: headSeq() });
  });

  it('replays nothing to a client that connects without lastSeq', async () => {
    await postWebhook(h, 'inbound', inboundBody({ text: 'old news' }));

    const socket = connect(h, dana.cookie);
    sockets.push(socket);
    const seen = everything(socket);
    await connected(socket);
    await sleep(100);

    expect(seen).toEqual([{ event: 'sync:ready', seq: headSeq() }]);
  });
});
