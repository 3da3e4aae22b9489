import express, { Router } from 'express';

import { normalizePhone } from '@shared/phone.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { currentUser } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import { defaultCountry } from '../admin/settings.js';
import type {
  ConversationPresenter,
  ConversationRow,
} from '../conversations/conversation.presenter.js';
import { CONVERSATION_COLUMNS } from '../conversations/conversation.presenter.js';
import { actorOf } from '../conversations/conversation.service.js';
import type { OptOutService } from '../optout/optout.service.js';
import { importContacts } from './contact-import.js';
import { loadContact, loadContacts, normalizePhones, replacePhones } from './contact.service.js';

const phoneSchema = z.object({
  number: z.string().trim().min(3).max(40),
  mobile: z.boolean().optional(),
});

const name = z.string().trim().min(1).max(100);
const email = z
  .union([z.email().trim().toLowerCase().max(254), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null);

const createBody = z
  .object({
    firstName: name,
    lastName: z.string().trim().max(100).default(''),
    email,
    phones: z.array(phoneSchema).min(1).max(10),
  })
  .strict();

const patchBody = z
  .object({
    firstName: name.optional(),
    lastName: z.string().trim().max(100).optional(),
    email,
    phones: z.array(phoneSchema).min(1).max(10).optional(),
  })
  .strict();

const importBody = z.object({ csv: z.string() }).strict();
const csvText = express.text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: '2mb' });

const listQuery = z.object({
  q: z.string().max(100).optional(),
  mobileOnly: z.enum(['true', 'false', '1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function contactRoutes(
  deps: Deps,
  parts: { optOut: OptOutService; presenter: ConversationPresenter },
) {
  const router = Router();
  const { events } = deps;
  const { optOut, presenter } = parts;

  router.get('/contacts', (req, res) => {
    const query = parse(listQuery, req.query);
    const mobileOnly = query.mobileOnly === 'true' || query.mobileOnly === '1';
    const ids = searchContacts(deps, query.q?.trim() ?? '', mobileOnly, query.limit);
    const byId = new Map(loadContacts(deps, ids).map((c) => [c.id, c]));
    res.json({ contacts: ids.map((id) => byId.get(id)).filter(Boolean) });
  });

  router.post('/contacts/import', csvText, (req, res) => {
    const csv = typeof req.body === 'string' ? req.body : parse(importBody, req.body).csv;
    res.json(importContacts(deps, optOut, csv, actorOf(currentUser(req))));
  });

  router.post('/contacts', (req, res) => {
    const body = parse(createBody, req.body);
    const phones = normalizePhones(deps, body.phones);
    const now = nowIso(deps);

    const contact = events.transact((tx) => {
      const row = deps.db.sqlite
        .prepare<[string, string, string | null, string, string], { id: number }>(
          `INSERT INTO contacts (first_name, last_name, email, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(body.firstName, body.lastName, body.email, now, now);
      if (!row) throw new Error('contact insert returned no row');
      replacePhones(deps, row.id, phones);
      optOut.applySuppressions(
        tx,
        row.id,
        phones.map((p) => p.e164),
      );
      return loadContact(deps, row.id);
    });
    res.status(201).json({ contact });
  });

  router.get('/contacts/:id', (req, res) => {
    const id = parseId(req.params.id);
    const contact = loadContact(deps, id);
    const rows = deps.db.sqlite
      .prepare<[number], ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
         JOIN contacts ct ON ct.id = c.contact_id
         WHERE c.contact_id = ? ORDER BY c.last_message_at DESC`,
      )
      .all(id);
    const consent = deps.db.sqlite
      .prepare(
        `SELECT e.kind, e.source, e.keyword, e.created_at AS createdAt, u.name AS userName,
           n.label AS numberLabel, e.message_id AS messageId
         FROM consent_events e LEFT JOIN users u ON u.id = e.user_id
         LEFT JOIN office_numbers n ON n.id = e.number_id
         WHERE e.contact_id = ? ORDER BY e.id DESC`,
      )
      .all(id);
    res.json({ contact, conversations: presenter.present(rows), consent });
  });

  router.patch('/contacts/:id', (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(patchBody, req.body);
    const actor = actorOf(currentUser(req));
    const existing = loadContact(deps, id);
    const phones = body.phones ? normalizePhones(deps, body.phones) : null;

    const contact = events.transact((tx) => {
      deps.db.sqlite
        .prepare(
          `UPDATE contacts SET first_name = ?, last_name = ?, email = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          body.firstName ?? existing.firstName,
          body.lastName ?? existing.lastName,
          body.email === undefined ? existing.email : body.email,
          nowIso(deps),
          id,
        );
      if (phones) {
        replacePhones(deps, id, phones);
        optOut.applySuppressions(
          tx,
          id,
          phones.map((p) => p.e164),
        );
      }
      const dto = loadContact(deps, id);
      tx.emit('contact:updated', { contact: dto, actor });
      return dto;
    });
    res.json({ contact });
  });

  for (const [path, kind] of [
    ['unsubscribe', 'out'],
    ['resubscribe', 'in'],
  ] as const) {
    router.post(`/contacts/:id/${path}`, (req, res) => {
      const id = parseId(req.params.id);
      const actor = actorOf(currentUser(req));
      loadContact(deps, id);
      events.transact((tx) => {
        if (kind === 'out') optOut.optOut(tx, id, { source: 'staff', actor });
        else optOut.optIn(tx, id, { source: 'staff', actor });
      });
      res.json({ contact: loadContact(deps, id) });
    });
  }

  return router;
}

/** A–Z by last name, then first name, ignoring case; contacts with no name at all come last. */
const BY_NAME = `ORDER BY (c.last_name = '' AND c.first_name = ''),
  c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`;

const MOBILE_ONLY =
  'AND EXISTS (SELECT 1 FROM contact_phones m WHERE m.contact_id = c.id AND m.mobile = 1)';

/** The first page of the contact list, A–Z; read in `contacts_name_order_idx` order. */
export function contactListSql(mobileOnly: boolean): string {
  return `SELECT c.id FROM contacts c WHERE 1 ${mobileOnly ? MOBILE_ONLY : ''} ${BY_NAME} LIMIT ?`;
}

/** Contact ids matching a name, email or phone typed in any form; A–Z by last name. */
export function searchContacts(
  deps: Deps,
  q: string,
  mobileOnly: boolean,
  limit: number,
): number[] {
  const mobile = mobileOnly ? MOBILE_ONLY : '';
  if (!q) {
    return deps.db.sqlite
      .prepare<[number], { id: number }>(contactListSql(mobileOnly))
      .all(limit)
      .map((r) => r.id);
  }
  const like = `%${q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  const digits = q.replace(/\D/g, '');
  const phone =
    normalizePhone(q, defaultCountry(deps))?.e164 ?? (digits.length >= 4 ? `%${digits}%` : null);
  if (q.length > 100) throw errors.invalidInput('q: too long');
  return deps.db.sqlite
    .prepare<[string, string, string, string | null, number], { id: number }>(
      `SELECT c.id FROM contacts c
       WHERE (c.first_name || ' ' || c.last_name LIKE ? ESCAPE '\\'
         OR c.last_name LIKE ? ESCAPE '\\'
         OR c.email LIKE ? ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.e164 LIKE ?))
       ${mobile}
       ${BY_NAME} LIMIT ?`,
    )
    .all(like, like, like, phone, limit)
    .map((r) => r.id);
}
