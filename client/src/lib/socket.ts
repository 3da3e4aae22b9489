import { createSignal } from 'solid-js';
import { io, type Socket } from 'socket.io-client';

import type { ConversationDto, MessageDto } from '@shared/dto.js';
import type {
  ClientToServerEvents,
  LoggedEventName,
  LoggedEvents,
  ServerToClientEvents,
} from '@shared/events.js';

import { recordAssignment } from '../stores/board.store.js';
import { onContactUpdated } from '../stores/contacts.store.js';
import { scheduleCounts } from '../stores/counts.store.js';
import { upsertUser } from '../stores/directory.store.js';
import {
  ensureConversation,
  findConversation,
  onConversationAssigned,
  onConversationChanged,
  onConversationJoined,
  onConversationLeft,
  onMessageAdded,
} from '../stores/inbox.store.js';
import {
  announceAssignment,
  announceDeliveryFailure,
  announceInboundText,
  announceStatusChange,
} from '../stores/live-news.store.js';
import { findMessage, upsertMessage } from '../stores/messages.store.js';
import { expireSession } from '../stores/session.store.js';
import { refreshAll } from '../stores/sync.js';
import {
  clearPresence,
  isThreadVisible,
  onPresenceUpdated,
  onTypingUpdated,
} from '../stores/thread.store.js';
import { formatDuration, plural } from './format.js';
import { notifyInboundText } from './notifications.js';

/**
 * The one Socket.IO connection. Logged events are applied once each, in `seq` order, and a
 * reconnect asks the server to replay what was missed after `lastSeq`.
 */

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

const [connectionState, setConnectionState] = createSignal<ConnectionState>('connecting');
const [offlineSummary, setOfflineSummary] = createSignal<string | null>(null);

export { connectionState, offlineSummary };

const SUMMARY_MS = 20_000;
const RETRY_MS = 3_000;
/** The server forgets a typist after 6 s without a `typing:start`; repeat well within that. */
const TYPING_REFRESH_MS = 2_000;

let socket: ClientSocket | null = null;
let lastSeq: number | undefined;
let synced = false;
let offlineSince: number | null = null;
let catchingUp = false;
let replayedTexts = 0;
let resetWhileAway = false;
let viewing: number | null = null;
let typing: number | null = null;
let typingSentAt = 0;
let summaryTimer: number | undefined;

export function connectSocket(): void {
  if (socket) return;
  setConnectionState('connecting');
  socket = io({
    auth: (send) => send(lastSeq === undefined ? {} : { lastSeq }),
    transports: ['websocket', 'polling'],
  });
  registerListeners(socket);
}

export function disconnectSocket(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  lastSeq = undefined;
  synced = false;
  offlineSince = null;
  catchingUp = false;
  viewing = null;
  typing = null;
  window.clearTimeout(summaryTimer);
  setConnectionState('connecting');
  setOfflineSummary(null);
}

export function dismissOfflineSummary(): void {
  window.clearTimeout(summaryTimer);
  setOfflineSummary(null);
}

export function startViewing(conversationId: number): void {
  if (viewing === conversationId) return;
  if (viewing !== null) stopViewing(viewing);
  viewing = conversationId;
  if (socket?.connected) socket.emit('viewing:start', { conversationId });
}

export function stopViewing(conversationId: number): void {
  if (viewing !== conversationId) return;
  stopTyping(conversationId);
  viewing = null;
  if (socket?.connected) socket.emit('viewing:stop', { conversationId });
}

export function startTyping(conversationId: number): void {
  if (typing === conversationId && Date.now() - typingSentAt < TYPING_REFRESH_MS) return;
  if (typing !== null && typing !== conversationId) stopTyping(typing);
  typing = conversationId;
  typingSentAt = Date.now();
  if (socket?.connected) socket.emit('typing:start', { conversationId });
}

export function stopTyping(conversationId: number): void {
  if (typing !== conversationId) return;
  typing = null;
  if (socket?.connected) socket.emit('typing:stop', { conversationId });
}

function handleConnect(): void {
  setConnectionState('online');
  catchingUp = true;
  replayedTexts = 0;
  if (viewing !== null) socket?.emit('viewing:start', { conversationId: viewing });
}

function handleDisconnect(reason: Socket.DisconnectReason): void {
  if (reason === 'io client disconnect') return;
  setConnectionState('reconnecting');
  offlineSince ??= Date.now();
  typing = null;
  // Who is viewing or typing is unknown while offline; the server's snapshot refills it.
  clearPresence();
  dismissOfflineSummary();
  if (reason === 'io server disconnect') socket?.connect();
}

function handleConnectError(error: Error): void {
  if (error.message === 'unauthorized') {
    expireSession();
    return;
  }
  if (synced || offlineSince !== null) setConnectionState('reconnecting');
  const current = socket;
  if (current && !current.active) window.setTimeout(() => current.connect(), RETRY_MS);
}

function summarise(): string {
  const away = formatDuration(Date.now() - (offlineSince ?? Date.now()));
  if (resetWhileAway) return `You were offline ${away} — the inbox has been refreshed`;
  const texts = replayedTexts === 0 ? 'no new texts' : plural(replayedTexts, 'new text');
  return `You were offline ${away} — ${texts}`;
}

function handleSyncReady(payload: { seq: number }): void {
  lastSeq = lastSeq === undefined ? payload.seq : Math.max(lastSeq, payload.seq);
  catchingUp = false;
  scheduleCounts();

  if (!synced) {
    synced = true;
    // Data fetched before the socket joined may have missed events: fetch it once more.
    void refreshAll();
  }
  if (offlineSince !== null) {
    setOfflineSummary(summarise());
    window.clearTimeout(summaryTimer);
    summaryTimer = window.setTimeout(() => setOfflineSummary(null), SUMMARY_MS);
    offlineSince = null;
    resetWhileAway = false;
  }
}

function handleSyncReset(payload: { seq: number }): void {
  lastSeq = payload.seq;
  if (offlineSince !== null) resetWhileAway = true;
  void refreshAll();
}

/** Applies a logged event once: anything at or below `lastSeq` was already applied. */
function onLogged<K extends LoggedEventName>(
  target: ClientSocket,
  name: K,
  apply: (payload: LoggedEvents[K]) => void,
): void {
  const listener = (payload: LoggedEvents[K]): void => {
    if (lastSeq !== undefined && payload.seq <= lastSeq) return;
    lastSeq = payload.seq;
    apply(payload);
    if (name !== 'message:updated' && name !== 'contact:updated') scheduleCounts();
  };
  target.on(name, listener as never);
}

function tellInboundText(message: MessageDto, conversation: ConversationDto | undefined): void {
  notifyInboundText(message, conversation);
  announceInboundText(message, conversation);
}

/** A text in a thread this client has not loaded yet is announced once the thread is here. */
function announce(message: MessageDto): void {
  const id = message.conversationId;
  const known = findConversation(id);
  if (known) return tellInboundText(message, known);
  void ensureConversation(id).then(() => tellInboundText(message, findConversation(id)));
}

function registerListeners(target: ClientSocket): void {
  target.on('connect', handleConnect);
  target.on('disconnect', handleDisconnect);
  target.on('connect_error', handleConnectError);
  target.on('sync:ready', handleSyncReady);
  target.on('sync:reset', handleSyncReset);

  onLogged(target, 'conversation:created', (payload) => {
    onConversationChanged(payload.conversation);
  });
  onLogged(target, 'conversation:updated', (payload) => {
    const before = findConversation(payload.conversation.id)?.status;
    onConversationChanged(payload.conversation);
    if (!catchingUp) announceStatusChange(payload.conversation, before, payload.actor);
  });
  onLogged(target, 'conversation:joined', (payload) => {
    upsertUser(payload.user);
    onConversationJoined(payload.conversationId, payload.user.id);
  });
  onLogged(target, 'conversation:left', (payload) => {
    onConversationLeft(payload.conversationId, payload.user.id);
  });
  onLogged(target, 'conversation:assigned', (payload) => {
    onConversationAssigned(payload.conversationId, payload.assignee);
    recordAssignment({
      seq: payload.seq,
      conversationId: payload.conversationId,
      assignee: payload.assignee,
      previous: payload.previous,
      actorId: payload.actor?.id ?? null,
      actorName: payload.actor?.name ?? null,
      at: Date.now(),
    });
    if (!catchingUp) announceAssignment(payload);
  });
  onLogged(target, 'message:created', (payload) => {
    const message = { ...payload.message, conversationId: payload.conversationId };
    upsertMessage(message);
    onMessageAdded(message, isThreadVisible(payload.conversationId));
    if (catchingUp && message.direction === 'inbound' && message.kind === 'sms') {
      replayedTexts += 1;
    }
    // Missed texts are summed up in the banner, not announced one by one.
    if (!catchingUp) announce(message);
  });
  onLogged(target, 'message:updated', (payload) => {
    const message = { ...payload.message, conversationId: payload.conversationId };
    const before = findMessage(message.conversationId, message.id);
    upsertMessage(message);
    if (!catchingUp) announceDeliveryFailure(message, before);
  });
  onLogged(target, 'contact:updated', (payload) => onContactUpdated(payload.contact));

  target.on('presence:updated', (payload) => {
    onPresenceUpdated(payload.conversationId, payload.viewers);
  });
  target.on('typing:updated', (payload) => {
    onTypingUpdated(payload.conversationId, payload.typers);
  });
}
