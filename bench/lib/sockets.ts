import { io, type Socket } from 'socket.io-client';

import { nowUs } from './stats.js';

export interface Watchers {
  sockets: Socket[];
  close(): void;
}

/**
 * Connects `count` socket.io clients (websocket transport, as the app's client prefers) and
 * resolves once every one is ready: `connect` for a bare server, `sync:ready` for the app.
 * `onEvent` sees each payload of `event` with the client's index and the receive time in µs.
 */
export async function connectWatchers(options: {
  url: string;
  count: number;
  cookies?: string[];
  readyEvent: 'connect' | 'sync:ready';
  event: string;
  onEvent: (client: number, payload: unknown, atUs: number) => void;
  timeoutMs?: number;
}): Promise<Watchers> {
  const sockets: Socket[] = [];
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < options.count; i++) {
    const cookie = options.cookies?.[i % options.cookies.length];
    const socket = io(options.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    });
    socket.on(options.event, (payload: unknown) => options.onEvent(i, payload, nowUs()));
    sockets.push(socket);
    ready.push(onceReady(socket, options.readyEvent, options.timeoutMs ?? 30_000));
  }
  await Promise.all(ready);
  return {
    sockets,
    close: () => {
      for (const socket of sockets) socket.disconnect();
    },
  };
}

export function onceReady(socket: Socket, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a socket was not ready in ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
