import { Router } from 'express';

import type { Deps } from '../../context.js';
import { currentUser } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import type { ConversationService } from '../conversations/conversation.service.js';

const noteBody = z.object({ text: z.string().trim().min(1, 'write the note').max(4000) }).strict();

/**
 * Private notes: staff-only lines in a thread. They are messages of kind `note`, pushed like any
 * message but never queued to the outbox, so nothing can carry them to the student.
 */
export function notesRoutes(deps: Deps, conversations: ConversationService): Router {
  const router = Router();

  router.post('/conversations/:id/notes', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(noteBody, req.body);
    const user = currentUser(req);
    conversations.row(id);

    const message = deps.events.transact((tx) =>
      conversations.appendMessage(tx, id, {
        direction: 'outbound',
        kind: 'note',
        text: body.text,
        status: 'received',
        authorId: user.id,
      }),
    );
    res.status(201).json({ message });
  });

  return router;
}
