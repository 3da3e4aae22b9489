import type { InboxConversationDto, MessageDto } from '@shared/dto.js';

const AT = '2026-03-10T12:00:00.000Z';

/** A conversation as the inbox gets it, for client unit tests; fields override the defaults. */
export function conversationDto(fields: Partial<InboxConversationDto> = {}): InboxConversationDto {
  return {
    id: 1,
    name: 'Thread 1',
    status: 'open',
    channel: 'sms',
    numberId: 1,
    contactId: 1,
    phone: '+16175550142',
    contactName: 'Maya Patel',
    assignee: null,
    participantIds: [],
    tags: [],
    possibleOptOut: false,
    createdById: null,
    lastMessageAt: AT,
    lastMessagePreview: 'Hi',
    lastMessageDirection: 'inbound',
    lastMessageId: 1,
    createdAt: AT,
    updatedAt: AT,
    unread: false,
    ...fields,
  };
}

/** A staff text as the server sends it, for client unit tests; fields override the defaults. */
export function messageDto(fields: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 1,
    conversationId: 7,
    direction: 'outbound',
    kind: 'sms',
    text: 'Hello',
    status: 'queued',
    segments: 1,
    encoding: 'GSM-7',
    error: null,
    errorCode: null,
    authorId: 1,
    automated: null,
    attachments: [],
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}
