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
import { launchBrowser, type TestBrowser, signInThroughUi } from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let admin: Page;
let counselor: Page;
let mayaThread: number;

/** What has the keyboard focus: its id, test id or accessible text, enough to tell it apart. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    return element.id || element.dataset.testid || element.textContent?.trim() || element.tagName;
  });

const polite = (page: Page) => page.getByTestId('live-polite');

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const ada = await make.user({ name: 'Ada Admin', email: 'ada@example.edu', role: 'admin' });
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Theo', lastName: 'Grant', phone: '+14155550111' });
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit refundable?' }));
  await postWebhook(h, 'inbound', inboundBody({ from: '14155550111', text: 'Orientation?' }));
  const rows = h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id').all() as {
    id: number;
  }[];
  expect(rows).toHaveLength(2);
  mayaThread = rows[0]!.id;

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

describe('the first field takes the cursor', () => {
  it('puts the cursor in Email on sign-in', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${h.url}/login`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expect.poll(() => focused(page)).toBe('login-email');
    } finally {
      await page.close();
    }
  });

  it('puts the cursor in the first field of first-time set-up', async () => {
    const fresh = await startHarness({ carrier: 'simulator' });
    const page = await browser.newPage();
    try {
      await page.goto(`${fresh.url}/`);
      await page.getByRole('heading', { name: 'Set up Switchboard' }).waitFor();
      await expect.poll(() => focused(page)).toBe('setup-token');
    } finally {
      await page.close();
      await fresh.close();
    }
  });
});

describe('focus after a control goes away', () => {
  it('moves from the recipient search to Change recipient once Enter picks one', async () => {
    await counselor.goto(`${h.url}/new`);
    const search = counselor.getByRole('combobox', { name: 'Recipient' });
    await search.click();
    await search.pressSequentially('Theo');
    await counselor.getByRole('option', { name: /Theo Grant/ }).waitFor();
    await search.press('Enter');

    await expect.poll(() => focused(counselor)).toBe('Change recipient');
    await expect.poll(() => polite(counselor).textContent()).toContain('Recipient: Theo Grant');
  });

  it('moves from Assign to me, which disappears, to the assignee select', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    await counselor.getByRole('button', { name: 'Assign to me' }).click();

    await counselor.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(counselor)).toBe('assignee-select');
  });

  it('says "Last conversation" when j is pressed on the last row', async () => {
    await counselor.goto(`${h.url}/`);
    await counselor.getByRole('tab', { name: /^All/ }).click();
    const rows = counselor.getByTestId('inbox-row');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().focus();
    await counselor.keyboard.press('End');
    await counselor.keyboard.press('j');

    await expect.poll(() => polite(counselor).textContent()).toContain('Last conversation');
    expect(await rows.last().evaluate((row) => row === document.activeElement)).toBe(true);
  });

  it('goes back to Name after Add user, with a message saying it worked', async () => {
    await admin.goto(`${h.url}/admin/users`);
    await admin.getByLabel('Name').fill('Noor Haddad');
    await admin.getByLabel('Email').fill('noor@example.edu');
    await admin.getByLabel('Temporary password').fill('a long enough password');
    await admin.getByRole('button', { name: 'Add user' }).click();

    await admin.getByRole('status').getByText('Noor Haddad can now sign in.').waitFor();
    await expect.poll(() => focused(admin)).toBe('user-name');
    expect(await admin.getByLabel('Name').inputValue()).toBe('');
  });

  it('goes back to Phone number after adding a number, ready for the next one', async () => {
    await admin.goto(`${h.url}/admin/numbers`);
    await admin.getByLabel('Phone number').fill('+1 202 555 0188');
    await admin.getByLabel('Label').fill('Financial aid');
    await admin.getByLabel('Label').press('Enter');

    await admin
      .getByRole('status')
      .getByText(/added\./)
      .waitFor();
    await expect.poll(() => focused(admin)).toBe('number-value');
    expect(await admin.getByLabel('Phone number').inputValue()).toBe('');
  });
});
