import type {
  ApiErrorBody,
  Assignee,
  AttachmentDto,
  BoardDto,
  ConsentEntryDto,
  ContactDto,
  ContactImportReportDto,
  ConversationDto,
  InboxConversationDto,
  InboxCountsDto,
  MessageDto,
  NotificationDto,
  OfficeNumberDto,
  Role,
  TeamDto,
  UserDto,
} from '@shared/dto.js';

import { splitFieldMessage } from './error-text.js';

/** An HTTP failure, carrying the API's stable `code` and its human `message`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, e.g. the newer messages of a held send. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let handleUnauthorized: () => void = () => undefined;

/** Called whenever a staff route answers 401, so the session can end cleanly. */
export function onUnauthorized(handler: () => void): void {
  handleUnauthorized = handler;
}

const PUBLIC_ROUTES = new Set(['/api/auth/login', '/api/setup', '/api/me']);

/** Sends `body` as JSON, or a Blob as it is, with the Blob's own content type. */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  const raw = body instanceof Blob ? body : null;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json', ...extraHeaders }
          : {
              accept: 'application/json',
              'content-type': raw?.type || 'application/json',
              ...extraHeaders,
            },
      body: body === undefined ? undefined : (raw ?? JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Switchboard could not be reached. Try again.');
  }

  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;

  if (response.status === 401 && !PUBLIC_ROUTES.has(path.split('?')[0] ?? path)) {
    handleUnauthorized();
  }
  const error = (data as Partial<ApiErrorBody> | null)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `Something went wrong (HTTP ${response.status}).`,
    error?.details,
  );
}

function withQuery(path: string, query: Record<string, string | boolean | number | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Turns any thrown value into a sentence fit for the screen, without the API's field prefix. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return splitFieldMessage(error.message).text;
  return 'Something went wrong. Try again.';
}

/** The top-level field an input error is about (`phones.0` → `phones`), or null. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return splitFieldMessage(error.message).field?.split('.')[0] ?? null;
}

export const getSetup = () => request<{ needsSetup: boolean }>('GET', '/api/setup');

export const completeSetup = (body: {
  token: string;
  email: string;
  name: string;
  password: string;
}) => request<{ user: UserDto }>('POST', '/api/setup', body);

export const login = (email: string, password: string) =>
  request<{ user: UserDto }>('POST', '/api/auth/login', { email, password });

export const logout = () => request<void>('POST', '/api/auth/logout');

export const getMe = () => request<{ user: UserDto }>('GET', '/api/me');

export const listUsers = () => request<{ users: UserDto[] }>('GET', '/api/users');

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export const createUser = (body: NewUser) => request<{ user: UserDto }>('POST', '/api/users', body);

export const updateUser = (
  id: number,
  body: Partial<{ name: string; role: Role; active: boolean; password: string }>,
) => request<{ user: UserDto }>('PATCH', `/api/users/${id}`, body);

export const listTeams = () => request<{ teams: TeamDto[] }>('GET', '/api/teams');

export const createTeam = (body: { name: string; memberIds: number[] }) =>
  request<{ team: TeamDto }>('POST', '/api/teams', body);

export const updateTeam = (id: number, body: Partial<{ name: string; memberIds: number[] }>) =>
  request<{ team: TeamDto }>('PATCH', `/api/teams/${id}`, body);

export const deleteTeam = (id: number) => request<void>('DELETE', `/api/teams/${id}`);

export const listNumbers = () => request<{ numbers: OfficeNumberDto[] }>('GET', '/api/numbers');

export const createNumber = (body: { number: string; label: string }) =>
  request<{ number: OfficeNumberDto }>('POST', '/api/numbers', body);

export const updateNumber = (id: number, body: { label: string }) =>
  request<{ number: OfficeNumberDto }>('PATCH', `/api/numbers/${id}`, body);

export interface ContactInput {
  firstName: string;
  lastName: string;
  email?: string;
  phones: { number: string; mobile?: boolean }[];
}

export const listContacts = (q: string, mobileOnly = false) =>
  request<{ contacts: ContactDto[] }>(
    'GET',
    withQuery('/api/contacts', { q, mobileOnly: mobileOnly || undefined }),
  );

export const createContact = (body: ContactInput) =>
  request<{ contact: ContactDto }>('POST', '/api/contacts', body);

export const getContact = (id: number) =>
  request<{ contact: ContactDto; conversations: ConversationDto[]; consent: ConsentEntryDto[] }>(
    'GET',
    `/api/contacts/${id}`,
  );

export const updateContact = (id: number, body: Partial<ContactInput>) =>
  request<{ contact: ContactDto }>('PATCH', `/api/contacts/${id}`, body);

/** Imports contacts from the text of a CSV file, sent as `text/csv`. */
export const importContacts = (csv: Blob | string) =>
  request<ContactImportReportDto>(
    'POST',
    '/api/contacts/import',
    new Blob([csv], { type: 'text/csv' }),
  );

export const getBoard = () => request<BoardDto>('GET', '/api/board');

export const setContactSubscription = (id: number, subscribed: boolean) =>
  request<{ contact: ContactDto }>(
    'POST',
    `/api/contacts/${id}/${subscribed ? 'resubscribe' : 'unsubscribe'}`,
  );

export interface ConversationQuery {
  view?: string;
  status?: 'open' | 'closed';
  q?: string;
  cursor?: string;
  limit?: number;
  /** A tag's name: only threads carrying it. */
  tag?: string;
}

export const listConversations = (query: ConversationQuery) =>
  request<{ conversations: InboxConversationDto[]; nextCursor?: string | null }>(
    'GET',
    withQuery('/api/conversations', { ...query }),
  );

export const getConversation = (id: number) =>
  request<{ conversation: ConversationDto | InboxConversationDto }>(
    'GET',
    `/api/conversations/${id}`,
  );

export interface NewConversation {
  name: string;
  numberId: number;
  contactId: number;
  participantIds?: number[];
  assignee?: Assignee | null;
  text: string;
}

export const createConversation = (body: NewConversation) =>
  request<{ conversation: ConversationDto; message: MessageDto; existing?: boolean }>(
    'POST',
    '/api/conversations',
    body,
  );

export const listMessages = (id: number) =>
  request<{ messages: MessageDto[] }>('GET', `/api/conversations/${id}/messages`);

/** The collision guard: the newest message seen when the draft began, and "send anyway". */
export interface SendGuard {
  draftStartedAfter?: number;
  force?: boolean;
  /** Echoed back on the message, so an optimistic copy can be matched (stores/sends.store). */
  clientId?: string;
}

export const sendMessage = (
  id: number,
  text: string,
  attachmentIds: string[] = [],
  guard: SendGuard = {},
) =>
  request<{ message: MessageDto }>('POST', `/api/conversations/${id}/messages`, {
    text,
    ...(attachmentIds.length ? { attachmentIds } : {}),
    ...guard,
  });

export const getInboxCounts = () => request<InboxCountsDto>('GET', '/api/conversations/counts');

export interface ProfileChange {
  name?: string;
  emailNotifications?: boolean;
  browserNotifications?: boolean;
  password?: string;
  currentPassword?: string;
}

/** A new password needs the current one: `400 wrong_password` otherwise. */
export const updateMe = (body: ProfileChange) =>
  request<{ user: UserDto }>('PATCH', '/api/me', body);

/** The caller's emails kept in the in-app log, newest first; `before` pages on. */
export const listNotifications = (before?: number) =>
  request<{ notifications: NotificationDto[] }>(
    'GET',
    withQuery('/api/notifications', { before, limit: 50 }),
  );

export const retryMessage = (id: number) =>
  request<{ message: MessageDto }>('POST', `/api/messages/${id}/retry`);

/** An uploaded MMS file, and whether the picture's shape may get it cropped. */
export interface UploadAnswer {
  attachment: AttachmentDto & { width: number | null; height: number | null };
  warnings: Array<{ code: 'aspect_ratio'; message: string }>;
}

/** Sends a picked file as the raw body; the server checks its type by content. */
export const uploadFile = (file: File) =>
  request<UploadAnswer>('POST', '/api/uploads', file, {
    'content-type': file.type || 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
  });

export const confirmOptOut = (id: number) =>
  request<{ conversation: ConversationDto; contact: ContactDto }>(
    'POST',
    `/api/conversations/${id}/opt-out/confirm`,
  );

export const dismissOptOut = (id: number) =>
  request<{ conversation: ConversationDto }>('POST', `/api/conversations/${id}/opt-out/dismiss`);

export const markRead = (id: number, messageId: number) =>
  request<void>('POST', `/api/conversations/${id}/read`, { messageId });

type ConversationAnswer = Promise<{ conversation: ConversationDto }>;

export const joinConversation = (id: number): ConversationAnswer =>
  request('POST', `/api/conversations/${id}/join`);

export const leaveConversation = (id: number): ConversationAnswer =>
  request('POST', `/api/conversations/${id}/leave`);

export const assignConversation = (
  id: number,
  assignee: Assignee | null,
  ifAssignee: Assignee | null,
): ConversationAnswer =>
  request('POST', `/api/conversations/${id}/assign`, { assignee, ifAssignee });

export const setConversationStatus = (id: number, open: boolean): ConversationAnswer =>
  request('POST', `/api/conversations/${id}/${open ? 'reopen' : 'close'}`);

export const getSimulator = () => request<{ enabled: boolean }>('GET', '/api/simulator');

export const simulateInbound = (body: { from: string; to: string; text: string }) =>
  request<{ stored: boolean }>('POST', '/api/simulator/inbound', body);
