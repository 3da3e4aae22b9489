import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import {
  launchBrowser,
  screenshot,
  signInThroughUi,
  type TestBrowser,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let page: Page;
let danaApi: Staff;
let danaId: number;
/** Maya's thread is open, Noah's closed; both are nobody's yet. */
const ids = { maya: 0, noah: 0 };

async function textFrom(phone: string, text: string): Promise<number> {
  const res = await postWebhook(h, 'inbound', inboundBody({ from: phone, text }));
  expect(res.body).toMatchObject({ stored: true });
  const row = h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1').get();
  return (row as { id: number }).id;
}

const rowIds = () =>
  page
    .getByTestId('inbox-row')
    .evaluateAll((all) => all.map((row) => Number((row as HTMLElement).dataset.conversationId)));
const participants = () =>
  page
    .locator('.contact-facts dt', { hasText: 'Participants' })
    .locator('xpath=following-sibling::dd[1]');

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  danaId = dana.id;
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Noah', lastName: 'Kim', phone: '+14155550111' });
  ids.noah = await textFrom('14155550111', 'Thanks, all sorted!');
  ids.maya = await textFrom('14155550100', 'Is the deposit refundable?');
  danaApi = await signIn(h, dana.email);
  expect((await danaApi.post(`/api/conversations/${ids.noah}/close`)).status).toBe(200);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await signInThroughUi(page, h.url, dana.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the inbox lists open threads by default', () => {
  it('shows the open thread only, and the closed one when asked for', async () => {
    await page.getByTestId('inbox-row').first().waitFor();
    const status = page.getByRole('combobox', { name: 'Status' });
    expect(await status.inputValue()).toBe('open');
    expect(await rowIds()).toEqual([ids.maya]);

    await status.selectOption('all');
    await expect.poll(rowIds).toEqual([ids.maya, ids.noah]);
    await status.selectOption('open');
    await expect.poll(rowIds).toEqual([ids.maya]);
  });
});

describe('assigning, joining and leaving from the thread', () => {
  it('makes "assign to me" (a) a join: Leave replaces Join, Participants names me', async () => {
    await page.getByTestId('inbox-row').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.url}/c/${ids.maya}`);
    await page.getByTestId('join-button').waitFor();
    expect(await participants().textContent()).toBe('Nobody yet');

    await page.keyboard.press('a');

    await page.getByTestId('leave-button').waitFor();
    expect(await page.getByTestId('join-button').count()).toBe(0);
    await expect.poll(() => participants().textContent()).toBe('Dana Reyes');
    expect(await page.getByTestId('assignee-select').inputValue()).toBe(`user:${danaId}`);
    await screenshot(page, 'thread-joined-desktop');
  });

  it('keeps Leave first under More at phone width', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInThroughUi(phone, h.url, 'dana@example.edu', PASSWORD);
    await phone.goto(`${h.url}/c/${ids.maya}`);
    const more = phone.getByTestId('more-actions');
    await more.focus();
    await phone.keyboard.press('Enter');
    const leave = phone.getByTestId('leave-button');
    await leave.waitFor();
    await expect
      .poll(() => phone.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('leave-button');
    const box = await leave.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(phone, 'thread-more-leave-phone');
    await phone.close();
  });

  it('leaves by keyboard: a line in the thread, Join back, focus on the thread title', async () => {
    await page.getByTestId('leave-button').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('join-button').waitFor();
    await expect.poll(() => participants().textContent()).toBe('Nobody yet');
    const line = page
      .getByTestId('message')
      .filter({ hasText: 'Dana Reyes left the conversation' });
    await line.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('thread-title');
    await expect
      .poll(() => page.getByTestId('toast').allTextContents())
      .toContainEqual(expect.stringContaining('You left “Maya Lopez”.'));
    await screenshot(page, 'thread-after-leave-desktop');
  });

  it('updates the Participating view live when I join and leave elsewhere', async () => {
    const tab = page.getByRole('tab', { name: /^Participating/ });
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByText('No conversations here').count()).toBe(1);

    await danaApi.post(`/api/conversations/${ids.maya}/join`);
    await expect.poll(rowIds).toEqual([ids.maya]);

    await danaApi.post(`/api/conversations/${ids.maya}/leave`);
    await expect.poll(rowIds).toEqual([]);
  });
});

describe('starting a conversation', () => {
  it('preselects me as the assignee, and keeps the other choices', async () => {
    await page.goto(`${h.url}/new`);
    const assignee = page.getByLabel('Assignee');
    await assignee.waitFor();
    expect(await assignee.inputValue()).toBe(`user:${danaId}`);
    expect(await assignee.locator('option:checked').textContent()).toBe('Me');
    await assignee.selectOption('');
    expect(await assignee.inputValue()).toBe('');
  });
});
