import type BetterSqlite3 from 'better-sqlite3';
import { asc, eq, inArray } from 'drizzle-orm';

import type { ContactDto } from '@shared/dto.js';
import { normalizePhone } from '@shared/phone.js';

import type { Deps } from '../../context.js';
import { contactPhones, contacts } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import { defaultCountry } from '../admin/settings.js';

type ContactRow = typeof contacts.$inferSelect;
type PhoneRow = typeof contactPhones.$inferSelect;

export interface PhoneInput {
  number: string;
  mobile?: boolean | undefined;
}

export interface NormalizedPhone {
  e164: string;
  mobile: boolean;
}

export function toContactDto(row: ContactRow, phones: PhoneRow[]): ContactDto {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phones: phones
      .filter((phone) => phone.contactId === row.id)
      .sort((a, b) => a.position - b.position)
      .map((phone) => ({ e164: phone.e164, mobile: phone.mobile })),
    smsUnsubscribedAt: row.smsUnsubscribedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function loadContacts(deps: Deps, ids: number[]): ContactDto[] {
  if (!ids.length) return [];
  const rows = deps.db.orm.select().from(contacts).where(inArray(contacts.id, ids)).all();
  const phones = deps.db.orm
    .select()
    .from(contactPhones)
    .where(inArray(contactPhones.contactId, ids))
    .orderBy(asc(contactPhones.position))
    .all();
  return rows.map((row) => toContactDto(row, phones));
}

export function loadContact(deps: Deps, id: number): ContactDto {
  const [contact] = loadContacts(deps, [id]);
  if (!contact) throw errors.notFound('The contact');
  return contact;
}

/**
 * Normalises typed phone numbers to E.164, with the mobile flag from the number's type unless
 * staff set it. Throws `invalid_phone` naming the first number that is not a phone number.
 */
export function normalizePhones(deps: Deps, phones: PhoneInput[]): NormalizedPhone[] {
  const seen = new Map<string, NormalizedPhone>();
  for (const [index, phone] of phones.entries()) {
    const parsed = normalizePhone(phone.number, defaultCountry(deps));
    if (!parsed) {
      throw errors.badRequest(
        'invalid_phone',
        `phones.${index}: "${phone.number}" is not a valid phone number`,
      );
    }
    if (!seen.has(parsed.e164)) {
      seen.set(parsed.e164, { e164: parsed.e164, mobile: phone.mobile ?? parsed.mobile });
    }
  }
  return [...seen.values()];
}

export function replacePhones(deps: Deps, contactId: number, phones: NormalizedPhone[]): void {
  deps.db.orm.delete(contactPhones).where(eq(contactPhones.contactId, contactId)).run();
  if (!phones.length) return;
  deps.db.orm
    .insert(contactPhones)
    .values(phones.map((phone, position) => ({ contactId, ...phone, position })))
    .run();
}

const byPhone = new WeakMap<Deps['db'], BetterSqlite3.Statement<[string], { id: number }>>();

/** Contacts that have this E.164 number among their phones. */
export function contactIdsByPhone(deps: Deps, e164: string): number[] {
  // On every inbound text: prepared once, where a Drizzle query would be rebuilt on each call.
  let statement = byPhone.get(deps.db);
  if (!statement) {
    statement = deps.db.sqlite.prepare(
      'SELECT contact_id AS id FROM contact_phones WHERE e164 = ?',
    );
    byPhone.set(deps.db, statement);
  }
  return statement.all(e164).map((row) => row.id);
}
