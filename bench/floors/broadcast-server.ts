/**
 * Floor: a bare Socket.IO server emitting one small JSON event to every connected client at a
 * fixed rate. Each payload carries its emit time (µs, monotonic) so the harness can time emit →
 * last client. Driven over IPC by bench/run.ts; see docs/performance.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Server } from 'socket.io';

import { openLoop } from '../lib/load.js';
import '../lib/probe.js';
import { nowUs, sleep } from '../lib/stats.js';

const http = createServer();
const io = new Server(http, { serveClient: false, transports: ['websocket', 'polling'] });

http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
});

interface EmitRequest {
  type?: string;
  run?: number;
  rate?: number;
  total?: number;
  warmup?: number;
}

process.on('message', (message: EmitRequest) => {
  if (message.type !== 'emit') return;
  const { run = 0, rate = 100, total = 0, warmup = 0 } = message;
  let since = process.cpuUsage();
  void (async () => {
    await openLoop({
      rate,
      total,
      warmup,
      onMeasureStart: () => (since = process.cpuUsage()),
      send: (id) =>
        io.emit('tick', { key: `${run}:${id}`, t: nowUs(), note: 'a small JSON event' }),
    });
    await sleep(100);
    const cpu = process.cpuUsage(since);
    process.send?.({
      type: 'emit:done',
      cpuUs: cpu.user + cpu.system,
      sockets: io.engine.clientsCount,
    });
  })();
});

process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
