import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { markWhole, splitHighlight } from '@shared/search.js';

import {
  buildSearchMatch,
  markWords,
  snippetOf,
} from '../../server/features/search/search-query.js';
import {
  factories,
  inboundBody,
  postWebhook,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';

let h: Harness;
let dana: Staff;
let make: ReturnType<typeof factories>;
let numberId: number;

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const user = await make.user({ name: 'Dana Reyes' });
  numberId = make.number('+12025550123').id;
  dana = await signIn(h, user.email);
});

afterEach(async () => {
  await h.close();
});

/** A staff-started thread, so its name is not the contact's. */
async function thread(
  name: string,
  contact: { firstName: string; lastName: string; phone: string },
) {
  const { id: contactId } = make.contact(contact);
  const res = await dana.post('/api/conversations', { name, numberId, contactId, text: 'Hello!' });
  expect(res.status).toBe(201);
  return res.body.conversation.id as number;
}

async function search(q: string, extra = '') {
  const res = await dana.get(`/api/conversations?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status).toBe(200);
  return res.body.conversations as Array<{
    id: number;
    highlight: { field: string; text: string; messageId?: number } | null;
  }>;
}

const marked = (text: string) =>
  splitHighlight(text)
    .filter((part) => part.match)
    .map((p) => p.text);

describe('GET /api/conversations?q=', () => {
  it('refuses a search without a session', async () => {
    const res = await fetch(`${h.url}/api/conversations?q=deadline`);
    expect(res.status).toBe(401);
  });

  it('finds a thread by a word of a message and marks the word in a snippet', async () => {
    const maya = await thread('Deposit', {
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    await thread('Housing', { firstName: 'Omar', lastName: 'Haddad', phone: '+14155550111' });
    await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit DEADLINE still May 1?' }));
    await postWebhook(
      h,
      'inbound',
      inboundBody({ from: '14155550111', text: 'Where is the housing form?' }),
    );

    const found = await search('deadline');

    expect(found.map((c) => c.id)).toEqual([maya]);
    expect(found[0]!.highlight?.field).toBe('message');
    expect(marked(found[0]!.highlight!.text)).toEqual(['DEADLINE']);
  });

  it('finds a thread by contact name, whatever the case and accents', async () => {
    const sofia = await thread('Visit day', {
      firstName: 'Sofía',
      lastName: 'Núñez',
      phone: '+14155550100',
    });
    await thread('Visit day', { firstName: 'Omar', lastName: 'Haddad', phone: '+14155550111' });

    const found = await search('sofia NUNEZ');

    expect(found.map((c) => c.id)).toEqual([sofia]);
    expect(found[0]!.highlight).toEqual({ field: 'contactName', text: expect.any(String) });
    expect(marked(found[0]!.highlight!.text)).toEqual(['Sofía', 'Núñez']);
  });

  it('matches the start of a name while it is being typed', async () => {
    const id = await thread('Scholarship appeal', {
      firstName: 'Ana',
      lastName: 'Kim',
      phone: '+14155550100',
    });

    const found = await search('schol');

    expect(found.map((c) => c.id)).toEqual([id]);
    expect(found[0]!.highlight?.field).toBe('name');
    expect(marked(found[0]!.highlight!.text)).toEqual(['Scholarship']);
  });

  it('finds a thread by its phone number typed in any form', async () => {
    const maya = await thread('Deposit', {
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    await thread('Housing', { firstName: 'Omar', lastName: 'Haddad', phone: '+16175550199' });

    const forms = [
      '(415) 555-0100',
      '415.555.0100',
      '+1 415 555 0100',
      '1-415-555-0100',
      '14155550100',
      '4155550100',
      '555-0100',
      '0100',
      '41555',
    ];
    for (const form of forms) {
      const found = await search(form);
      expect({ form, ids: found.map((c) => c.id) }).toEqual({ form, ids: [maya] });
      expect(found[0]!.highlight).toEqual({ field: 'phone', text: markWhole('+14155550100') });
    }
  });

  it('finds numbers written in texts, showing the number when it is the thread’s', async () => {
    const maya = await thread('Deposit', {
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    const omar = await thread('Housing', {
      firstName: 'Omar',
      lastName: 'Haddad',
      phone: '+14155550111',
    });
    await postWebhook(h, 'inbound', inboundBody({ text: 'Call me at 415-555-0100 please' }));
    await postWebhook(
      h,
      'inbound',
      inboundBody({ from: '14155550111', text: 'My mom: 415 555 0100' }),
    );

    const found = await search('(415) 555-0100');

    expect(found.map((c) => c.id).sort()).toEqual([maya, omar].sort());
    expect(found.find((c) => c.id === maya)?.highlight?.field).toBe('phone');
    const inText = found.find((c) => c.id === omar)?.highlight;
    expect(inText?.field).toBe('message');
    expect(marked(inText!.text)).toEqual(['415', '555', '0100']);
  });

  it('follows contact edits: a new name and number are found, the old name is not', async () => {
    const { id: contactId } = make.contact({
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    const created = await dana.post('/api/conversations', {
      name: 'Deposit',
      numberId,
      contactId,
      text: 'Hi',
    });
    const id = created.body.conversation.id;

    const edit = await dana.patch(`/api/contacts/${contactId}`, {
      firstName: 'Maia',
      phones: [{ number: '+14155550100', mobile: true }, { number: '(617) 555-0199' }],
    });
    expect(edit.status).toBe(200);

    expect((await search('maia')).map((c) => c.id)).toEqual([id]);
    expect((await search('617 555 0199')).map((c) => c.id)).toEqual([id]);
    expect(await search('maya')).toEqual([]);
  });

  it('keeps the view and status filters around a search', async () => {
    const open = await thread('Deposit question', {
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    const closed = await thread('Deposit refund', {
      firstName: 'Omar',
      lastName: 'Haddad',
      phone: '+14155550111',
    });
    await dana.post(`/api/conversations/${closed}/close`);

    expect((await search('deposit')).map((c) => c.id).sort()).toEqual([open, closed].sort());
    expect((await search('deposit', '&status=closed')).map((c) => c.id)).toEqual([closed]);
    expect(await search('deposit', '&view=unassigned&status=open')).toHaveLength(1);
    expect(await search('deposit', '&view=mine')).toEqual([]);
  });

  it('does not search activity lines, only texts and notes', async () => {
    const id = await thread('Deposit', {
      firstName: 'Maya',
      lastName: 'Lopez',
      phone: '+14155550100',
    });
    await dana.post(`/api/conversations/${id}/close`);

    expect(await search('closed')).toEqual([]);
  });

  it('reads FTS syntax in a query as plain words', async () => {
    await thread('Deposit', { firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });

    for (const q of ['"deposit', 'deposit OR NOT (', 'NEAR(a b)', '*', 'name:maya', '^maya']) {
      const res = await dana.get(`/api/conversations?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    expect(await search('"deposit')).toHaveLength(1);
  });

  it('leaves highlight out of a list without a search', async () => {
    await thread('Deposit', { firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });

    const res = await dana.get('/api/conversations');

    expect(res.body.conversations).toHaveLength(1);
    expect(res.body.conversations[0]).not.toHaveProperty('highlight');
  });
});

describe('buildSearchMatch', () => {
  it('quotes every word, so FTS5 operators in a query stay words', () => {
    const match = buildSearchMatch('deposit" OR NOT (x', 'US');

    expect(match.messages).toBe('"deposit" "or" "not" "x"');
    expect(match.conversations).toBe('{name contact_name} : ("deposit" "or" "not" "x")');
    expect(buildSearchMatch('dep', 'US').conversations).toBe('{name contact_name} : ("dep"*)');
  });

  it('turns a typed phone number into its E.164 digits and the digits as typed', () => {
    expect(buildSearchMatch('(415) 555-0100', 'US')).toMatchObject({
      conversations: 'phones : ("14155550100" OR "4155550100"*)',
      phoneDigits: ['14155550100', '4155550100'],
    });
    expect(buildSearchMatch('0100', 'US').conversations).toBe('phones : ("0100"*)');
  });
});

describe('markWords', () => {
  it('marks whole words and the last word as a prefix, ignoring case and accents', () => {
    const text = markWords('Sofía Núñez-Soto', ['sofia', 'sot']);

    expect(splitHighlight(text!)).toEqual([
      { text: 'Sofía', match: true },
      { text: ' Núñez-', match: false },
      { text: 'Soto', match: true },
    ]);
    expect(markWords('Maya Lopez', ['omar'])).toBeNull();
  });
});

describe('snippetOf', () => {
  it('keeps about a dozen words around the first match, marking it and showing the cuts', () => {
    const text =
      'one two three four five six seven eight nine ten eleven twelve thirteen ' +
      'fourteen Deadline sixteen seventeen eighteen nineteen twenty twenty-one';

    const snippet = snippetOf(text, ['deadline']);

    expect(snippet).toBe(
      '…eleven twelve thirteen fourteen \uE000Deadline\uE001 sixteen seventeen eighteen ' +
        'nineteen twenty twenty-one',
    );
    expect(snippetOf(`${text} and more words after`, ['deadline'])?.endsWith('…')).toBe(true);
    expect(snippetOf('Is the deposit due?', ['deposit'])).toBe('Is the \uE000deposit\uE001 due?');
    expect(snippetOf('Nothing here', ['deposit'])).toBeNull();
  });
});
