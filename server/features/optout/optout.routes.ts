import { Router } from 'express';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { currentUser } from '../../lib/http.js';
import { parseId } from '../../lib/validate.js';
import { loadContact } from '../contacts/contact.service.js';
import {
  actorOf,
  type Actor,
  type ConversationService,
} from '../conversations/conversation.service.js';
import type { Tx } from '../realtime/event-log.js';
import type { OptOutService } from './optout.service.js';

/**
 * The possible-opt-out flag a text like "Stop please" raises: a counselor confirms it (the
 * contact is unsubscribed) or dismisses it, in one click.
 */
export function optOutRoutes(
  deps: Deps,
  parts: { optOut: OptOutService; conversations: ConversationService },
): Router {
  const router = Router();
  const { optOut, conversations } = parts;
  const { sqlite } = deps.db;
  const clearFlag = sqlite.prepare<[string, number]>(
    `UPDATE conversations SET possible_opt_out = 0, updated_at = ?
     WHERE id = ? AND possible_opt_out = 1`,
  );
  const latestInbound = sqlite.prepare<[number], { id: number }>(
    `SELECT id FROM messages WHERE conversation_id = ? AND direction = 'inbound' AND kind = 'sms'
     ORDER BY id DESC LIMIT 1`,
  );

  const dropFlag = (tx: Tx, id: number, actor: Actor) => {
    if (clearFlag.run(nowIso(deps), id).changes === 0) return;
    tx.emit('conversation:updated', { conversation: conversations.load(id), actor });
  };

  router.post('/conversations/:id/opt-out/confirm', (req, res) => {
    const id = parseId(req.params.id);
    const actor = actorOf(currentUser(req));
    const thread = conversations.row(id);

    deps.events.transact((tx) => {
      optOut.optOut(tx, thread.contact_id, {
        source: 'staff',
        actor,
        numberId: thread.number_id,
        messageId: latestInbound.get(id)?.id ?? null,
      });
      dropFlag(tx, id, actor);
    });
    res.json({
      conversation: conversations.load(id),
      contact: loadContact(deps, thread.contact_id),
    });
  });

  router.post('/conversations/:id/opt-out/dismiss', (req, res) => {
    const id = parseId(req.params.id);
    const actor = actorOf(currentUser(req));
    conversations.row(id);

    deps.events.transact((tx) => dropFlag(tx, id, actor));
    res.json({ conversation: conversations.load(id) });
  });

  return router;
}
