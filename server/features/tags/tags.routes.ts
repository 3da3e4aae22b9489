import { Router } from 'express';

import { TAG_COLORS } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { currentUser, requireRole } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { actorOf, type ConversationService } from '../conversations/conversation.service.js';
import { rulesUsing } from '../rules/rule-references.js';
import type { TagService } from './tag.service.js';

const tagName = z.string().trim().min(1, 'name the tag').max(40);

const createBody = z.object({ name: tagName, color: z.enum(TAG_COLORS).default('slate') }).strict();

const patchBody = z
  .object({ name: tagName.optional(), color: z.enum(TAG_COLORS).optional() })
  .strict();

const applyBody = z
  .object({ tagId: z.number().int().positive().optional(), name: tagName.optional() })
  .strict()
  .refine((body) => (body.tagId === undefined) !== (body.name === undefined), 'give tagId or name');

/** Tags: staff create and apply them; admins rename, recolour and delete them. */
export function tagsRoutes(
  deps: Deps,
  parts: { tags: TagService; conversations: ConversationService },
) {
  const router = Router();
  const { tags, conversations } = parts;
  const { events } = deps;

  router.get('/tags', (_req, res) => {
    res.json({ tags: tags.list() });
  });

  router.post('/tags', (req, res) => {
    const body = parse(createBody, req.body);
    res.status(201).json({ tag: tags.create(body.name, body.color) });
  });

  router.patch('/tags/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(patchBody, req.body);
    const actor = actorOf(currentUser(req));
    const tag = events.transact((tx) => tags.update(tx, id, body, actor));
    res.json({ tag });
  });

  router.delete('/tags/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const actor = actorOf(currentUser(req));
    tags.load(id);
    const users = rulesUsing(deps, 'tagId', id);
    if (users.length) {
      throw errors.conflict(
        'tag_in_use',
        `The rule “${users[0]}” uses this tag. Change the rule first.`,
      );
    }
    events.transact((tx) => tags.delete(tx, id, actor));
    res.status(204).end();
  });

  router.post('/conversations/:id/tags', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(applyBody, req.body);
    const actor = actorOf(currentUser(req));
    conversations.row(id);

    const conversation = events.transact((tx) => {
      const tag =
        body.tagId !== undefined
          ? tags.load(body.tagId)
          : (tags.find(body.name ?? '') ?? tags.create(body.name ?? '', 'slate'));
      tags.apply(tx, id, tag.id, actor);
      return conversations.load(id);
    });
    res.json({ conversation });
  });

  router.delete('/conversations/:id/tags/:tagId', (req, res) => {
    const id = parseId(req.params.id);
    const tagId = parseId(req.params.tagId, 'tagId');
    const actor = actorOf(currentUser(req));
    conversations.row(id);
    const conversation = events.transact((tx) => {
      tags.remove(tx, id, tagId, actor);
      return conversations.load(id);
    });
    res.json({ conversation });
  });

  return router;
}
