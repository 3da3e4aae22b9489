import { DeliveryTracker, openLoop } from './load.js';
import type { BenchProcess, ServerStats } from './processes.js';

/**
 * Which run the watchers are counting. Every item is keyed `run:index`, so a straggler from an
 * earlier run is never counted in a later one.
 */
export interface Stream {
  run: number;
  tracker: DeliveryTracker | null;
}

export function newStream(): Stream {
  return { run: 0, tracker: null };
}

/** A watcher callback that finds an item's key in an event's raw text and counts its receipt. */
export function receiver(stream: Stream, keyOf: (text: string) => string | undefined) {
  return (client: number, text: string, atUs: number) => {
    const key = keyOf(text);
    if (!key || !stream.tracker) return;
    const [run, index] = key.split(':');
    if (Number(run) !== stream.run) return;
    stream.tracker.received(Number(index), client, atUs);
  };
}

export interface DeliveryResult {
  count: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  duplicated: number;
  deliveries: number;
  /** Answers by status, or by error code for requests that got none. */
  statuses: Record<string, number>;
  lagMaxMs: number;
  /** Items per second actually sent over the whole run. */
  sentRate: number;
  server: ServerStats | null;
}

/**
 * One open-loop run: `send(index, key)` issues item `index` (a webhook, a reply) at the rate, by
 * the clock; the watchers count each item's arrival on every client. Warm-up items are sent but
 * not counted; the server's CPU and event-loop window starts after them.
 */
export async function deliveryRun(options: {
  stream: Stream;
  clients: number;
  rate: number;
  warmupMs: number;
  measureMs: number;
  settleMs: number;
  send: (index: number, key: string) => Promise<number | string>;
  server?: BenchProcess;
}): Promise<DeliveryResult> {
  const { stream, rate } = options;
  const warmup = Math.round((rate * options.warmupMs) / 1000);
  const total = warmup + Math.round((rate * options.measureMs) / 1000);
  stream.run += 1;
  const key = (index: number) => `${stream.run}:${index}`;
  const tracker = new DeliveryTracker(total, options.clients, warmup);
  stream.tracker = tracker;

  const answers: Array<Promise<number | string>> = [];
  let marked: Promise<void> | undefined;
  const loop = await openLoop({
    rate,
    total,
    warmup,
    onMeasureStart: () => {
      marked = options.server?.mark();
    },
    send: (index) => {
      tracker.sent(index);
      answers.push(options.send(index, key(index)));
    },
  });
  const statuses: Record<string, number> = {};
  for (const status of await Promise.all(answers)) statuses[status] = (statuses[status] ?? 0) + 1;
  await tracker.settle(total, options.settleMs);
  await marked;
  const server = options.server ? await options.server.read() : null;
  stream.tracker = null;

  return {
    ...tracker.result(total),
    statuses,
    lagMaxMs: loop.lagMaxMs,
    sentRate: Math.round((total / loop.elapsedMs) * 1000),
    server,
  };
}
