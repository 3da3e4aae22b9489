/**
 * Floors: a bare Express 5 JSON route that broadcasts the body to every Socket.IO client
 * (`POST /hook`), and an empty `express.json()` POST (`POST /empty`). No database, no auth, no
 * signature: what the framework itself costs here. Driven by bench/run.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { Server } from 'socket.io';

import '../lib/probe.js';

const app = express();
app.disable('x-powered-by');
const http = createServer(app);
const io = new Server(http, { serveClient: false, transports: ['websocket', 'polling'] });

app.post('/hook', express.json({ limit: '256kb' }), (req, res) => {
  const body = req.body as { message_uuid?: string; text?: string };
  io.emit('message', { id: body.message_uuid, text: body.text });
  res.json({ ok: true });
});

app.post('/empty', express.json(), (_req, res) => {
  res.json({});
});

http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
});

process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
