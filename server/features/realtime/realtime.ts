import type { Server as HttpServer } from 'node:http';

import { Server, type Socket } from 'socket.io';

import type {
  ClientToServerEvents,
  PresenceEntry,
  ServerToClientEvents,
  SocketAuth,
} from '@shared/events.js';

import type { Deps } from '../../context.js';
import { category } from '../../lib/logger.js';
import { findSessionUser, readCookie, SESSION_COOKIE, sessionIdOf } from '../auth/session.js';
import type { UserRow } from '../users/user.presenter.js';
import type { EventLog, LoggedEvent } from './event-log.js';

interface SocketData {
  user: UserRow;
  sessionId: string;
}

type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type AppIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Room names, in one place. */
export const rooms = {
  staff: 'staff',
  user: (id: number) => `user:${id}`,
  session: (id: string) => `session:${id}`,
  conversation: (id: number) => `conversation:${id}`,
};

const MAX_REPLAY = 5_000;

/**
 * Heartbeat: a connection that stops answering (a laptop lid shut, Wi-Fi gone) is dropped, and
 * leaves presence, within pingIntervalMs + pingTimeoutMs; a closed tab leaves at once. Typing
 * ends typingTtlMs after the last `typing:start` (clients repeat it while someone types).
 */
export interface RealtimeOptions {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  typingTtlMs: number;
}

export const DEFAULT_REALTIME: RealtimeOptions = {
  pingIntervalMs: 5_000,
  pingTimeoutMs: 4_000,
  typingTtlMs: 6_000,
};

/**
 * The Socket.IO side: authenticates by the session cookie, replays missed events from the log
 * and joins the live room in one synchronous step, and keeps presence and typing in memory.
 */
export class Realtime {
  readonly io: AppIo;
  private readonly viewers = new Map<number, Map<string, PresenceEntry>>();
  private readonly typers = new Map<
    number,
    Map<string, { entry: PresenceEntry; timer: NodeJS.Timeout }>
  >();
  private readonly log;
  private readonly typingTtlMs: number;
  private readonly conversationExists;

  constructor(
    private readonly deps: Deps,
    httpServer: HttpServer,
    private readonly events: EventLog,
    allowOrigin: (origin: string | undefined, host: string | undefined) => boolean,
    options: Partial<RealtimeOptions> = {},
  ) {
    this.log = category(deps.logger, 'socket');
    this.conversationExists = deps.db.sqlite.prepare<[number], { id: number }>(
      'SELECT id FROM conversations WHERE id = ?',
    );
    const { pingIntervalMs, pingTimeoutMs, typingTtlMs } = { ...DEFAULT_REALTIME, ...options };
    this.typingTtlMs = typingTtlMs;
    this.io = new Server(httpServer, {
      serveClient: false,
      transports: ['websocket', 'polling'],
      pingInterval: pingIntervalMs,
      pingTimeout: pingTimeoutMs,
      allowRequest: (req, callback) => {
        callback(null, allowOrigin(req.headers.origin, req.headers.host));
      },
    });

    this.io.use((socket, next) => {
      const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const user = findSessionUser(deps, token);
      if (!user || !token) return next(new Error('unauthorized'));
      socket.data.user = user;
      socket.data.sessionId = sessionIdOf(token);
      next();
    });

    this.io.on('connection', (socket) => this.onConnection(socket));
    events.setSink((event) => this.publish(event));
  }

  /** Closes every socket of a session (sign-out) or of a user (disabled). */
  disconnectSession(token: string): void {
    this.io.in(rooms.session(sessionIdOf(token))).disconnectSockets(true);
  }

  disconnectUser(userId: number): void {
    this.io.in(rooms.user(userId)).disconnectSockets(true);
  }

  async close(): Promise<void> {
    for (const map of this.typers.values())
      for (const { timer } of map.values()) clearTimeout(timer);
    await new Promise<void>((resolve) => {
      this.io.close(() => resolve());
    });
  }

  private publish(event: LoggedEvent): void {
    this.io.to(rooms.staff).emit(event.type, event.payload as never);
  }

  private onConnection(socket: AppSocket): void {
    const { user } = socket.data;
    this.log.debug({ userId: user.id }, 'socket connected');

    // Replay and join in one synchronous step: no live event can fall between them.
    this.catchUp(socket);
    void socket.join([rooms.staff, rooms.user(user.id), rooms.session(socket.data.sessionId)]);
    this.sendPresenceSnapshot(socket);

    socket.on('viewing:start', (payload) => this.onViewing(socket, payload, true));
    socket.on('viewing:stop', (payload) => this.onViewing(socket, payload, false));
    socket.on('typing:start', (payload) => this.onTyping(socket, payload, true));
    socket.on('typing:stop', (payload) => this.onTyping(socket, payload, false));
    socket.on('disconnect', () => this.onDisconnect(socket));
  }

  private catchUp(socket: AppSocket): void {
    const auth = socket.handshake.auth as SocketAuth | undefined;
    const lastSeq = auth?.lastSeq;
    const { oldest, latest } = this.events.bounds();
    const head = latest ?? 0;

    if (typeof lastSeq !== 'number' || !Number.isInteger(lastSeq) || lastSeq < 0) {
      socket.emit('sync:ready', { seq: head, replayed: 0 });
      return;
    }
    const pruned = oldest !== null && lastSeq < oldest - 1;
    const tooFar = head - lastSeq > MAX_REPLAY;
    if (pruned || tooFar || lastSeq > head) {
      socket.emit('sync:reset', { seq: head });
      return;
    }
    const missed = this.events.since(lastSeq, MAX_REPLAY);
    for (const event of missed) socket.emit(event.type, event.payload as never);
    socket.emit('sync:ready', { seq: head, replayed: missed.length });
  }

  private onViewing(socket: AppSocket, payload: unknown, viewing: boolean): void {
    const id = conversationIdOf(payload);
    if (id === null) return;
    // Presence is kept only for real threads, so a client cannot grow the map at will.
    if (viewing && !this.conversationExists.get(id)) return;
    const map = this.viewers.get(id) ?? new Map<string, PresenceEntry>();
    if (viewing) {
      map.set(socket.id, { userId: socket.data.user.id, name: socket.data.user.name });
      void socket.join(rooms.conversation(id));
    } else {
      const was = map.delete(socket.id);
      void socket.leave(rooms.conversation(id));
      this.clearTyping(socket.id, id);
      if (!was) return;
    }
    if (map.size) this.viewers.set(id, map);
    else this.viewers.delete(id);
    this.broadcastPresence(id);
  }

  private onTyping(socket: AppSocket, payload: unknown, typing: boolean): void {
    const id = conversationIdOf(payload);
    if (id === null) return;
    if (!typing) {
      this.clearTyping(socket.id, id);
      return;
    }
    if (!this.conversationExists.get(id)) return;
    const map = this.typers.get(id) ?? new Map();
    const existing = map.get(socket.id);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.clearTyping(socket.id, id), this.typingTtlMs);
    map.set(socket.id, {
      entry: { userId: socket.data.user.id, name: socket.data.user.name },
      timer,
    });
    this.typers.set(id, map);
    if (!existing) this.broadcastTyping(id);
  }

  private clearTyping(socketId: string, id: number): void {
    const map = this.typers.get(id);
    const existing = map?.get(socketId);
    if (!map || !existing) return;
    clearTimeout(existing.timer);
    map.delete(socketId);
    if (!map.size) this.typers.delete(id);
    this.broadcastTyping(id);
  }

  private onDisconnect(socket: AppSocket): void {
    for (const [id, map] of [...this.viewers]) {
      if (!map.delete(socket.id)) continue;
      if (!map.size) this.viewers.delete(id);
      this.broadcastPresence(id);
    }
    for (const [id, map] of [...this.typers])
      if (map.has(socket.id)) this.clearTyping(socket.id, id);
  }

  private broadcastPresence(id: number): void {
    this.io
      .to(rooms.staff)
      .emit('presence:updated', { conversationId: id, viewers: unique(this.viewers.get(id)) });
  }

  private broadcastTyping(id: number): void {
    const entries = [...(this.typers.get(id)?.values() ?? [])].map((t) => t.entry);
    this.io.to(rooms.staff).emit('typing:updated', { conversationId: id, typers: dedupe(entries) });
  }

  private sendPresenceSnapshot(socket: AppSocket): void {
    for (const [id, map] of this.viewers) {
      socket.emit('presence:updated', { conversationId: id, viewers: unique(map) });
    }
  }
}

function conversationIdOf(payload: unknown): number | null {
  const id = (payload as { conversationId?: unknown } | null)?.conversationId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

function unique(map: Map<string, PresenceEntry> | undefined): PresenceEntry[] {
  return dedupe([...(map?.values() ?? [])]);
}

function dedupe(entries: PresenceEntry[]): PresenceEntry[] {
  const byUser = new Map(entries.map((entry) => [entry.userId, entry]));
  return [...byUser.values()];
}
