import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  sleep,
  startHarness,
  type Harness,
} from '../helpers/app-harness.js';
import {
  launchBrowser,
  screenshot,
  signInThroughUi,
  type TestBrowser,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let admin: Page;
let counselor: Page;
let mayaThread: number;

/** The focused element: `row:<id>` for an inbox row, else its id, test id or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    if (element.dataset.conversationId) return `row:${element.dataset.conversationId}`;
    return element.id || element.dataset.testid || element.textContent?.trim() || element.tagName;
  });

const dropFocus = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const ada = await make.user({ name: 'Ada Admin', email: 'ada@example.edu', role: 'admin' });
  await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit refundable?' }));
  const row = h.db.sqlite.prepare('SELECT id FROM conversations').get() as { id: number };
  mayaThread = row.id;

  browser = await launchBrowser();
  admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  counselor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(admin, h.url, ada.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('arriving on a page', () => {
  it('lands on the first inbox row after sign-in; Esc from the body returns to it', async () => {
    await signInThroughUi(counselor, h.url, 'dana@example.edu', PASSWORD);
    await expect.poll(() => focused(counselor)).toBe(`row:${mayaThread}`);

    await dropFocus(counselor);
    expect(await focused(counselor)).toBe('body');
    await counselor.keyboard.press('Escape');
    await expect.poll(() => focused(counselor)).toBe(`row:${mayaThread}`);
  });

  it('lands on the thread heading from its address; Esc from the body finds its row', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    await expect.poll(() => focused(counselor)).toBe('thread-title');
    await counselor.getByTestId('inbox-row').waitFor();

    await dropFocus(counselor);
    await counselor.keyboard.press('Escape');
    await expect.poll(() => focused(counselor)).toBe(`row:${mayaThread}`);
  });

  it('leaves the focus in a field the user reached before the rows arrived', async () => {
    const slowList = (url: URL) => url.pathname === '/api/conversations';
    await counselor.route(slowList, async (route) => {
      await sleep(700);
      await route.continue();
    });
    try {
      await counselor.goto(`${h.url}/`);
      await counselor.locator('#inbox-search').focus();
      await counselor.getByTestId('inbox-row').waitFor();
      await sleep(300);
      expect(await focused(counselor)).toBe('inbox-search');
    } finally {
      await counselor.unroute(slowList);
    }
  });

  it('puts the cursor in the first field when n starts a new conversation', async () => {
    await counselor.goto(`${h.url}/`);
    await expect.poll(() => focused(counselor)).toBe(`row:${mayaThread}`);
    await counselor.keyboard.press('n');

    await counselor.waitForURL(`${h.url}/new`);
    await expect.poll(() => focused(counselor)).toBe('new-name');
  });

  it('puts the cursor in First name on New contact', async () => {
    await counselor.goto(`${h.url}/contacts/new`);
    await expect.poll(() => focused(counselor)).toBe('contact-new-first');
  });
});

describe('focus after a form is sent', () => {
  it('goes back to Team name after Create team, with the message saying it worked', async () => {
    await admin.goto(`${h.url}/admin/teams`);
    await admin.getByLabel('Team name').fill('Financial aid');
    await admin.getByRole('button', { name: 'Create team' }).click();

    await admin.getByText('Team "Financial aid" created.').waitFor();
    await expect.poll(() => focused(admin)).toBe('team-name');
    expect(await admin.getByLabel('Team name').inputValue()).toBe('');
  });

  it('goes back to the message box after Send as student', async () => {
    await admin.goto(`${h.url}/simulator`);
    await admin.getByLabel('Text', { exact: true }).fill('Thanks, and the housing form?');
    await admin.getByRole('button', { name: 'Send as student' }).click();

    await admin.getByRole('status').getByText('Delivered to the inbox.').waitFor();
    await expect.poll(() => focused(admin)).toBe('sim-text');
  });
});

describe('an empty inbox', () => {
  it('says all caught up once the last open one is closed, without set-up steps', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    await expect.poll(() => focused(counselor)).toBe('thread-title');
    await counselor.keyboard.press('e');
    await counselor.getByRole('button', { name: /reopen/i }).waitFor();
    expect(await counselor.getByTestId('inbox-row').count()).toBe(0);
    await counselor.keyboard.press('Escape');
    await counselor.waitForURL(`${h.url}/`);

    await counselor.getByText('Nothing open — all caught up').waitFor();
    expect(await counselor.getByRole('link', { name: 'Add a contact' }).count()).toBe(0);
    const showClosed = counselor.getByRole('button', { name: 'Show closed conversations' });
    await showClosed.focus();
    await screenshot(counselor, 'inbox-caught-up-desktop');
    await counselor.keyboard.press('Enter');
    await expect.poll(() => focused(counselor)).toBe(`row:${mayaThread}`);
  });

  it('shows the set-up steps while the office has no conversations at all', async () => {
    const fresh = await startHarness({ carrier: 'simulator' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const ada = await factories(fresh).user({ email: 'ada@example.edu', role: 'admin' });
      await signInThroughUi(page, fresh.url, ada.email, PASSWORD);
      await page.getByRole('link', { name: 'Add a contact' }).waitFor();
      expect(await page.getByText('No conversations here').count()).toBe(1);
      expect(await page.getByText('all caught up').count()).toBe(0);
    } finally {
      await page.close();
      await fresh.close();
    }
  });
});
