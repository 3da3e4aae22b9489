/**
 * The harness side of the floors: starts each bare server on the server core, drives it from
 * this process and returns the figures bench/run.ts compares the app with.
 */
import type { BenchConfig } from '../lib/config.js';
import { deliveryRun, newStream, receiver, type DeliveryResult } from '../lib/delivery.js';
import { DeliveryTracker, poster } from '../lib/load.js';
import { startProcess } from '../lib/processes.js';
import { between, connectClients, connectWatchers } from '../lib/sockets.js';
import { Latencies, nowUs, round, sleep } from '../lib/stats.js';
import { signedInbound } from '../lib/app.js';

export interface BroadcastFloor {
  runs: Array<{
    p50: number;
    p99: number;
    lost: number;
    duplicated: number;
    cpuPerDeliveryUs: number;
  }>;
}

/** Bare Socket.IO: one small event to `clients` clients at `rate`/s, emit → last client. */
export async function broadcastFloor(
  config: BenchConfig,
  clients: number,
  rate = 100,
): Promise<BroadcastFloor> {
  const server = await startProcess('bench/floors/broadcast-server.ts');
  const stream = newStream();
  const keyOf = (text: string) => between(text, '"key":"', '"');
  const count = receiver(stream, keyOf);
  const watchers = await connectWatchers({
    url: `http://127.0.0.1:${server.port}`,
    count: clients,
    readyEvent: 'connect',
    event: 'tick',
    onEvent: (client, text, at) => {
      const [run, index] = (keyOf(text) ?? '').split(':');
      const emitted = Number(between(text, '"t":', ','));
      if (stream.tracker && Number(run) === stream.run) stream.tracker.sent(Number(index), emitted);
      count(client, text, at);
    },
  });
  const runs: BroadcastFloor['runs'] = [];
  try {
    for (let rep = 0; rep < config.reps; rep++) {
      const warmup = Math.round((rate * config.warmupMs) / 1000);
      const total = warmup + Math.round((rate * config.measureMs) / 1000);
      stream.run += 1;
      const tracker = new DeliveryTracker(total, clients, warmup);
      stream.tracker = tracker;
      const done = await server.ask<{ cpuUs: number }>({
        type: 'emit',
        run: stream.run,
        rate,
        total,
        warmup,
      });
      await tracker.settle(total, 3_000);
      const result = tracker.result(total);
      stream.tracker = null;
      runs.push({
        p50: result.p50,
        p99: result.p99,
        lost: result.lost,
        duplicated: result.duplicated,
        cpuPerDeliveryUs: round(done.cpuUs / ((total - warmup) * clients), 2),
      });
    }
  } finally {
    watchers.close();
    await server.stop();
  }
  return { runs };
}

/**
 * Bare Socket.IO: `clients` sockets connecting at once, until the last is connected (ms), and
 * the bare server's RSS with them connected.
 */
export async function connectAllFloor(
  config: BenchConfig,
  clients: number,
): Promise<{ times: number[]; rssMb: number }> {
  const server = await startProcess('bench/floors/broadcast-server.ts');
  const times: number[] = [];
  let rssMb = 0;
  try {
    for (let rep = 0; rep < config.reps; rep++) {
      const started = nowUs();
      const sockets = await connectClients(`http://127.0.0.1:${server.port}`, clients);
      times.push(round((nowUs() - started) / 1000, 1));
      rssMb = Math.max(rssMb, round((await server.read()).rss / 1024 / 1024, 1));
      for (const socket of sockets) socket.disconnect();
      await sleep(500);
    }
  } finally {
    await server.stop();
  }
  return { times, rssMb };
}

export interface WebhookFloor {
  runs: DeliveryResult[];
  ladder: Array<{ rate: number; result: DeliveryResult; pass: boolean }>;
  sustained: number;
}

/** Bare Express 5 JSON route broadcasting to `clients` sockets: POST → last client. */
export async function webhookFloor(config: BenchConfig, clients: number): Promise<WebhookFloor> {
  const server = await startProcess('bench/floors/express-server.ts');
  const base = `http://127.0.0.1:${server.port}`;
  const stream = newStream();
  const watchers = await connectWatchers({
    url: base,
    count: clients,
    readyEvent: 'connect',
    event: 'message',
    onEvent: receiver(stream, (text) => between(text, '"id":"bench-', '"')),
  });
  const http = poster(base, 64, { resendOnReset: true });
  const send = (_index: number, key: string) => {
    const hook = signedInbound(key, '+14152000000');
    return http.post('/hook', hook.raw, { authorization: hook.authorization });
  };
  try {
    const runs: DeliveryResult[] = [];
    for (let rep = 0; rep < config.reps; rep++) {
      runs.push(
        await deliveryRun({
          stream,
          clients,
          rate: config.inboundRate,
          warmupMs: config.warmupMs,
          measureMs: config.measureMs,
          settleMs: 3_000,
          send,
          server,
        }),
      );
    }
    const ladder = await climb(config, (rate) =>
      deliveryRun({
        stream,
        clients,
        rate,
        warmupMs: config.ladderWarmupMs,
        measureMs: config.ladderMeasureMs,
        settleMs: 3_000,
        send,
      }),
    );
    return { runs, ...ladder };
  } finally {
    http.close();
    watchers.close();
    await server.stop();
  }
}

/**
 * Tries each rate of the ladder in turn; a rate holds when p99 stays under 100 ms, nothing is
 * lost or refused and the harness really sent at that rate. Stops at the first that does not.
 */
export async function climb(
  config: BenchConfig,
  run: (rate: number) => Promise<DeliveryResult>,
): Promise<{
  ladder: Array<{ rate: number; result: DeliveryResult; pass: boolean }>;
  sustained: number;
}> {
  const ladder: Array<{ rate: number; result: DeliveryResult; pass: boolean }> = [];
  let sustained = 0;
  for (const rate of config.ladder) {
    const result = await run(rate);
    const refused = Object.entries(result.statuses).some(
      ([status, n]) => status !== '200' && status !== '201' && n > 0,
    );
    const pass =
      result.p99 < 100 && result.lost === 0 && !refused && result.sentRate >= rate * 0.95;
    ladder.push({ rate, result, pass });
    if (!pass) break;
    sustained = rate;
    await sleep(500);
  }
  return { ladder, sustained };
}

/** Bare Express 5 `express.json()` empty POST, closed loop over 10 connections. */
export async function httpFloor(
  config: BenchConfig,
): Promise<Array<{ rps: number; p50: number; p99: number }>> {
  const server = await startProcess('bench/floors/express-server.ts');
  const http = poster(`http://127.0.0.1:${server.port}`, 10);
  const runs: Array<{ rps: number; p50: number; p99: number }> = [];
  try {
    for (let rep = 0; rep < config.reps; rep++) {
      const latency = new Latencies();
      const start = nowUs();
      const measureFrom = start + config.warmupMs * 1000;
      const end = measureFrom + config.measureMs * 1000;
      const worker = async () => {
        while (nowUs() < end) {
          const sent = nowUs();
          await http.post('/empty', '{}');
          if (sent >= measureFrom) latency.record(nowUs() - sent);
        }
      };
      await Promise.all(Array.from({ length: 10 }, worker));
      const summary = latency.summary();
      runs.push({
        rps: Math.round(summary.count / (config.measureMs / 1000)),
        p50: summary.p50,
        p99: summary.p99,
      });
    }
  } finally {
    http.close();
    await server.stop();
  }
  return runs;
}

export interface SqlFloors {
  insert: { count: number; p50: number; p99: number; max: number };
  inbox: Record<string, { p50: number; p99: number; rows: number }>;
}

/** The insert floor on a throwaway copy of the big database; the read floors on the original. */
export async function sqlFloors(
  config: BenchConfig,
  db: { path: string; copy: string; userId: number; teamId: number },
  words: { rare: string; common: string },
): Promise<SqlFloors> {
  const worker = await startProcess('bench/floors/sqlite.ts');
  try {
    const insert = await worker.ask<SqlFloors['insert']>({
      type: 'insert',
      db: db.copy,
      count: config.insertCommits,
    });
    const { floors } = await worker.ask<{ floors: SqlFloors['inbox'] }>({
      type: 'inbox',
      db: db.path,
      iterations: config.inboxIterations,
      userId: db.userId,
      teamId: db.teamId,
      words,
    });
    return {
      insert: { count: insert.count, p50: insert.p50, p99: insert.p99, max: insert.max },
      inbox: floors,
    };
  } finally {
    await worker.stop();
  }
}
