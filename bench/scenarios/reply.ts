/**
 * Reply path: one counselor replies over HTTP at a fixed rate, spread over many threads, while
 * the other counselors' sockets watch. Two latencies per reply, both counted for every item:
 * POST → the fake Vonage receiving the send, and POST → the last other counselor's screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startFakeVonage } from '../../test/helpers/fake-vonage.js';
import { keyOfText, seedApp, startApp } from '../lib/app.js';
import type { BenchConfig } from '../lib/config.js';
import { DeliveryTracker, openLoop, poster } from '../lib/load.js';
import { between, connectWatchers } from '../lib/sockets.js';
import { nowUs } from '../lib/stats.js';

export interface ReplyRun {
  screens: ReturnType<DeliveryTracker['result']>;
  carrier: ReturnType<DeliveryTracker['result']>;
  statuses: Record<string, number>;
}

export async function replyScenario(config: BenchConfig, watchers: number): Promise<ReplyRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const fake = await startFakeVonage();
  const seed = seedApp(dir, { staff: watchers + 1, students: config.students });
  const app = await startApp(dir, seed.dbPath, fake);
  const base = `http://127.0.0.1:${app.port}`;
  let current: { run: number; screens: DeliveryTracker; carrier: DeliveryTracker } | null = null;
  let run = 0;
  const count = (
    tracker: 'screens' | 'carrier',
    key: string | undefined,
    client: number,
    at: number,
  ) => {
    if (!key || !current) return;
    const [of, index] = key.split(':');
    if (Number(of) === current.run) current[tracker].received(Number(index), client, at);
  };
  fake.onRequest((request) =>
    count('carrier', keyOfText((request.body as { text?: string }).text), 0, nowUs()),
  );
  const screens = await connectWatchers({
    url: base,
    count: watchers,
    cookies: seed.cookies.slice(1),
    readyEvent: 'sync:ready',
    event: 'message:created',
    onEvent: (client, text, at) =>
      count('screens', between(text, '"text":"reply ', ' '), client, at),
  });
  const http = poster(base);
  const author = seed.cookies[0] as string;

  try {
    const runs: ReplyRun[] = [];
    for (let rep = 0; rep < config.reps; rep++) {
      run += 1;
      const warmup = Math.round((config.replyRate * config.warmupMs) / 1000);
      const total = warmup + Math.round((config.replyRate * config.measureMs) / 1000);
      current = {
        run,
        screens: new DeliveryTracker(total, watchers, warmup),
        carrier: new DeliveryTracker(total, 1, warmup),
      };
      const trackers = current;
      const answers: Array<Promise<number | string>> = [];
      await openLoop({
        rate: config.replyRate,
        total,
        warmup,
        send: (index) => {
          const at = nowUs();
          trackers.screens.sent(index, at);
          trackers.carrier.sent(index, at);
          const id = seed.conversationIds[index % seed.conversationIds.length] as number;
          const body = JSON.stringify({ text: `reply ${run}:${index} Yes, May 1 still stands.` });
          answers.push(http.post(`/api/conversations/${id}/messages`, body, { cookie: author }));
        },
      });
      const statuses: Record<string, number> = {};
      for (const status of await Promise.all(answers))
        statuses[status] = (statuses[status] ?? 0) + 1;
      await Promise.all([
        trackers.screens.settle(total, 5_000),
        trackers.carrier.settle(total, 10_000),
      ]);
      runs.push({
        screens: trackers.screens.result(),
        carrier: trackers.carrier.result(),
        statuses,
      });
      current = null;
    }
    return runs;
  } finally {
    http.close();
    screens.close();
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
