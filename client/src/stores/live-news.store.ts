import type { Assignee, ConversationDto, MessageDto } from '@shared/dto.js';

import { announce } from './announcer.store.js';
import { assigneeName, teamsOf } from './directory.store.js';
import { findConversation } from './inbox.store.js';
import { currentUser } from './session.store.js';
import { thread } from './thread.store.js';

/**
 * Turns live events into sentences for the screen reader. Only news is spoken: what the user
 * did themselves is skipped, and the socket calls these only for live events, never for the
 * replay after a reconnect (the offline banner sums that up).
 */

type Actor = { id: number; name: string } | null | undefined;

const FAILED = new Set<MessageDto['status']>(['failed', 'rejected', 'undeliverable']);

const byMe = (actor: Actor): boolean => actor != null && actor.id === currentUser()?.id;

const isOpen = (conversationId: number): boolean => thread.openId === conversationId;

function studentOf(conversation: ConversationDto | undefined): string {
  return conversation?.contactName || conversation?.name || 'a student';
}

/**
 * Whether a text elsewhere is the user's business: new work nobody has (unassigned), or a thread
 * assigned to them or their team, or one they take part in. A busy office's other threads
 * would otherwise talk over the one being read.
 */
function concernsMe(conversation: ConversationDto | undefined): boolean {
  const me = currentUser();
  if (!conversation || !me) return false;
  const { assignee } = conversation;
  if (!assignee || conversation.participantIds.includes(me.id)) return true;
  if (assignee.type === 'user') return assignee.id === me.id;
  return teamsOf(me.id).some((team) => team.id === assignee.id);
}

/** A student's text: in full (shortened) in the open thread, who wrote if it concerns the user. */
export function announceInboundText(message: MessageDto, conversation?: ConversationDto): void {
  if (message.direction !== 'inbound' || message.kind !== 'sms') return;
  const known = conversation ?? findConversation(message.conversationId);
  const who = studentOf(known);
  if (!isOpen(message.conversationId)) {
    if (concernsMe(known)) announce(`New text from ${who}`);
    return;
  }
  announce(`New text from ${who}: ${message.text.trim() || 'a picture or file'}`);
}

function assigneeWords(assignee: Assignee): string {
  if (assignee.type === 'user' && assignee.id === currentUser()?.id) return 'you';
  return assigneeName(assignee);
}

/** A change of assignee on the open thread, or anywhere when it is to the user. */
export function announceAssignment(change: {
  conversationId: number;
  assignee: Assignee | null;
  actor?: Actor;
}): void {
  const me = currentUser();
  if (!me || byMe(change.actor)) return;
  const toMe = change.assignee?.type === 'user' && change.assignee.id === me.id;
  const open = isOpen(change.conversationId);
  if (!open && !toMe) return;

  const who = change.actor?.name ?? 'A conversation rule';
  const what = open
    ? 'this conversation'
    : `the conversation with ${studentOf(findConversation(change.conversationId))}`;
  if (!change.assignee) return announce(`${who} unassigned ${what}`);
  announce(`${who} assigned ${what} to ${assigneeWords(change.assignee)}`);
}

/** Someone else closed or reopened the open thread (a student's text reopening it is news). */
export function announceStatusChange(
  conversation: ConversationDto,
  before: ConversationDto['status'] | undefined,
  actor: Actor,
): void {
  if (!before || before === conversation.status || !isOpen(conversation.id)) return;
  if (!actor || byMe(actor)) return;
  const did = conversation.status === 'closed' ? 'closed' : 'reopened';
  announce(`${actor.name} ${did} this conversation`);
}

/** The carrier gave up on one of the user's own texts after it left. */
export function announceDeliveryFailure(message: MessageDto, before: MessageDto | undefined): void {
  if (!before || FAILED.has(before.status) || !FAILED.has(message.status)) return;
  if (message.authorId !== currentUser()?.id || message.kind !== 'sms') return;
  const who = studentOf(findConversation(message.conversationId));
  const why = message.error ? `: ${message.error}` : '';
  announce(`Your text to ${who} failed${why}`, 'assertive');
}

/** A reply the server refused or never got: it stays in the thread as "Not sent". */
export function announceSendFailure(conversationId: number, reason: string): void {
  const who = studentOf(findConversation(conversationId));
  announce(`Your text to ${who} was not sent: ${reason}`, 'assertive');
}
