import { Router } from 'express';

import type { Assignee } from '@shared/dto.js';
import type { SearchHighlight } from '@shared/search.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { currentUser } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { loadContact } from '../contacts/contact.service.js';
import type { MessageService } from '../messages/message.service.js';
import type { Tx } from '../realtime/event-log.js';
import type { UserRow } from '../users/user.presenter.js';
import { CollisionGuard } from './collision-guard.js';
import { actorOf, type ConversationService } from './conversation.service.js';
import { InboxCounts } from './inbox-counts.js';
import { decodeCursor, type InboxQueries, parseView } from './inbox.queries.js';

const assigneeSchema = z
  .object({ type: z.enum(['user', 'team']), id: z.number().int().positive() })
  .strict()
  .nullable();

const listQuery = z.object({
  view: z.string().max(40).optional(),
  status: z.enum(['open', 'closed']).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  tag: z.string().trim().max(40).optional(),
});

const createBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    numberId: z.number().int().positive(),
    contactId: z.number().int().positive(),
    phone: z.string().max(20).optional(),
    participantIds: z.array(z.number().int().positive()).max(50).default([]),
    assignee: assigneeSchema.default(null),
    text: z.string().max(20_000),
    attachmentIds: z.array(z.string().max(64)).max(5).optional(),
  })
  .strict();

const sendBody = z
  .object({
    text: z.string().max(20_000),
    attachmentIds: z.array(z.string().max(64)).max(5).optional(),
    draftStartedAfter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    force: z.boolean().optional(),
    clientId: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
  })
  .strict();

const assignBody = z
  .object({ assignee: assigneeSchema, ifAssignee: assigneeSchema.optional() })
  .strict();

/** A search lists the newest 200 matching threads by text and the newest 200 by name or number. */
const SEARCH_MATCHES = 200;

const readBody = z.object({ messageId: z.number().int().positive() }).strict();

export interface ConversationRouteDeps {
  conversations: ConversationService;
  messages: MessageService;
  inbox: InboxQueries;
  search?: ConversationSearch;
}

/** Finds conversations for `q` and highlights the ones a page shows (features/search). */
export interface ConversationSearch {
  find(q: string, limit: number): { ids: number[]; highlights(rows: Listed[]): Highlights };
}

type Listed = { id: number; name: string; contactName: string };
type Highlights = Map<number, SearchHighlight>;

export function conversationRoutes(deps: Deps, parts: ConversationRouteDeps): Router {
  const router = Router();
  const { conversations, messages, inbox } = parts;
  const { events } = deps;
  const counts = new InboxCounts(deps);
  const guard = new CollisionGuard(deps, conversations.messages);

  router.get('/conversations/counts', (req, res) => {
    res.json(counts.forUser(currentUser(req).id));
  });

  router.get('/conversations', (req, res) => {
    const query = parse(listQuery, req.query);
    const q = query.q?.trim();
    const found = q && parts.search ? parts.search.find(q, SEARCH_MATCHES) : null;
    const page = inbox.list({
      view: parseView(query.view),
      status: query.status ?? null,
      cursor: decodeCursor(query.cursor),
      limit: query.limit,
      userId: currentUser(req).id,
      ids: q ? (found?.ids ?? []) : null,
      tag: query.tag || null,
    });
    if (!found) return void res.json(page);

    const highlights = found.highlights(page.conversations);
    const conversations = page.conversations.map((c) => ({
      ...c,
      highlight: highlights.get(c.id) ?? null,
    }));
    res.json({ ...page, conversations });
  });

  router.post('/conversations', (req, res) => {
    const body = parse(createBody, req.body);
    const user = currentUser(req);
    const actor = actorOf(user);
    const contact = loadContact(deps, body.contactId);
    const phone = pickPhone(contact.phones, body.phone);
    const number = deps.db.sqlite
      .prepare('SELECT id FROM office_numbers WHERE id = ?')
      .get(body.numberId);
    if (!number) throw errors.invalidInput('numberId: no such office number');
    messages.guard(contact.id);

    const result = events.transact((tx) => {
      const existingId = conversations.findThread(contact.id, phone, body.numberId);
      const id =
        existingId ??
        conversations.createThread({
          name: body.name,
          contactId: contact.id,
          phone,
          numberId: body.numberId,
          createdById: user.id,
        });

      if (existingId === null) {
        conversations.seedParticipants(id, [user.id, ...body.participantIds]);
        tx.emit('conversation:created', { conversation: conversations.load(id), actor });
        // Through assign, so the first assignee is an activity line and a feed entry too.
        if (body.assignee) conversations.assign(tx, id, body.assignee as Assignee, actor);
      } else {
        joinByReplying(tx, conversations, id, user);
        conversations.setStatus(tx, id, 'open', actor);
      }

      const message = messages.queueOutbound(tx, {
        conversationId: id,
        text: body.text,
        authorId: user.id,
        ...(body.attachmentIds ? { attachmentIds: body.attachmentIds } : {}),
      });
      return { conversation: conversations.load(id), message, existing: existingId !== null };
    });
    res.status(result.existing ? 200 : 201).json(result);
  });

  router.get('/conversations/:id', (req, res) => {
    res.json({ conversation: conversations.load(parseId(req.params.id)) });
  });

  router.get('/conversations/:id/messages', (req, res) => {
    const id = parseId(req.params.id);
    conversations.row(id);
    res.json({ messages: conversations.messages.list(id) });
  });

  router.post('/conversations/:id/messages', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(sendBody, req.body);
    const user = currentUser(req);

    const message = events.transact((tx) => {
      guard.check({
        conversationId: id,
        userId: user.id,
        draftStartedAfter: body.draftStartedAfter,
        force: body.force === true,
      });
      const sent = messages.queueOutbound(tx, {
        conversationId: id,
        text: body.text,
        authorId: user.id,
        ...(body.attachmentIds ? { attachmentIds: body.attachmentIds } : {}),
        ...(body.clientId ? { clientId: body.clientId } : {}),
      });
      conversations.setStatus(tx, id, 'open', actorOf(user));
      joinByReplying(tx, conversations, id, user);
      markRead(deps, user.id, id, sent.id);
      return sent;
    });
    res.status(201).json({ message });
  });

  router.post('/messages/:id/retry', (req, res) => {
    const id = parseId(req.params.id);
    const message = events.transact((tx) => messages.retry(tx, id));
    res.json({ message });
  });

  router.post('/conversations/:id/read', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(readBody, req.body);
    conversations.row(id);
    markRead(deps, currentUser(req).id, id, body.messageId);
    res.status(204).end();
  });

  router.post('/conversations/:id/join', (req, res) => {
    const id = parseId(req.params.id);
    const user = currentUser(req);
    conversations.row(id);
    events.transact((tx) => conversations.addParticipant(tx, id, user, actorOf(user)));
    res.json({ conversation: conversations.load(id) });
  });

  router.post('/conversations/:id/leave', (req, res) => {
    const id = parseId(req.params.id);
    const user = currentUser(req);
    conversations.row(id);
    events.transact((tx) => conversations.removeParticipant(tx, id, user, actorOf(user)));
    res.json({ conversation: conversations.load(id) });
  });

  router.post('/conversations/:id/assign', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(assignBody, req.body);
    const actor = actorOf(currentUser(req));
    conversations.row(id);

    const conversation = events.transact((tx) =>
      conversations.assign(tx, id, body.assignee as Assignee | null, actor, {
        ...(body.ifAssignee !== undefined
          ? { ifAssignee: body.ifAssignee as Assignee | null }
          : {}),
      }),
    );
    res.json({ conversation });
  });

  for (const [path, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    router.post(`/conversations/:id/${path}`, (req, res) => {
      const id = parseId(req.params.id);
      const actor = actorOf(currentUser(req));
      conversations.row(id);
      events.transact((tx) => conversations.setStatus(tx, id, status, actor));
      res.json({ conversation: conversations.load(id) });
    });
  }

  return router;
}

/** Whoever replies is in the conversation from then on (and gets the student's answers). */
function joinByReplying(tx: Tx, conversations: ConversationService, id: number, user: UserRow) {
  if (conversations.addParticipant(tx, id, user, actorOf(user))) {
    conversations.appendActivity(
      tx,
      id,
      `${user.name} joined the conversation by replying`,
      user.id,
    );
  }
}

function pickPhone(phones: Array<{ e164: string; mobile: boolean }>, wanted?: string): string {
  if (wanted) {
    const match = phones.find((phone) => phone.e164 === wanted);
    if (!match) throw errors.invalidInput('phone: not one of the contact’s numbers');
    return match.e164;
  }
  const mobile = phones.find((phone) => phone.mobile);
  if (!mobile) {
    throw errors.unprocessable('no_mobile_number', 'This contact has no mobile number to text.');
  }
  return mobile.e164;
}

/** Records that a user has seen a thread up to a message; never moves backwards. */
export function markRead(deps: Deps, userId: number, conversationId: number, messageId: number) {
  deps.db.sqlite
    .prepare(
      `INSERT INTO conversation_reads (user_id, conversation_id, last_read_message_id)
       VALUES (?, ?, ?)
       ON CONFLICT (user_id, conversation_id) DO UPDATE
       SET last_read_message_id = MAX(last_read_message_id, excluded.last_read_message_id)`,
    )
    .run(userId, conversationId, messageId);
}
