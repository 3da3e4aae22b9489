import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket as NetSocket } from 'node:net';

import { nowUs } from './stats.js';

/**
 * A watcher that speaks just enough Socket.IO (engine.io v4 over a plain websocket) to connect,
 * answer pings and hand each event's raw text to the harness, without parsing it. Hundreds of
 * these in one process cost a fraction of as many socket.io-clients, so the harness core keeps
 * up with 20,000 events a second and the figures measure the server, not the watchers.
 */
export interface RawWatcher {
  close(): void;
}

export function rawWatcher(options: {
  url: string;
  cookie?: string;
  auth?: Record<string, unknown>;
  /** Resolves the returned promise: `connect` (namespace joined) or an event's name. */
  readyEvent: string;
  /** Each `42[...]` event frame, as text, with its receive time. */
  onEvent: (name: string, text: string, atUs: number) => void;
  timeoutMs?: number;
}): Promise<RawWatcher> {
  const url = new URL(options.url);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('a watcher did not connect in time')),
      options.timeoutMs ?? 30_000,
    );
    const req = request({
      host: url.hostname,
      port: url.port,
      path: '/socket.io/?EIO=4&transport=websocket',
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      clearTimeout(timer);
      reject(new Error(`websocket refused: ${res.statusCode}`));
    });
    req.on('upgrade', (_res, socket: NetSocket, head: Buffer) => {
      const watcher = { close: () => socket.destroy() };
      const ready = () => {
        clearTimeout(timer);
        resolve(watcher);
      };
      socket.setNoDelay(true);
      const onText = (text: string) => {
        const at = nowUs();
        const type = text.charCodeAt(0);
        if (type === 0x32 /* 2: ping */) socket.write(frame('3'));
        else if (type === 0x30 /* 0: open */)
          socket.write(frame(`40${options.auth ? JSON.stringify(options.auth) : ''}`));
        else if (text.startsWith('40') && options.readyEvent === 'connect') ready();
        else if (text.startsWith('44')) reject(new Error(`connect refused: ${text.slice(2)}`));
        else if (text.startsWith('42["')) {
          const name = text.slice(4, text.indexOf('"', 4));
          if (name === options.readyEvent) ready();
          options.onEvent(name, text, at);
        }
      };
      const parse = frames(onText, (payload) => socket.write(control(0x0a, payload)));
      if (head.length) parse(head);
      socket.on('data', parse);
      socket.on('error', () => socket.destroy());
    });
    req.end();
  });
}

/** Reads server frames (never masked); hands on whole text messages, answers pings. */
function frames(onText: (text: string) => void, onPing: (payload: Buffer) => void) {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = (buffered[0] as number) & 0x0f;
      let length = (buffered[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + length) return;
      const payload = buffered.subarray(offset, offset + length);
      buffered = buffered.subarray(offset + length);
      if (opcode === 0x01) onText(payload.toString('utf8'));
      else if (opcode === 0x09) onPing(Buffer.from(payload));
    }
  };
}

/** A masked client text frame. */
function frame(text: string): Buffer {
  return control(0x01, Buffer.from(text, 'utf8'));
}

function control(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const long = payload.length >= 126;
  const header = Buffer.alloc(long ? 8 : 6);
  header[0] = 0x80 | opcode;
  if (long) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(payload.length, 2);
    mask.copy(header, 4);
  } else {
    header[1] = 0x80 | payload.length;
    mask.copy(header, 2);
  }
  const masked = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++)
    masked[i] = (payload[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([header, masked]);
}
