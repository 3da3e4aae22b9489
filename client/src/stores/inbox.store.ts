import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

import type { Assignee, ConversationDto, InboxConversationDto, MessageDto } from '@shared/dto.js';

import type { SearchHighlight } from '@shared/search.js';

import * as api from '../lib/api.js';
import { counts, loadCounts } from './counts.store.js';
import { currentUser } from './session.store.js';

export type StatusFilter = 'open' | 'closed' | 'all';

/** `all`, `mine`, `unassigned`, `participating` or `team:<id>`, as the API names them. */
export type InboxView = string;

export interface InboxFilter {
  view: InboxView;
  status: StatusFilter;
  q: string;
  /** A tag's name, or '' for any. */
  tag: string;
}

interface InboxState {
  /** Every conversation this client knows, whichever view fetched it or event brought it. */
  byId: Record<number, InboxConversationDto>;
  /** The ids the current filter shows, in no particular order (rows sort by activity). */
  listIds: number[];
  filter: InboxFilter;
  /** Where each row of the current search matched, its matches marked. */
  highlights: Record<number, SearchHighlight>;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  nextCursor: string | null;
}

const initialState = (): InboxState => ({
  byId: {},
  listIds: [],
  filter: { view: 'all', status: 'open', q: '', tag: '' },
  highlights: {},
  loading: false,
  loadingMore: false,
  error: null,
  nextCursor: null,
});

const [inbox, setInbox] = createStore<InboxState>(initialState());

export { inbox };

const time = (iso: string): number => Date.parse(iso) || 0;

const newestFirst = (a: ConversationDto, b: ConversationDto): number =>
  time(b.lastMessageAt) - time(a.lastMessageAt) || b.id - a.id;

/** The rows of the current view, newest activity first. */
export function inboxRows(): InboxConversationDto[] {
  return inbox.listIds
    .map((id) => inbox.byId[id])
    .filter((conversation): conversation is InboxConversationDto => conversation !== undefined)
    .sort(newestFirst);
}

/** The unread number for the nav badge and the tab title: the server's count once loaded. */
export const inboxUnread = (): number => (counts.loaded ? counts.unread : unreadCount());

export const unreadCount = (): number =>
  Object.values(inbox.byId).filter((conversation) => conversation.unread).length;

export const findConversation = (id: number | null | undefined) =>
  id === null || id === undefined ? undefined : inbox.byId[id];

/**
 * Stores a conversation unless the store already holds a newer version of it. The unread flag
 * comes from the caller, from an inbox DTO, or stays what it was.
 */
export function putConversation(
  conversation: ConversationDto | InboxConversationDto,
  unread?: boolean,
): boolean {
  const current = inbox.byId[conversation.id];
  const fromDto = 'unread' in conversation ? conversation.unread : undefined;
  // A search highlight belongs to one result list, not to the conversation.
  if ('highlight' in conversation) conversation = withoutHighlight(conversation);
  const nextUnread = unread ?? fromDto ?? current?.unread ?? false;

  if (current && time(conversation.updatedAt) < time(current.updatedAt)) {
    if (nextUnread !== current.unread) setInbox('byId', conversation.id, 'unread', nextUnread);
    return false;
  }
  setInbox('byId', conversation.id, reconcile({ ...conversation, unread: nextUnread }));
  return true;
}

function withoutHighlight(conversation: InboxConversationDto): InboxConversationDto {
  const copy = { ...conversation };
  delete copy.highlight;
  return copy;
}

function highlightsOf(rows: InboxConversationDto[]): Record<number, SearchHighlight> {
  const found: Record<number, SearchHighlight> = {};
  for (const row of rows) if (row.highlight) found[row.id] = row.highlight;
  return found;
}

/** Conversations events placed while a list request was out: its answer may predate them. */
const placedDuringLoad = new Set<number>();

function matchesView(conversation: ConversationDto): boolean {
  const { view, status } = inbox.filter;
  if (status !== 'all' && conversation.status !== status) return false;
  const tag = inbox.filter.tag.toLowerCase();
  if (tag && !conversation.tags.some((name) => name.toLowerCase() === tag)) return false;

  const me = currentUser()?.id;
  const { assignee } = conversation;
  if (view === 'mine') return assignee?.type === 'user' && assignee.id === me;
  if (view === 'unassigned') return assignee === null;
  if (view === 'participating') return me !== undefined && conversation.participantIds.includes(me);
  if (view.startsWith('team:')) {
    return assignee?.type === 'team' && assignee.id === Number(view.slice('team:'.length));
  }
  return true;
}

/** What the client can tell of a search; message text matches only the server knows. */
function matchesSearch(conversation: ConversationDto): boolean {
  const q = inbox.filter.q.trim().toLowerCase();
  if (!q) return true;
  const digits = q.replace(/\D/g, '');
  return (
    conversation.name.toLowerCase().includes(q) ||
    conversation.contactName.toLowerCase().includes(q) ||
    conversation.lastMessagePreview.toLowerCase().includes(q) ||
    (digits.length >= 3 && conversation.phone.includes(digits))
  );
}

/** Adds a changed conversation to the current view, or takes it out, as the filter says. */
function placeInView(id: number): void {
  const conversation = inbox.byId[id];
  if (!conversation) return;
  if (inbox.loading) placedDuringLoad.add(id);
  const listed = inbox.listIds.includes(id);
  const belongs = matchesView(conversation) && (listed || matchesSearch(conversation));
  if (belongs && !listed) setInbox('listIds', (ids) => [...ids, id]);
  if (!belongs && listed) setInbox('listIds', (ids) => ids.filter((other) => other !== id));
}

function toQuery(filter: InboxFilter): api.ConversationQuery {
  return {
    view: filter.view === 'all' ? undefined : filter.view,
    status: filter.status === 'all' ? undefined : filter.status,
    q: filter.q.trim() || undefined,
    tag: filter.tag || undefined,
  };
}

let latestRequest = 0;

export async function loadInbox(): Promise<void> {
  const request = ++latestRequest;
  placedDuringLoad.clear();
  setInbox({ loading: true, error: null });
  try {
    const { conversations, nextCursor } = await api.listConversations(toQuery(inbox.filter));
    if (request !== latestRequest) return;
    batch(() => {
      for (const conversation of conversations) putConversation(conversation);
      const ids = conversations.map((conversation) => conversation.id);
      for (const id of placedDuringLoad) {
        const known = inbox.byId[id];
        if (known && !ids.includes(id) && matchesView(known) && matchesSearch(known)) ids.push(id);
      }
      placedDuringLoad.clear();
      setInbox({ listIds: ids, highlights: highlightsOf(conversations) });
      setInbox({ nextCursor: nextCursor ?? null, loading: false });
    });
  } catch (error) {
    if (request === latestRequest) setInbox({ loading: false, error: api.errorMessage(error) });
  }
}

export async function loadMoreInbox(): Promise<void> {
  const cursor = inbox.nextCursor;
  if (!cursor || inbox.loadingMore) return;
  const request = latestRequest;
  setInbox('loadingMore', true);
  try {
    const page = await api.listConversations({ ...toQuery(inbox.filter), cursor });
    if (request !== latestRequest) return;
    batch(() => {
      for (const conversation of page.conversations) putConversation(conversation);
      const fresh = page.conversations.map((c) => c.id).filter((id) => !inbox.listIds.includes(id));
      setInbox('listIds', (ids) => [...ids, ...fresh]);
      setInbox('highlights', highlightsOf(page.conversations));
      setInbox({ nextCursor: page.nextCursor ?? null });
    });
  } catch (error) {
    setInbox('error', api.errorMessage(error));
  } finally {
    setInbox('loadingMore', false);
  }
}

/** Narrows the rows at once with what the client can tell, then asks the server. */
export function setInboxFilter(change: Partial<InboxFilter>): void {
  setInbox('filter', change);
  const stillShown = inbox.listIds.filter((id) => {
    const conversation = inbox.byId[id];
    return conversation !== undefined && matchesView(conversation) && matchesSearch(conversation);
  });
  setInbox({ listIds: stillShown });
  void loadInbox();
}

/** Every open conversation, page by page: the board needs them all, not one view's first page. */
export async function loadOpenConversations(): Promise<void> {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const answer = await api.listConversations({ status: 'open', cursor, limit: 100 });
    batch(() => {
      for (const conversation of answer.conversations) putConversation(conversation);
    });
    if (!answer.nextCursor) return;
    cursor = answer.nextCursor;
  }
}

const inFlight = new Map<number, Promise<void>>();

/** Fetches a conversation this client has not seen yet (an event named it). */
export function ensureConversation(id: number, unread?: boolean): Promise<void> {
  const pending = inFlight.get(id);
  if (pending) return pending;
  const fetching = api
    .getConversation(id)
    .then(({ conversation }) => {
      putConversation(conversation, unread);
      placeInView(id);
    })
    .catch(() => undefined)
    .finally(() => inFlight.delete(id));
  inFlight.set(id, fetching);
  return fetching;
}

export function onConversationChanged(conversation: ConversationDto): void {
  if (putConversation(conversation)) placeInView(conversation.id);
}

export function onConversationJoined(conversationId: number, userId: number): void {
  const conversation = inbox.byId[conversationId];
  if (!conversation) return void ensureConversation(conversationId);
  if (!conversation.participantIds.includes(userId)) {
    setInbox('byId', conversationId, 'participantIds', (ids) => [...ids, userId]);
  }
  placeInView(conversationId);
}

export function onConversationLeft(conversationId: number, userId: number): void {
  const conversation = inbox.byId[conversationId];
  if (!conversation) return;
  if (conversation.participantIds.includes(userId)) {
    setInbox('byId', conversationId, 'participantIds', (ids) => ids.filter((id) => id !== userId));
  }
  placeInView(conversationId);
}

export function onConversationAssigned(conversationId: number, assignee: Assignee | null): void {
  if (!inbox.byId[conversationId]) return void ensureConversation(conversationId);
  setInbox('byId', conversationId, 'assignee', assignee ? { ...assignee } : null);
  placeInView(conversationId);
}

const preview = (message: MessageDto): string =>
  message.text.trim() || (message.attachments.length > 0 ? 'Attachment' : '');

/**
 * A new message moves its conversation to the top and, when it is the student's text and
 * nobody here is looking at the thread, marks it unread.
 */
export function onMessageAdded(message: MessageDto, threadVisible: boolean): void {
  const id = message.conversationId;
  const inbound = message.direction === 'inbound' && message.kind === 'sms';
  const conversation = inbox.byId[id];
  if (!conversation) return void ensureConversation(id, inbound && !threadVisible);

  // Like the server's preview: only texts move a thread, never notes or activity lines.
  if (message.kind === 'sms' && time(message.createdAt) >= time(conversation.lastMessageAt)) {
    setInbox('byId', id, {
      lastMessageAt: message.createdAt,
      lastMessagePreview: preview(message),
      lastMessageDirection: message.direction,
      lastMessageId: message.id,
    });
  }
  if (inbound) setInbox('byId', id, 'unread', !threadVisible);
  placeInView(id);
}

export function renameContactInConversations(contactId: number, name: string): void {
  const ids = Object.values(inbox.byId)
    .filter((conversation) => conversation.contactId === contactId)
    .map((conversation) => conversation.id);
  if (ids.length > 0) setInbox('byId', ids, 'contactName', name);
}

/** Marks the thread read here at once and tells the server up to which message. */
export function markConversationRead(id: number, messageId: number): void {
  if (inbox.byId[id]?.unread) setInbox('byId', id, 'unread', false);
  void api
    .markRead(id, messageId)
    .then(() => loadCounts())
    .catch(() => undefined);
}

export function resetInbox(): void {
  latestRequest += 1;
  setInbox(reconcile(initialState()));
}
