import { Router } from 'express';

import type { SavedReplyDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { currentUser, requireRole } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { rulesUsing } from '../rules/rule-references.js';
import { previewTemplate } from './template-values.js';

interface SavedReplyRow {
  id: number;
  title: string;
  body: string;
  created_by_id: number | null;
  created_at: string;
  updated_at: string;
}

const replyBody = z
  .object({
    title: z.string().trim().min(1, 'give the saved reply a title').max(80),
    body: z.string().trim().min(1, 'write the reply').max(1600),
  })
  .strict();

const previewBody = z
  .object({
    template: z.string().max(20_000),
    conversationId: z.number().int().positive().optional(),
    contactId: z.number().int().positive().optional(),
    numberId: z.number().int().positive().optional(),
  })
  .strict();

const toDto = (row: SavedReplyRow): SavedReplyDto => ({
  id: row.id,
  title: row.title,
  body: row.body,
  createdById: row.created_by_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Saved replies (admins keep them, staff use them) and the template preview. */
export function savedRepliesRoutes(deps: Deps): Router {
  const router = Router();
  const { sqlite } = deps.db;
  const byId = sqlite.prepare<[number], SavedReplyRow>('SELECT * FROM saved_replies WHERE id = ?');
  const load = (id: number): SavedReplyDto => {
    const row = byId.get(id);
    if (!row) throw errors.notFound('The saved reply');
    return toDto(row);
  };

  router.get('/saved-replies', (_req, res) => {
    const rows = sqlite
      .prepare<[], SavedReplyRow>('SELECT * FROM saved_replies ORDER BY title COLLATE NOCASE, id')
      .all();
    res.json({ savedReplies: rows.map(toDto) });
  });

  router.post('/saved-replies', requireRole('admin'), (req, res) => {
    const body = parse(replyBody, req.body);
    const now = nowIso(deps);
    const row = sqlite
      .prepare<[string, string, number, string, string], { id: number }>(
        `INSERT INTO saved_replies (title, body, created_by_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(body.title, body.body, currentUser(req).id, now, now);
    res.status(201).json({ savedReply: load(row!.id) });
  });

  router.patch('/saved-replies/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(replyBody.partial(), req.body);
    const current = load(id);
    sqlite
      .prepare('UPDATE saved_replies SET title = ?, body = ?, updated_at = ? WHERE id = ?')
      .run(body.title ?? current.title, body.body ?? current.body, nowIso(deps), id);
    res.json({ savedReply: load(id) });
  });

  router.delete('/saved-replies/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    load(id);
    const users = rulesUsing(deps, 'savedReplyId', id);
    if (users.length) {
      throw errors.conflict(
        'saved_reply_in_use',
        `The rule “${users[0]}” answers with this saved reply. Change the rule first.`,
      );
    }
    sqlite.prepare('DELETE FROM saved_replies WHERE id = ?').run(id);
    res.status(204).end();
  });

  router.post('/templates/preview', (req, res) => {
    const body = parse(previewBody, req.body);
    res.json(
      previewTemplate(deps, body.template, {
        conversationId: body.conversationId ?? null,
        contactId: body.contactId ?? null,
        numberId: body.numberId ?? null,
        userId: currentUser(req).id,
      }),
    );
  });

  return router;
}

/** The body of a saved reply, for rules that answer with one. */
export function savedReplyBody(deps: Deps, id: number): string | null {
  const row = deps.db.sqlite
    .prepare<[number], { body: string }>('SELECT body FROM saved_replies WHERE id = ?')
    .get(id);
  return row?.body ?? null;
}
