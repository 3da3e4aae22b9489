import { asc, eq } from 'drizzle-orm';
import { Router } from 'express';

import type { OfficeNumberDto } from '@shared/dto.js';
import { normalizePhone } from '@shared/phone.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { officeNumbers } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import { requireRole } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { defaultCountry } from '../admin/settings.js';

const createBody = z.object({
  number: z.string().trim().min(3).max(40),
  label: z.string().trim().min(1).max(80),
});
const patchBody = z.object({ label: z.string().trim().min(1).max(80) }).strict();

type NumberRow = typeof officeNumbers.$inferSelect;
const toDto = (row: NumberRow): OfficeNumberDto => ({
  id: row.id,
  e164: row.e164,
  label: row.label,
});

export function numbersRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/numbers', (_req, res) => {
    const rows = deps.db.orm.select().from(officeNumbers).orderBy(asc(officeNumbers.id)).all();
    res.json({ numbers: rows.map(toDto) });
  });

  router.post('/numbers', requireRole('admin'), (req, res) => {
    const body = parse(createBody, req.body);
    const phone = normalizePhone(body.number, defaultCountry(deps));
    if (!phone) throw errors.invalidInput('number: not a valid phone number');

    const now = nowIso(deps);
    const row = deps.db.orm
      .insert(officeNumbers)
      .values({ e164: phone.e164, label: body.label, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!row) throw errors.conflict('number_taken', 'That number is already one of ours.');
    res.status(201).json({ number: toDto(row) });
  });

  router.patch('/numbers/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(patchBody, req.body);
    const row = deps.db.orm
      .update(officeNumbers)
      .set({ label: body.label, updatedAt: nowIso(deps) })
      .where(eq(officeNumbers.id, id))
      .returning()
      .get();
    if (!row) throw errors.notFound('The number');
    res.json({ number: toDto(row) });
  });

  return router;
}
