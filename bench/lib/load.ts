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

/**
 * POSTs over a pool of kept-alive connections; answers the status, or the error code of a
 * request that got no answer (`ECONNRESET`, …). Idle connections are let go before the
 * server's 5 s keep-alive timeout; a request that meets a connection the server closed at that
 * very moment is sent again on a fresh one when `resendOnReset` (webhooks: Vonage resends too).
 */
export function poster(base: string, maxSockets = 64, options: { resendOnReset?: boolean } = {}) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets, timeout: 4_000 });
  const statuses = new Map<number | string, number>();
  const once = (path: string, body: string, headers: Record<string, string>) =>
    new Promise<{ answer: number | string; reused: boolean }>((resolve) => {
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
          res.on('end', () => resolve({ answer: res.statusCode ?? 0, reused: false }));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        resolve({ answer: error.code ?? 'error', reused: req.reusedSocket });
      });
      req.end(body);
    });
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const first = await once(path, body, headers);
    let { answer } = first;
    if (answer === 'ECONNRESET' && first.reused && options.resendOnReset) {
      ({ answer } = await once(path, body, headers));
    }
    statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
    return answer;
  };
  return {
    post,
    statuses,
    close: () => agent.destroy(),
  };
}
