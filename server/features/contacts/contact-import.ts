import type { ContactImportReportDto } from '@shared/dto.js';
import { normalizePhone } from '@shared/phone.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { CsvParseError, parseCsv } from '../../lib/csv.js';
import { errors } from '../../lib/errors.js';
import { z } from '../../lib/validate.js';
import { defaultCountry } from '../admin/settings.js';
import type { Actor } from '../conversations/conversation.service.js';
import type { OptOutService } from '../optout/optout.service.js';
import type { Tx } from '../realtime/event-log.js';
import { loadContact, type NormalizedPhone, replacePhones } from './contact.service.js';

type Field = 'firstName' | 'lastName' | 'fullName' | 'email' | 'phone';

/** Header names are compared lower-cased with everything but letters and digits removed. */
const HEADER_NAMES: Record<Field, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'fname', 'forename'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  fullName: ['name', 'fullname', 'contactname', 'studentname'],
  email: ['email', 'emailaddress', 'mail'],
  phone: [
    'phone',
    'phonenumber',
    'phones',
    'mobile',
    'mobilenumber',
    'mobilephone',
    'cell',
    'cellphone',
    'cellnumber',
    'telephone',
    'tel',
    'number',
  ],
};

export const MAX_IMPORT_ROWS = 5000;
const MAX_NAME = 100;
const MAX_PHONES = 10;
const emailSchema = z.email().max(254);

interface Candidate {
  firstName: string;
  lastName: string;
  email: string | null;
  phones: NormalizedPhone[];
}

type Columns = Partial<Record<Field, number>>;

const headerKey = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

function readHeader(header: string[]): Columns {
  const columns: Columns = {};
  header.forEach((name, index) => {
    const key = headerKey(name);
    const field = (Object.keys(HEADER_NAMES) as Field[]).find((f) => HEADER_NAMES[f].includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const named = columns.firstName !== undefined || columns.fullName !== undefined;
  if (!named || columns.phone === undefined) {
    throw errors.badRequest(
      'invalid_csv',
      'The first row must name the columns: first name (or name), last name, email and phone.',
    );
  }
  return columns;
}

const isBlank = (row: string[]) => row.every((field) => field.trim() === '');

/** Checks one data row; a string is the reason it is rejected. */
function readRow(row: string[], columns: Columns, country: string): Candidate | string {
  const cell = (field: Field) => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };

  let firstName = cell('firstName');
  let lastName = cell('lastName');
  if (!firstName && cell('fullName')) {
    const [first = '', ...rest] = cell('fullName').split(/\s+/);
    firstName = first;
    lastName ||= rest.join(' ');
  }
  if (!firstName) return 'first name is missing';
  if (firstName.length > MAX_NAME || lastName.length > MAX_NAME) {
    return `names are limited to ${MAX_NAME} characters`;
  }

  const email = cell('email').toLowerCase();
  if (email && !emailSchema.safeParse(email).success) return `"${email}" is not an email address`;

  const typed = cell('phone')
    .split(/[;|\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (!typed.length) return 'phone number is missing';
  if (typed.length > MAX_PHONES) return `at most ${MAX_PHONES} phone numbers per contact`;
  const phones = new Map<string, NormalizedPhone>();
  for (const number of typed) {
    const parsed = normalizePhone(number, country);
    if (!parsed) return `"${number}" is not a valid phone number`;
    if (!phones.has(parsed.e164))
      phones.set(parsed.e164, { e164: parsed.e164, mobile: parsed.mobile });
  }
  return { firstName, lastName, email: email || null, phones: [...phones.values()] };
}

/**
 * Imports contacts from CSV text. The header row names the columns (first name, last name,
 * email, phone, in any order and common spellings); each row is checked on its own, and a bad
 * row is reported without stopping the rest. A row whose email, or whose phone and name, match
 * an existing contact updates that contact (adding new phones); the others create contacts.
 * Numbers on the suppression list make the contact start opted out. One transaction.
 */
export function importContacts(
  deps: Deps,
  optOut: OptOutService,
  csv: string,
  actor: Actor,
): ContactImportReportDto {
  const rows = readCsv(csv);
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  if (headerIndex === -1) throw errors.badRequest('invalid_csv', 'The file has no rows.');
  const columns = readHeader(rows[headerIndex] ?? []);
  const data = rows.slice(headerIndex + 1);
  if (data.length > MAX_IMPORT_ROWS) {
    throw errors.badRequest(
      'too_many_rows',
      `Import at most ${MAX_IMPORT_ROWS} contacts at a time; this file has ${data.length} rows.`,
    );
  }

  const country = defaultCountry(deps);
  const store = new ImportStore(deps, optOut);
  const report: ContactImportReportDto = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  deps.events.transact((tx) => {
    data.forEach((row, index) => {
      if (isBlank(row)) return;
      const candidate = readRow(row, columns, country);
      const rowNumber = headerIndex + index + 2;
      if (typeof candidate === 'string') {
        report.rejected.push({ row: rowNumber, reason: candidate });
        return;
      }
      report[store.save(tx, candidate, actor)] += 1;
    });
  });
  return report;
}

function readCsv(csv: string): string[][] {
  try {
    return parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvParseError) throw errors.badRequest('invalid_csv', error.message);
    throw error;
  }
}

/** The statements an import runs per row, prepared once per import. */
class ImportStore {
  private readonly statements;

  constructor(
    private readonly deps: Deps,
    private readonly optOut: OptOutService,
  ) {
    const { sqlite } = deps.db;
    this.statements = {
      byEmail: sqlite.prepare<[string], { id: number }>(
        'SELECT id FROM contacts WHERE lower(email) = ? ORDER BY id LIMIT 1',
      ),
      byPhoneAndName: sqlite.prepare<[string, string, string, string], { id: number }>(
        `SELECT c.id FROM contacts c JOIN contact_phones p ON p.contact_id = c.id
         WHERE p.e164 = ? AND lower(c.first_name) = lower(?) AND lower(c.last_name) = lower(?)
           AND (? = '' OR c.email IS NULL)
         ORDER BY c.id LIMIT 1`,
      ),
      insert: sqlite.prepare<[string, string, string | null, string, string], { id: number }>(
        `INSERT INTO contacts (first_name, last_name, email, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id`,
      ),
      update: sqlite.prepare<[string, string, string | null, string, number]>(
        `UPDATE contacts SET first_name = ?, last_name = ?, email = ?, updated_at = ?
         WHERE id = ?`,
      ),
    };
  }

  save(tx: Tx, candidate: Candidate, actor: Actor): 'created' | 'updated' | 'unchanged' {
    const existing = this.match(candidate);
    if (existing === null) {
      const now = nowIso(this.deps);
      const row = this.statements.insert.get(
        candidate.firstName,
        candidate.lastName,
        candidate.email,
        now,
        now,
      );
      if (!row) throw new Error('contact insert returned no row');
      replacePhones(this.deps, row.id, candidate.phones);
      this.optOut.applySuppressions(
        tx,
        row.id,
        candidate.phones.map((p) => p.e164),
      );
      return 'created';
    }
    return this.update(tx, existing, candidate, actor);
  }

  /** The same email; else the same phone and name, unless the emails differ. */
  private match(candidate: Candidate): number | null {
    const byEmail = candidate.email ? this.statements.byEmail.get(candidate.email) : undefined;
    if (byEmail) return byEmail.id;
    for (const phone of candidate.phones) {
      const hit = this.statements.byPhoneAndName.get(
        phone.e164,
        candidate.firstName,
        candidate.lastName,
        candidate.email ?? '',
      );
      if (hit) return hit.id;
    }
    return null;
  }

  private update(tx: Tx, id: number, candidate: Candidate, actor: Actor) {
    const contact = loadContact(this.deps, id);
    const known = new Set(contact.phones.map((p) => p.e164));
    const added = candidate.phones.filter((p) => !known.has(p.e164));
    const email = candidate.email ?? contact.email;
    const same =
      contact.firstName === candidate.firstName &&
      contact.lastName === candidate.lastName &&
      contact.email === email;
    if (same && !added.length) return 'unchanged';

    this.statements.update.run(
      candidate.firstName,
      candidate.lastName,
      email,
      nowIso(this.deps),
      id,
    );
    if (added.length) {
      replacePhones(this.deps, id, [...contact.phones, ...added]);
      this.optOut.applySuppressions(
        tx,
        id,
        added.map((p) => p.e164),
      );
    }
    tx.emit('contact:updated', { contact: loadContact(this.deps, id), actor });
    return 'updated';
  }
}
