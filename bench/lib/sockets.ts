import { io, type Socket } from 'socket.io-client';

import { rawWatcher, type RawWatcher } from './raw-socket.js';

export interface Watchers {
  close(): void;
}

/**
 * Connects `count` watchers (the lightweight raw client, see raw-socket.ts) and resolves once
 * every one is ready: `connect` for a bare server, `sync:ready` for the app. `onEvent` sees the
 * raw text of each `event` with the watcher's index and the receive time in µs.
 */
export async function connectWatchers(options: {
  url: string;
  count: number;
  cookies?: string[];
  readyEvent: 'connect' | 'sync:ready';
  event: string;
  onEvent: (client: number, text: string, atUs: number) => void;
}): Promise<Watchers> {
  const watchers: RawWatcher[] = [];
  const pending: Array<Promise<RawWatcher>> = [];
  for (let i = 0; i < options.count; i++) {
    const cookie = options.cookies?.[i % options.cookies.length];
    pending.push(
      rawWatcher({
        url: options.url,
        ...(cookie ? { cookie } : {}),
        readyEvent: options.readyEvent,
        onEvent: (name, text, at) => {
          if (name === options.event) options.onEvent(i, text, at);
        },
      }).then((watcher) => {
        watchers.push(watcher);
        return watcher;
      }),
    );
  }
  await Promise.all(pending);
  return {
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** `count` real socket.io-clients connecting at once, as browsers do; resolves when all are. */
export async function connectClients(url: string, count: number): Promise<Socket[]> {
  const sockets = Array.from({ length: count }, () =>
    io(url, { transports: ['websocket'], reconnection: false, forceNew: true }),
  );
  await Promise.all(sockets.map((socket) => onceReady(socket, 'connect', 30_000)));
  return sockets;
}

export function onceReady(socket: Socket, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`a socket was not ready in ${timeoutMs} ms`)),
      timeoutMs,
    );
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

/** The text between `marker` and the next `end` in a raw event frame, if the marker is there. */
export function between(text: string, marker: string, end: string): string | undefined {
  const start = text.indexOf(marker);
  if (start < 0) return undefined;
  const from = start + marker.length;
  const stop = text.indexOf(end, from);
  return stop < 0 ? undefined : text.slice(from, stop);
}
