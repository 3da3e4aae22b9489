/**
 * Inbound to screens: signed Vonage webhooks into the real server at a fixed arrival rate while
 * `clients` staff sockets watch; POST → the last socket's `message:created`, every receipt
 * counted. Then a ladder of rates for the highest one sustained with p99 under 100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startFakeVonage } from '../../test/helpers/fake-vonage.js';
import { climb } from '../floors/measure.js';
import { seedApp, signedInbound, startApp } from '../lib/app.js';
import type { BenchConfig } from '../lib/config.js';
import { deliveryRun, newStream, receiver, type DeliveryResult } from '../lib/delivery.js';
import { poster } from '../lib/load.js';
import { between, connectWatchers } from '../lib/sockets.js';

export interface InboundResult {
  clients: number;
  runs: DeliveryResult[];
  ladder: Array<{ rate: number; result: DeliveryResult; pass: boolean }>;
  sustained: number;
}

export async function inboundScenario(
  config: BenchConfig,
  clients: number,
): Promise<InboundResult> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const fake = await startFakeVonage();
  const seed = seedApp(dir, { staff: clients, students: config.students });
  const app = await startApp(dir, seed.dbPath, fake);
  const base = `http://127.0.0.1:${app.port}`;
  const stream = newStream();
  const watchers = await connectWatchers({
    url: base,
    count: clients,
    cookies: seed.cookies,
    readyEvent: 'sync:ready',
    event: 'message:created',
    onEvent: receiver(stream, (text) => between(text, '"text":"bench ', ' ')),
  });
  const http = poster(base, 64, { resendOnReset: true });
  const send = (index: number, key: string) => {
    const hook = signedInbound(key, seed.phones[index % seed.phones.length] as string);
    return http.post('/webhooks/vonage/inbound', hook.raw, { authorization: hook.authorization });
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
          settleMs: 5_000,
          send,
          server: app,
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
        settleMs: 5_000,
        send,
      }),
    );
    return { clients, runs, ...ladder };
  } finally {
    http.close();
    watchers.close();
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
