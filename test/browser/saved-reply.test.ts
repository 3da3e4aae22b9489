import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  startHarness,
  type Harness,
} from '../helpers/app-harness.js';
import {
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let admin: Page;
let counselor: Page;
let mayaThread: number;
let unnamedThread: number;

async function threadOf(phone: string): Promise<number> {
  const res = await postWebhook(
    h,
    'inbound',
    inboundBody({ from: phone, text: 'When is the deposit due?' }),
  );
  expect(res.status).toBe(200);
  const row = h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1').get();
  return (row as { id: number }).id;
}

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const ada = await make.user({ name: 'Ada Admin', email: 'ada@example.edu', role: 'admin' });
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: '', lastName: 'Okafor', phone: '+14155550122' });
  const now = new Date().toISOString();
  h.db.sqlite
    .prepare('INSERT INTO saved_replies (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(
      'Deposit deadline',
      'Hi {{contact.firstName}}, the deposit is due May 1. - {{user.firstName}}',
      now,
      now,
    );
  mayaThread = await threadOf('14155550100');
  unnamedThread = await threadOf('14155550122');

  browser = await launchBrowser();
  admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  counselor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(admin, h.url, ada.email, PASSWORD);
  await signInThroughUi(counselor, h.url, dana.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('saved replies in the browser', () => {
  it('lets an admin add a saved reply from Settings → Saved replies in the nav', async () => {
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await admin.getByRole('heading', { name: 'Saved replies', level: 1 }).waitFor();

    await admin.getByLabel('Title').fill('Campus tour');
    await admin
      .getByLabel('Text')
      .fill('Tours run at {{office.name}} every Friday, {{contact.firstName|there}}.');
    await admin.getByRole('button', { name: 'Add saved reply' }).click();

    await admin.getByRole('button', { name: 'Edit Campus tour' }).waitFor();
    const stored = h.db.sqlite
      .prepare(`SELECT body FROM saved_replies WHERE title = 'Campus tour'`)
      .all();
    expect(stored).toEqual([
      { body: 'Tours run at {{office.name}} every Friday, {{contact.firstName|there}}.' },
    ]);
  });

  it('reaches the tags, rules and assistant settings from the nav, for admins only', async () => {
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const settings = admin.getByRole('navigation', { name: 'Settings' });
    for (const [link, heading] of [
      ['Tags', 'Tags'],
      ['Rules', 'Conversation rules'],
      ['Assistant & bot', 'Assistant and bot'],
    ] as const) {
      await settings.getByRole('link', { name: link }).click();
      await admin.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await screenshot(admin, `saved-reply/settings-${link.split(' ')[0]!.toLowerCase()}`);
    }

    await counselor.goto(`${h.url}/settings/rules`);
    await counselor.getByRole('heading', { name: /have access to this page/ }).waitFor();
    expect(await counselor.getByRole('link', { name: 'Settings' }).count()).toBe(0);
  });

  it('inserts a saved reply with / in the composer, filled in, and sends it', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    const composer = counselor.getByTestId('composer-input');
    await composer.click();

    await composer.pressSequentially('/dep');
    const option = counselor.getByRole('option', { name: /Deposit deadline/ });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await screenshot(counselor, 'saved-reply/picker');
    await composer.press('Enter');

    const filled = 'Hi Maya, the deposit is due May 1. - Dana';
    await expect.poll(() => composer.inputValue()).toBe(filled);
    await screenshot(counselor, 'saved-reply/inserted');
    await counselor.getByTestId('send-button').click();

    const [request] = await h.fake!.waitForRequests(1, 10_000);
    expect((request!.body as { text: string }).text).toBe(filled);
    await counselor.locator('.message-outbound').getByText(filled).waitFor();
    await expect.poll(() => composer.inputValue()).toBe('');
  });

  it('adds a private note and a tag from the thread, and fixes spelling offline', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);

    await counselor.getByTestId('composer-input').fill('we recieved your applicaton');
    await counselor.getByRole('button', { name: 'Assistant' }).click();
    await counselor.getByText(/The writing assistant is off/).waitFor();
    await counselor.getByRole('button', { name: 'Fix spelling & grammar' }).click();
    const suggestion = counselor.getByTestId('assistant-suggestion');
    await suggestion.getByText('we received your application').waitFor();
    expect(await counselor.getByTestId('composer-input').inputValue()).toBe(
      'we recieved your applicaton',
    );
    await suggestion.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => counselor.getByTestId('composer-input').inputValue())
      .toBe('we received your application');

    await counselor.getByTestId('mode-note').click();
    await counselor.getByTestId('note-input').fill('Prefers texts after 5pm.');
    await counselor.getByTestId('note-button').click();
    await counselor.locator('.bubble-note').getByText('Prefers texts after 5pm.').waitFor();

    await counselor.getByRole('button', { name: '+ Tag' }).click();
    await counselor.getByLabel('Tag name').fill('Evening');
    await counselor.getByRole('button', { name: 'Add', exact: true }).click();
    await counselor.getByRole('button', { name: 'Remove tag Evening' }).waitFor();
    await screenshot(counselor, 'saved-reply/note-and-tag');
    expect(h.fake!.requests.filter((r) => JSON.stringify(r.body).includes('5pm'))).toHaveLength(0);
  });

  it('blocks sending while a field has no value, and says which', async () => {
    await counselor.goto(`${h.url}/c/${unnamedThread}`);
    const composer = counselor.getByTestId('composer-input');
    await composer.click();

    await composer.pressSequentially('/deposit');
    await counselor.getByRole('option', { name: /Deposit deadline/ }).click();

    await counselor
      .getByTestId('template-preview')
      .getByText(/has no value here/)
      .waitFor();
    await expect.poll(() => counselor.getByTestId('send-button').isDisabled()).toBe(true);
    expect(await composer.inputValue()).toBe(
      'Hi {{contact.firstName}}, the deposit is due May 1. - Dana',
    );
    await screenshot(counselor, 'saved-reply/blocked');

    await composer.fill('Hi {{contact.firstName|there}}, the deposit is due May 1.');
    await counselor
      .getByTestId('template-preview')
      .getByText('Hi there, the deposit is due May 1.')
      .waitFor();
    await expect.poll(() => counselor.getByTestId('send-button').isEnabled()).toBe(true);
  });
});
