import { Agent, request } from 'node:http';

import { Latencies, nowUs, sleep } from './stats.js';

/**
 * Counts every receipt of every sent item on every client: the latency from send to the last
 * client, and what was lost (a client never got it) or duplicated (a client got it twice).
 */
export class DeliveryTracker {
  private readonly sentAt: Float64Array;
  private readonly lastAt: Float64Array;
  private readonly distinct: Uint16Array;
  private readonly seen: Uint8Array;
  private duplicates = 0;
  private readonly firstMeasured: number;

  constructor(
    readonly total: number,
    readonly clients: number,
    warmup: number,
  ) {
    this.sentAt = new Float64Array(total);
    this.lastAt = new Float64Array(total);
    this.distinct = new Uint16Array(total);
    this.seen = new Uint8Array(total * clients);
    this.firstMeasured = warmup;
  }

  sent(id: number, atUs = nowUs()): void {
    this.sentAt[id] = atUs;
  }

  received(id: number, client: number, atUs: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.total) return;
    const slot = id * this.clients + client;
    if (this.seen[slot]) {
      if (id >= this.firstMeasured) this.duplicates += 1;
      return;
    }
    this.seen[slot] = 1;
    this.distinct[id] = (this.distinct[id] ?? 0) + 1;
    if (atUs > (this.lastAt[id] ?? 0)) this.lastAt[id] = atUs;
  }

  /** True once every measured item reached every client. */
  complete(upTo = this.total): boolean {
    for (let id = this.firstMeasured; id < upTo; id++) {
      if (this.distinct[id] !== this.clients) return false;
    }
    return true;
  }

  /** Waits for stragglers; items still missing afterwards count as lost. */
  async settle(upTo: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.complete(upTo) && Date.now() < until) await sleep(20);
  }

  result(upTo = this.total) {
    const latency = new Latencies();
    let lost = 0;
    for (let id = this.firstMeasured; id < upTo; id++) {
      const got = this.distinct[id] ?? 0;
      lost += this.clients - got;
      if (got === this.clients) latency.record((this.lastAt[id] ?? 0) - (this.sentAt[id] ?? 0));
    }
    return {
      ...latency.summary(),
      lost,
      duplicated: this.duplicates,
      deliveries: latency.count * this.clients,
    };
  }
}

/**
 * Open-loop load: item i is due at start + i / rate, by the clock, whatever the answers do.
 * `onMeasureStart` runs when the warm-up items have all been sent.
 */
export async function openLoop(options: {
  rate: number;
  total: number;
  warmup: number;
  send: (id: number) => void;
  onMeasureStart?: () => void;
}): Promise<{ lagMaxMs: number; elapsedMs: number }> {
  const interval = 1e6 / options.rate;
  const start = nowUs();
  let next = 0;
  let lagMax = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = nowUs();
      while (next < options.total && start + next * interval <= now) {
        lagMax = Math.max(lagMax, now - (start + next * interval));
        if (next === options.warmup) options.onMeasureStart?.();
        options.send(next);
        next += 1;
      }
      if (next >= options.total) resolve();
      else setTimeout(tick, Math.max(0, Math.floor((start + next * interval - nowUs()) / 1000)));
    };
    tick();
  });
  return { lagMaxMs: lagMax / 1000, elapsedMs: (nowUs() - start) / 1000 };
}

/** POSTs over a pool of kept-alive connections; answers the status (0 for a failed request). */
export function poster(base: string, maxSockets = 64) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const statuses = new Map<number, number>();
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            resolve(res.statusCode ?? 0);
          });
        },
      );
      req.on('error', () => {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
        resolve(0);
      });
      req.end(body);
    });
  return {
    post,
    statuses,
    close: () => agent.destroy(),
  };
}
