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
import { launchBrowser, signInThroughUi, type TestBrowser } from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let page: Page;
let conversationId: number;
let danaId: number;
/** Noah has no thread yet: New conversation starts one for him. */
let contactId: number;
/** The Assignee options' values, in the order the select lists them. */
let options: string[];

const select = () => page.getByTestId('assignee-select');
const press = async (...keys: string[]) => {
  for (const key of keys) await page.keyboard.press(key);
};

const storedAssignee = () => {
  const row = h.db.sqlite
    .prepare('SELECT assignee_user_id AS id FROM conversations WHERE id = ?')
    .get(conversationId) as { id: number | null };
  return row.id === null ? '' : `user:${row.id}`;
};

const assignmentLines = () =>
  h.db.sqlite
    .prepare(
      `SELECT text FROM messages
       WHERE conversation_id = ? AND kind = 'activity'
         AND (text LIKE '%assigned this%' OR text LIKE '%took this%')`,
    )
    .all(conversationId).length;

const description = (testId: string) =>
  page.getByTestId(testId).evaluate((button) => {
    const ids = button.getAttribute('aria-describedby')?.split(' ') ?? [];
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  danaId = dana.id;
  for (const name of ['Ben Brooks', 'Cara Diaz', 'Eli Ford']) await make.user({ name });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  contactId = make.contact({ firstName: 'Noah', lastName: 'Kim', phone: '+14155550111' }).id;
  const res = await postWebhook(h, 'inbound', inboundBody({ from: '14155550100', text: 'Hi' }));
  expect(res.body).toMatchObject({ stored: true });
  const row = h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1').get();
  conversationId = (row as { id: number }).id;

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(page, h.url, dana.email, PASSWORD);
  await page.goto(`${h.url}/c/${conversationId}`);
  await select().waitFor();
  await select().locator('option').nth(4).waitFor({ state: 'attached' });
  options = await select()
    .locator('option')
    .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the Assignee select by keyboard', () => {
  it('takes back a choice made with the arrows on Esc, assigning no one', async () => {
    await select().focus();
    await press('ArrowDown');
    expect(await select().inputValue()).toBe(options[1]);
    await press('Escape');
    expect(await select().inputValue()).toBe('');
    expect(storedAssignee()).toBe('');
  });

  it('assigns the option an arrow moved to on Enter, once', async () => {
    await press('ArrowDown', 'Enter');
    await expect.poll(storedAssignee).toBe(options[1]);
    expect(assignmentLines()).toBe(1);
    await expect
      .poll(() => select().evaluate((field) => field === document.activeElement))
      .toBe(true);
  });

  it('assigns only the last of several arrow moves when the field loses the focus', async () => {
    await press('ArrowDown', 'ArrowDown');
    expect(storedAssignee()).toBe(options[1]);
    await press('Tab');
    await expect.poll(storedAssignee).toBe(options[3]);
    await expect.poll(assignmentLines).toBe(2);
    expect(await select().inputValue()).toBe(options[3]);
  });

  it('still assigns a choice made without the keys at once', async () => {
    await select().selectOption(options[2]!);
    await expect.poll(storedAssignee).toBe(options[2]);
    expect(assignmentLines()).toBe(3);
  });

  it('keeps the a shortcut assigning the thread to me', async () => {
    expect(storedAssignee()).not.toBe(`user:${danaId}`);
    await page.locator('#thread-title').focus();
    await press('a');
    await expect.poll(storedAssignee).toBe(`user:${danaId}`);
    expect(assignmentLines()).toBe(4);
  });
});

describe('Join and Leave', () => {
  it('say what they do, on hover and to a screen reader', async () => {
    const join = 'Get an email for each text from the student and see this under Participating';
    const leave = 'Stop getting emails for this conversation; the assignee does not change';
    await page.goto(`${h.url}/c/${conversationId}`);
    await select().selectOption('');
    await expect.poll(storedAssignee).toBe('');
    await page.getByTestId('leave-button').click();
    await page.getByTestId('join-button').waitFor();
    expect(await page.getByTestId('join-button').getAttribute('title')).toBe(join);
    expect(await description('join-button')).toBe(`${join}.`);

    await page.getByTestId('join-button').click();
    await page.getByTestId('leave-button').waitFor();
    expect(await page.getByTestId('leave-button').getAttribute('title')).toBe(leave);
    expect(await description('leave-button')).toBe(`${leave}.`);
  });
});

describe('New conversation', () => {
  it('sends the first text with Ctrl+Enter', async () => {
    await page.goto(`${h.url}/new?contactId=${contactId}`);
    await page.getByLabel('Conversation name').fill('Deposit question');
    await page.locator('.selected-contact').getByText('Noah Kim').waitFor();
    await page.getByLabel('First text').focus();
    await page.keyboard.type('Your deposit is due May 1.');
    await press('Control+Enter');
    await page.waitForURL(/\/c\/\d+$/, { timeout: 10_000 });
    const created = h.db.sqlite
      .prepare(
        `SELECT c.name FROM conversations c JOIN messages m ON m.conversation_id = c.id
         WHERE m.kind = 'sms' AND m.direction = 'outbound' AND m.text = ?`,
      )
      .all('Your deposit is due May 1.');
    expect(created).toEqual([{ name: 'Deposit question' }]);
  });
});
