import type { Assignee, ContactDto, ConversationDto, MessageDto, UserDto } from './dto.js';

/** Fields every logged (replayable) event carries. */
export interface Sequenced {
  seq: number;
  actor?: { id: number; name: string } | null;
}

export interface LoggedEvents {
  'conversation:created': Sequenced & { conversation: ConversationDto };
  'conversation:updated': Sequenced & { conversation: ConversationDto };
  'conversation:joined': Sequenced & { conversationId: number; user: UserDto };
  'conversation:left': Sequenced & { conversationId: number; user: UserDto };
  'conversation:assigned': Sequenced & {
    conversationId: number;
    assignee: Assignee | null;
    previous: Assignee | null;
  };
  'message:created': Sequenced & { conversationId: number; message: MessageDto };
  'message:updated': Sequenced & { conversationId: number; message: MessageDto };
  'contact:updated': Sequenced & { contact: ContactDto };
}

export type LoggedEventName = keyof LoggedEvents;

export interface PresenceEntry {
  userId: number;
  name: string;
}

/** Server → client. Logged events carry `seq`; the rest are ephemeral. */
export type ServerToClientEvents = {
  [K in LoggedEventName]: (payload: LoggedEvents[K]) => void;
} & {
  /** The events asked for are older than the log keeps: refetch everything. */
  'sync:reset': (payload: { seq: number }) => void;
  /** Replay is over; live events follow. */
  'sync:ready': (payload: { seq: number; replayed: number }) => void;
  'presence:updated': (payload: { conversationId: number; viewers: PresenceEntry[] }) => void;
  'typing:updated': (payload: { conversationId: number; typers: PresenceEntry[] }) => void;
};

/** Client → server: only ephemeral signals. Commands go over HTTP. */
export interface ClientToServerEvents {
  'viewing:start': (payload: { conversationId: number }) => void;
  'viewing:stop': (payload: { conversationId: number }) => void;
  'typing:start': (payload: { conversationId: number }) => void;
  'typing:stop': (payload: { conversationId: number }) => void;
}

export interface SocketAuth {
  lastSeq?: number;
}
