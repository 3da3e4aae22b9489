import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A reply with a status code; the body defaults to what Vonage sends for that status. */
export interface FakeVonageReply {
  status: number;
  /** Seconds, sent as the `Retry-After` header. */
  retryAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Replaces the default body; it is sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** How the fake answers one request. */
export type FakeVonageBehaviour =
  | FakeVonageReply
  /** Never answers; the socket stays open until `close()`. */
  | { hang: true }
  /** Destroys the socket without answering. */
  | { drop: true };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body, or `undefined` when the body is not JSON. */
  body: unknown;
  receivedAt: number;
  behaviour: FakeVonageBehaviour;
  /** The `message_uuid` answered, when the reply was a 2xx with the default body. */
  messageUuid?: string;
}

export interface FakeVonage {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass it as the SDK's `apiHost`. */
  url: string;
  /** Every `POST /v1/messages`, in arrival order. */
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, one each; afterwards the fake answers 202. */
  enqueue(...behaviours: FakeVonageBehaviour[]): void;
  /** Calls `callback` for each recorded request, before it is answered. Returns an unsubscribe. */
  onRequest(callback: (request: RecordedRequest) => void): () => void;
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Forgets recorded requests and queued behaviours. */
  reset(): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = '/v1/messages';

const PROBLEMS: Record<number, { type: string; title: string; detail: string }> = {
  401: {
    type: 'https://developer.vonage.com/api-errors#unauthorized',
    title: 'Unauthorized',
    detail: 'You did not provide correct credentials.',
  },
  422: {
    type: 'https://developer.vonage.com/api-errors/messages#1150',
    title: 'Invalid params',
    detail: 'The value of one or more parameters is invalid.',
  },
  429: {
    type: 'https://developer.vonage.com/api-errors#throttled',
    title: 'Rate Limit Hit',
    detail: 'Please wait, then retry your request',
  },
  500: {
    type: 'https://developer.vonage.com/api-errors#internal-error',
    title: 'Internal Error',
    detail: 'Something went wrong.',
  },
};

function problemFor(status: number): Record<string, unknown> {
  const problem = PROBLEMS[status] ?? {
    type: 'https://developer.vonage.com/api-errors#server-error',
    title: 'Server Error',
    detail: `The fake answered ${status}.`,
  };
  return { ...problem, instance: randomUUID() };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const payload = JSON.stringify(body);
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Starts a stand-in for the Vonage Messages API on 127.0.0.1 and an ephemeral port. */
export async function startFakeVonage(): Promise<FakeVonage> {
  const requests: RecordedRequest[] = [];
  const queue: FakeVonageBehaviour[] = [];
  const listeners = new Set<(request: RecordedRequest) => void>();
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  function reply(res: ServerResponse, behaviour: FakeVonageReply, messageUuid: string): void {
    const isSuccess = behaviour.status >= 200 && behaviour.status < 300;
    const defaultBody = isSuccess ? { message_uuid: messageUuid } : problemFor(behaviour.status);
    const headers: Record<string, string> = { ...behaviour.headers };
    if (behaviour.retryAfter !== undefined) headers['retry-after'] = String(behaviour.retryAfter);

    sendJson(res, behaviour.status, behaviour.body ?? defaultBody, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'POST' || path !== MESSAGES_PATH) {
      sendJson(res, 404, { ...problemFor(404), title: 'Not Found', detail: `No ${path} here.` });
      return;
    }

    const behaviour = queue.shift() ?? { status: 202 };
    const messageUuid = randomUUID();
    const isDefaultSuccess =
      'status' in behaviour && behaviour.status < 300 && behaviour.body === undefined;
    const request: RecordedRequest = {
      method: req.method,
      path,
      headers: req.headers,
      rawBody,
      body: parseJson(rawBody),
      receivedAt: Date.now(),
      behaviour,
      ...(isDefaultSuccess ? { messageUuid } : {}),
    };
    requests.push(request);
    for (const listener of listeners) listener(request);
    for (const wake of waiters) wake();

    respond(req, res, behaviour, messageUuid);
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    behaviour: FakeVonageBehaviour,
    messageUuid: string,
  ): void {
    if ('hang' in behaviour) return;
    if ('drop' in behaviour) {
      req.socket.destroy();
      return;
    }
    if (!behaviour.delayMs) {
      reply(res, behaviour, messageUuid);
      return;
    }

    const timer = setTimeout(() => {
      timers.delete(timer);
      reply(res, behaviour, messageUuid);
    }, behaviour.delayMs);
    timers.add(timer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ...problemFor(500), detail: String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,

    enqueue(...behaviours) {
      queue.push(...behaviours);
    },

    onRequest(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },

    waitForRequests(count, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          cleanup();
          resolve(requests.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`fake Vonage saw ${requests.length} of ${count} requests in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },

    reset() {
      requests.length = 0;
      queue.length = 0;
    },

    close() {
      closing ??= new Promise((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        listeners.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
