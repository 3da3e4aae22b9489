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

/** Markup that runs script wherever it is parsed as HTML; each payload names its own flag. */
const payload = (flag: number) =>
  `<img src=x onerror="window.__xss=${flag}"><script>window.__xss=${flag + 1}</script>` +
  `<svg onload="window.__xss=${flag + 2}"></svg><a href="javascript:window.__xss=${flag + 3}">` +
  `open</a><iframe srcdoc="<script>parent.__xss=${flag + 4}</script>"></iframe>`;

const STUDENT_TEXT = `Hi ${payload(10)} & thanks`;
const REPLY_TEXT = `Sure ${payload(20)}`;
const FIRST_NAME = `<b onmouseover="window.__xss=30">Maya</b>`;
const LAST_NAME = `<img src=x onerror="window.__xss=31">`;
const STAFF_NAME = `Eve <svg onload="window.__xss=32">`;

let h: Harness;
let browser: TestBrowser;
let reader: Page;
let writer: Page;
const dialogs: string[] = [];

async function signInPage(page: Page, email: string): Promise<void> {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInThroughUi(page, h.url, email, PASSWORD);
}

/** Nothing ran, and no element the payloads carry exists anywhere in the page. */
async function expectInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
    injected: document.querySelectorAll(
      'img[src="x"], [onerror], [onload], [onmouseover], iframe[srcdoc], a[href^="javascript:"]',
    ).length,
    scripts: [...document.querySelectorAll('body script')].filter((s) =>
      s.textContent?.includes('__xss'),
    ).length,
  }));
  expect(state).toEqual({ flag: null, injected: 0, scripts: 0 });
}

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  const b = await make.user({ name: STAFF_NAME, email: 'eve@example.edu' });
  make.number('+12025550123', '<i onmouseover="window.__xss=33">Admissions</i>');
  make.contact({ firstName: FIRST_NAME, lastName: LAST_NAME, phone: '+14155550100' });

  browser = await launchBrowser();
  reader = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  writer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInPage(reader, a.email);
  await signInPage(writer, b.email);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('text full of HTML and script', () => {
  it('shows a student’s text, names and a reply as plain text, live and reloaded', async () => {
    expect((await postWebhook(h, 'inbound', inboundBody({ text: STUDENT_TEXT }))).status).toBe(200);

    const row = reader.getByTestId('inbox-row').first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('<img src=x onerror=');
    const id = await row.getAttribute('data-conversation-id');

    await reader.goto(`${h.url}/c/${id}`);
    await writer.goto(`${h.url}/c/${id}`);
    const bubble = (page: Page, text: string) =>
      page.getByTestId('message').filter({ hasText: text });
    await expect.poll(() => bubble(reader, '<script>window.__xss=11</script>').count()).toBe(1);
    await expect.poll(() => reader.getByText(LAST_NAME).count()).toBeGreaterThan(0);

    await writer.getByTestId('composer-input').fill(REPLY_TEXT);
    await writer.getByTestId('send-button').click();
    await expect.poll(() => bubble(reader, '<script>window.__xss=21</script>').count()).toBe(1);
    await expect.poll(() => bubble(reader, 'onerror="window.__xss=20"').count()).toBe(1);

    await expectInert(reader);
    await expectInert(writer);
    await screenshot(reader, 'xss-thread-live');

    await reader.reload();
    await expect.poll(() => bubble(reader, '<script>window.__xss=21</script>').count()).toBe(1);
    await reader.mouse.move(200, 200);
    await reader.mouse.move(640, 400);
    await expectInert(reader);

    await reader.goto(`${h.url}/`);
    await reader.getByTestId('inbox-row').first().waitFor();
    await reader.getByTestId('inbox-row').first().hover();
    await expectInert(reader);
    expect(dialogs).toEqual([]);
  });
});
