import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  connect,
  connected,
  factories,
  inboundBody,
  postWebhook,
  record,
  signIn,
  startHarness,
  waitFor,
  type ClientSocket,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let make: ReturnType<typeof factories>;
let dana: Staff;
let observer: ClientSocket;

interface Contact {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phones: Array<{ e164: string; mobile: boolean }>;
  smsUnsubscribedAt: string | null;
}

const LANDLINE = '+44 20 7946 0018';

async function createContact(body: Record<string, unknown>): Promise<Contact> {
  const res = await dana.post('/api/contacts', body);
  expect(res.status).toBe(201);
  return res.body.contact;
}

async function search(query: string): Promise<string[]> {
  const res = await dana.get(`/api/contacts?${query}`);
  return res.body.contacts.map((c: Contact) => `${c.firstName} ${c.lastName}`);
}

function postCsv(csv: string, contentType = 'text/csv') {
  return fetch(`${h.url}/api/contacts/import`, {
    method: 'POST',
    headers: { cookie: dana.cookie, 'content-type': contentType },
    body: csv,
  }).then(async (res) => ({ status: res.status, body: await res.json() }));
}

const allContacts = () =>
  h.db.sqlite
    .prepare(
      `SELECT c.first_name AS firstName, c.last_name AS lastName, c.email, p.e164, p.mobile
       FROM contacts c JOIN contact_phones p ON p.contact_id = c.id ORDER BY c.id, p.position`,
    )
    .all();

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const d = await make.user({ name: 'Dana Reyes' });
  const e = await make.user({ name: 'Eli Park' });
  dana = await signIn(h, d.email);
  const eli = await signIn(h, e.email);
  observer = connect(h, eli.cookie);
  await connected(observer);
});

afterEach(async () => {
  observer.disconnect();
  await h.close();
});

describe('POST /api/contacts', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'A', phones: [{ number: '4155550100' }] }),
    });
    expect(res.status).toBe(401);
  });

  it('normalises phones to E.164 and sets the mobile flag from the number type', async () => {
    const contact = await createContact({
      firstName: 'Maya',
      lastName: 'Lopez',
      email: 'Maya.Lopez@Example.edu',
      phones: [{ number: '(415) 555-0100' }, { number: LANDLINE }],
    });

    expect(contact).toMatchObject({
      firstName: 'Maya',
      lastName: 'Lopez',
      email: 'maya.lopez@example.edu',
      smsUnsubscribedAt: null,
      phones: [
        { e164: '+14155550100', mobile: true },
        { e164: '+442079460018', mobile: false },
      ],
    });
  });

  it('keeps the mobile flag staff set over the number type', async () => {
    const contact = await createContact({
      firstName: 'Jo',
      phones: [
        { number: '415 555 0100', mobile: false },
        { number: LANDLINE, mobile: true },
      ],
    });

    expect(contact.phones).toEqual([
      { e164: '+14155550100', mobile: false },
      { e164: '+442079460018', mobile: true },
    ]);
  });

  it('refuses a number that is not a phone number', async () => {
    const res = await dana.post('/api/contacts', {
      firstName: 'Jo',
      phones: [{ number: '555-0100' }],
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_phone');
  });

  it('starts a contact opted out when the number texted STOP before it was known', async () => {
    make.number('+12025550123');
    await postWebhook(h, 'inbound', inboundBody({ from: '14155550199', text: 'STOP' }));

    const contact = await createContact({ firstName: 'Late', phones: [{ number: '4155550199' }] });

    expect(contact.smsUnsubscribedAt).toEqual(expect.any(String));
  });
});

describe('PATCH /api/contacts/:id', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/contacts/1`, { method: 'PATCH' });
    expect(res.status).toBe(401);
  });

  it('edits names, email and phones, overrides the mobile flag and tells everyone', async () => {
    const contact = await createContact({ firstName: 'Maya', phones: [{ number: '4155550100' }] });
    const updates = record(observer, 'contact:updated');

    const res = await dana.patch(`/api/contacts/${contact.id}`, {
      lastName: 'Lopez-Ruiz',
      email: 'maya@example.edu',
      phones: [{ number: '+1 415 555 0100', mobile: false }, { number: '415.555.0111' }],
    });

    expect(res.body.contact).toMatchObject({
      firstName: 'Maya',
      lastName: 'Lopez-Ruiz',
      email: 'maya@example.edu',
      phones: [
        { e164: '+14155550100', mobile: false },
        { e164: '+14155550111', mobile: true },
      ],
    });
    await waitFor(() => updates.length);
    expect(updates[0]!.contact.lastName).toBe('Lopez-Ruiz');
    expect(updates[0]!.actor?.name).toBe('Dana Reyes');
  });
});

describe('GET /api/contacts', () => {
  beforeEach(async () => {
    await createContact({
      firstName: 'Maya',
      lastName: 'Lopez',
      email: 'maya@example.edu',
      phones: [{ number: '4155550100' }],
    });
    await createContact({ firstName: 'Theo', lastName: 'Grant', phones: [{ number: LANDLINE }] });
    await createContact({
      firstName: 'Ivy',
      lastName: 'Chen',
      email: 'ivy@college.edu',
      phones: [{ number: '4155550122', mobile: false }],
    });
  });

  it('refuses a request without a session', async () => {
    expect((await fetch(`${h.url}/api/contacts`)).status).toBe(401);
  });

  it.each([
    ['q=maya', ['Maya Lopez']],
    ['q=Maya%20Lopez', ['Maya Lopez']],
    ['q=grant', ['Theo Grant']],
    ['q=college.edu', ['Ivy Chen']],
    ['q=(415)%20555-0100', ['Maya Lopez']],
    ['q=1-415-555-0100', ['Maya Lopez']],
    ['q=415.555', ['Ivy Chen', 'Maya Lopez']],
  ])('finds contacts by name, email or phone in any form: %s', async (query, names) => {
    expect((await search(query)).sort()).toEqual(names.sort());
  });

  it('lists contacts A–Z by last name, then first name, ignoring case', async () => {
    await createContact({
      firstName: 'amir',
      lastName: 'chen',
      phones: [{ number: '4155550131' }],
    });
    await createContact({
      firstName: 'Zoe',
      lastName: 'Young',
      phones: [{ number: '4155550132' }],
    });
    const alphabetical = ['amir chen', 'Ivy Chen', 'Theo Grant', 'Maya Lopez', 'Zoe Young'];

    expect(await search('')).toEqual(alphabetical);
    expect(await search('limit=2')).toEqual(alphabetical.slice(0, 2));
    expect(await search('q=415555')).toEqual(['amir chen', 'Ivy Chen', 'Maya Lopez', 'Zoe Young']);
  });

  it('lists only contacts with a mobile number when asked', async () => {
    expect(await search('mobileOnly=true')).toEqual(['Maya Lopez']);
    expect(await search('q=415555&mobileOnly=true')).toEqual(['Maya Lopez']);
  });
});

describe('GET /api/contacts/:id', () => {
  it('refuses a request without a session', async () => {
    expect((await fetch(`${h.url}/api/contacts/1`)).status).toBe(401);
  });

  it('answers 404 for a contact that does not exist', async () => {
    const res = await dana.get('/api/contacts/999');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('lists the contact’s threads across office numbers, newest activity first', async () => {
    const admissions = make.number('+12025550123', 'Admissions');
    const advising = make.number('+12025550188', 'Advising');
    const contact = make.contact({ phone: '+14155550100' });
    await postWebhook(h, 'inbound', inboundBody({ to: '12025550123' }));
    await postWebhook(h, 'inbound', inboundBody({ to: '12025550188' }));
    h.db.sqlite
      .prepare('UPDATE conversations SET last_message_at = ? WHERE number_id = ?')
      .run('2030-01-01T00:00:00.000Z', advising.id);

    const res = await dana.get(`/api/contacts/${contact.id}`);

    expect(res.body.contact).toMatchObject({ id: contact.id, smsUnsubscribedAt: null });
    expect(res.body.conversations.map((c: { numberId: number }) => c.numberId)).toEqual([
      advising.id,
      admissions.id,
    ]);
  });
});

describe('POST /api/contacts/import', () => {
  it('refuses a request without a session', async () => {
    const res = await fetch(`${h.url}/api/contacts/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'first name,phone\nA,4155550100\n',
    });
    expect(res.status).toBe(401);
  });

  it('creates contacts from a CSV file and reports each rejected row with its reason', async () => {
    const csv = [
      'First Name,Last Name,E-mail,Mobile Phone',
      'Maya,Lopez,maya@example.edu,(415) 555-0100',
      ',Nobody,nobody@example.edu,4155550101',
      'Theo,Grant,not-an-email,4155550102',
      'Ivy,Chen,ivy@example.edu,',
      'Jon,Bell,jon@example.edu,555-0199',
      '',
      '"Ana, Jr.",Ruiz,,"+44 20 7946 0018; 415.555.0103"',
    ].join('\r\n');

    const res = await postCsv(csv);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        { row: 3, reason: 'first name is missing' },
        { row: 4, reason: '"not-an-email" is not an email address' },
        { row: 5, reason: 'phone number is missing' },
        { row: 6, reason: '"555-0199" is not a valid phone number' },
      ],
    });
    expect(allContacts()).toEqual([
      {
        firstName: 'Maya',
        lastName: 'Lopez',
        email: 'maya@example.edu',
        e164: '+14155550100',
        mobile: 1,
      },
      { firstName: 'Ana, Jr.', lastName: 'Ruiz', email: null, e164: '+442079460018', mobile: 0 },
      { firstName: 'Ana, Jr.', lastName: 'Ruiz', email: null, e164: '+14155550103', mobile: 1 },
    ]);
  });

  it('accepts JSON {csv}, columns in any order and a single name column', async () => {
    const res = await dana.post('/api/contacts/import', {
      csv: 'phone number,email,name\n4155550100,maya@example.edu,Maya Lopez Ruiz\n',
    });

    expect(res.body).toMatchObject({ created: 1, rejected: [] });
    expect(allContacts()).toEqual([
      {
        firstName: 'Maya',
        lastName: 'Lopez Ruiz',
        email: 'maya@example.edu',
        e164: '+14155550100',
        mobile: 1,
      },
    ]);
  });

  it('updates a contact matched by email, or by phone and name, instead of a copy', async () => {
    const byEmail = await createContact({
      firstName: 'Maya',
      lastName: 'Lopez',
      email: 'maya@example.edu',
      phones: [{ number: '4155550100' }],
    });
    await createContact({
      firstName: 'Theo',
      lastName: 'Grant',
      phones: [{ number: '4155550111' }],
    });
    const updates = record(observer, 'contact:updated');
    const csv = [
      'first,last,email,phone',
      'Maya,Lopez-Ruiz,MAYA@example.edu,415-555-0122',
      'theo,grant,theo@example.edu,4155550111',
      'theo,grant,theo@example.edu,(415) 555-0111',
    ].join('\n');

    const res = await postCsv(csv);

    expect(res.body).toEqual({ created: 0, updated: 2, unchanged: 1, rejected: [] });
    const maya = (await dana.get(`/api/contacts/${byEmail.id}`)).body.contact;
    expect(maya.lastName).toBe('Lopez-Ruiz');
    expect(maya.phones.map((p: { e164: string }) => p.e164)).toEqual([
      '+14155550100',
      '+14155550122',
    ]);
    expect(await search('q=theo@example.edu')).toEqual(['theo grant']);
    await waitFor(() => updates.length === 2);
  });

  it('imports a suppressed number as an opted-out contact', async () => {
    make.number('+12025550123');
    await postWebhook(h, 'inbound', inboundBody({ from: '14155550199', text: 'stop' }));

    const res = await postCsv('first name,phone\nLate,415-555-0199\n');

    expect(res.body.created).toBe(1);
    const [contact] = (await dana.get('/api/contacts?q=Late')).body.contacts;
    expect(contact.smsUnsubscribedAt).toEqual(expect.any(String));
  });

  it.each([
    ['a header without a phone column', 'first name,email\nMaya,maya@example.edu\n'],
    ['a quoted field that never closes', 'first name,phone\n"Maya,4155550100\n'],
    ['an empty file', '\n\n'],
  ])('refuses %s with invalid_csv and imports nothing', async (_name, csv) => {
    const res = await postCsv(csv);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_csv');
    expect(allContacts()).toEqual([]);
  });

  it('refuses a file of more than 5000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `P${i},4155550100`);

    const res = await postCsv(['first name,phone', ...rows].join('\n'));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('too_many_rows');
    expect(allContacts()).toEqual([]);
  });
});
