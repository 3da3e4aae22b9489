/**
 * Reconnect storm: `count` staff sockets drop at once while texts keep arriving, then all come
 * back at once with `auth.lastSeq`. Timed from the first reconnect until every socket has had
 * its missed texts replayed and `sync:ready`; each missed text must arrive once per socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { io, type Socket } from 'socket.io-client';

import { startFakeVonage } from '../../test/helpers/fake-vonage.js';
import { seedApp, signedInbound, startApp } from '../lib/app.js';
import type { BenchConfig } from '../lib/config.js';
import { poster } from '../lib/load.js';
import { onceReady } from '../lib/sockets.js';
import { nowUs, round, sleep } from '../lib/stats.js';

export interface StormRun {
  ms: number;
  missed: number;
  /** Replayed texts a socket got more than once, or never. */
  duplicated: number;
  lost: number;
}

const MISSED = 20;

export async function reconnectScenario(config: BenchConfig): Promise<StormRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const fake = await startFakeVonage();
  const seed = seedApp(dir, { staff: config.storm, students: config.students });
  const app = await startApp(dir, seed.dbPath, fake);
  const base = `http://127.0.0.1:${app.port}`;
  const http = poster(base, 64, { resendOnReset: true });
  const lastSeq = new Array<number>(config.storm).fill(0);
  const open = (index: number, seq?: number): Socket => {
    const socket = io(base, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: seed.cookies[index] as string },
      auth: seq === undefined ? {} : { lastSeq: seq },
    });
    socket.on('message:created', (payload: { seq: number }) => {
      lastSeq[index] = Math.max(lastSeq[index] ?? 0, payload.seq);
    });
    socket.on('sync:ready', (payload: { seq: number }) => {
      lastSeq[index] = Math.max(lastSeq[index] ?? 0, payload.seq);
    });
    return socket;
  };
  const texts = async (run: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const hook = signedInbound(`${run}:${i}`, seed.phones[i % seed.phones.length] as string);
      await http.post('/webhooks/vonage/inbound', hook.raw, { authorization: hook.authorization });
    }
  };

  let sockets = Array.from({ length: config.storm }, (_, i) => open(i));
  try {
    await Promise.all(sockets.map((socket) => onceReady(socket, 'sync:ready', 30_000)));
    const runs: StormRun[] = [];
    for (let rep = 0; rep < config.reps; rep++) {
      await texts(rep * 2, 5);
      await sleep(300);
      for (const socket of sockets) socket.disconnect();
      await texts(rep * 2 + 1, MISSED);

      const replayed = new Array<number>(config.storm).fill(0);
      const started = nowUs();
      sockets = sockets.map((_, i) => {
        const socket = open(i, lastSeq[i]);
        socket.on('message:created', () => (replayed[i] = (replayed[i] ?? 0) + 1));
        return socket;
      });
      await Promise.all(sockets.map((socket) => onceReady(socket, 'sync:ready', 60_000)));
      const ms = round((nowUs() - started) / 1000, 1);
      runs.push({
        ms,
        missed: MISSED,
        duplicated: replayed.reduce((sum, n) => sum + Math.max(0, n - MISSED), 0),
        lost: replayed.reduce((sum, n) => sum + Math.max(0, MISSED - n), 0),
      });
      await sleep(500);
    }
    return runs;
  } finally {
    for (const socket of sockets) socket.disconnect();
    http.close();
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
