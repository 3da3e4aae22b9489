import { Router } from 'express';

import type { NotificationDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { currentUser } from '../../lib/http.js';
import { parse, z } from '../../lib/validate.js';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

interface NotificationRow {
  id: number;
  to_email: string;
  subject: string;
  body: string;
  created_at: string;
}

/** `GET /api/notifications`: the signed-in user's emails kept in the in-app log, newest first. */
export function notificationRoutes(deps: Deps): Router {
  const router = Router();
  const list = deps.db.sqlite.prepare<[number, number, number], NotificationRow>(
    `SELECT id, to_email, subject, body, created_at FROM notifications
     WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );

  router.get('/notifications', (req, res) => {
    const query = parse(listQuery, req.query);
    const rows = list.all(
      currentUser(req).id,
      query.before ?? Number.MAX_SAFE_INTEGER,
      query.limit,
    );
    const notifications: NotificationDto[] = rows.map((row) => ({
      id: row.id,
      toEmail: row.to_email,
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at,
    }));
    res.json({ notifications });
  });

  return router;
}
