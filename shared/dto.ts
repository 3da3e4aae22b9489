/**
 * Data shapes that cross the wire: HTTP bodies and Socket.IO payloads. The server builds them in
 * its presenters; the client only reads them.
 */

import type { SearchHighlight } from './search.js';

export type Role = 'admin' | 'supervisor' | 'counselor';

export type ConversationStatus = 'open' | 'closed';

export type MessageDirection = 'inbound' | 'outbound';

export type MessageKind = 'sms' | 'note' | 'activity';

/** queued < submitted < delivered; rejected, undeliverable and failed are final. */
export type DeliveryStatus =
  'received' | 'queued' | 'submitted' | 'delivered' | 'rejected' | 'undeliverable' | 'failed';

export type Encoding = 'GSM-7' | 'UCS-2';

export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  emailNotifications: boolean;
  browserNotifications: boolean;
  createdAt: string;
}

export interface TeamDto {
  id: number;
  name: string;
  memberIds: number[];
}

export interface OfficeNumberDto {
  id: number;
  e164: string;
  label: string;
}

export interface PhoneDto {
  e164: string;
  mobile: boolean;
}

export interface ContactDto {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phones: PhoneDto[];
  smsUnsubscribedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One opt-out or opt-in of a contact, as `GET /api/contacts/:id` lists them, newest first. */
export interface ConsentEntryDto {
  kind: 'opt_out' | 'opt_in';
  source: 'keyword' | 'staff' | 'carrier' | 'suppression';
  /** The keyword class (`stop`, `start`) or the carrier's code (`1240`). */
  keyword: string | null;
  userName: string | null;
  numberLabel: string | null;
  messageId: number | null;
  createdAt: string;
}

export interface Assignee {
  type: 'user' | 'team';
  id: number;
}

export interface ConversationDto {
  id: number;
  name: string;
  status: ConversationStatus;
  channel: 'sms';
  numberId: number;
  contactId: number;
  /** The student's number, E.164. */
  phone: string;
  contactName: string;
  assignee: Assignee | null;
  participantIds: number[];
  tags: string[];
  possibleOptOut: boolean;
  createdById: number | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastMessageDirection: MessageDirection | null;
  /** Id of the newest message in the thread; a user has read the thread when they saw it. */
  lastMessageId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A conversation as one user sees it in a list: with that user's unread state. */
export interface InboxConversationDto extends ConversationDto {
  unread: boolean;
  /** With a search (`q`): where it matched, the matches marked (shared/search.ts). */
  highlight?: SearchHighlight | null;
}

export interface AttachmentDto {
  id: string;
  url: string;
  contentType: string;
  size: number;
  fileName: string;
  /** Pixels, for pictures the server could measure: the client reserves the space. */
  width: number | null;
  height: number | null;
}

export interface MessageDto {
  id: number;
  conversationId: number;
  direction: MessageDirection;
  kind: MessageKind;
  text: string;
  status: DeliveryStatus;
  segments: number;
  encoding: Encoding;
  /** Plain words for a failure, e.g. "the recipient opted out". */
  error: string | null;
  errorCode: string | null;
  authorId: number | null;
  /** 'bot' or 'rule' when automation wrote it. */
  automated: 'bot' | 'rule' | null;
  attachments: AttachmentDto[];
  createdAt: string;
  updatedAt: string;
  /** The sender's own id for a reply, echoed on the send answer and its `message:created`. */
  clientId?: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** One change of a thread's assignee, as the supervisor board's feed shows it. */
export interface AssignmentChangeDto {
  seq: number;
  conversationId: number;
  /** Null when the conversation no longer exists. */
  conversationName: string | null;
  assignee: Assignee | null;
  previous: Assignee | null;
  /** Null when automation (a rule) made the change. */
  actor: { id: number; name: string } | null;
  at: string;
}

/** `GET /api/board`: open conversations per assignee, and the latest assignment changes. */
export interface BoardDto {
  unassigned: number;
  teams: Array<{ id: number; name: string; open: number }>;
  /** Active staff, and deactivated ones who still hold open conversations. */
  users: Array<{ id: number; name: string; active: boolean; open: number }>;
  /** Newest first. */
  feed: AssignmentChangeDto[];
}

/** An email kept in the in-app notification log (no SMTP server configured). */
export interface NotificationDto {
  id: number;
  toEmail: string;
  subject: string;
  body: string;
  createdAt: string;
}

/** One inbox tab's numbers: open and closed threads, and the open ones the user has not read. */
export interface InboxViewCount {
  /** `all`, `mine`, `unassigned`, `participating` or `team:<id>`. */
  view: string;
  open: number;
  closed: number;
  /** Stops at `cap`, as do participating's open and closed. */
  unread: number;
}

/** `GET /api/conversations/counts`: every view's counts; `unread` is the all view's. */
export interface InboxCountsDto {
  views: InboxViewCount[];
  unread: number;
  /** A count equal to this means "this many or more". */
  cap: number;
}

/** `POST /api/contacts/import`: what happened to each data row of the file. */
export interface ContactImportReportDto {
  created: number;
  updated: number;
  /** Rows that matched a contact who already had everything the row says. */
  unchanged: number;
  /** `row` is the line in the file as a spreadsheet numbers it: the header is row 1. */
  rejected: Array<{ row: number; reason: string }>;
}
