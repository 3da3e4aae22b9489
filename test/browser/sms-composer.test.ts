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
import { png } from '../helpers/media-files.js';

let h: Harness;
let browser: TestBrowser;
let page: Page;

async function signInPage(email: string): Promise<void> {
  await signInThroughUi(page, h.url, email, PASSWORD);
}

/** Opens the thread an inbound text from `from` created. */
async function openThreadFrom(from: string, text: string): Promise<number> {
  await postWebhook(h, 'inbound', inboundBody({ from, text }));
  const row = h.db.sqlite
    .prepare('SELECT id FROM conversations WHERE phone = ?')
    .get(`+${from}`) as { id: number };
  await page.goto(`${h.url}/c/${row.id}`);
  await page.getByTestId('composer-input').waitFor();
  return row.id;
}

const bubbles = (text: string | RegExp) => page.getByTestId('message').filter({ hasText: text });

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Luc', lastName: 'Roy', phone: '+14165550100' });

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInPage(dana.email);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('Composer', () => {
  it('shows the characters that force UCS-2 and replaces the look-alikes', async () => {
    await openThreadFrom('14155550100', 'Hi, a question');
    const input = page.getByTestId('composer-input');

    await input.fill('See you “tomorrow” – at 10');

    await expect.poll(() => page.locator('.sms-counter').textContent()).toMatch(/UCS-2/);
    await expect
      .poll(() => page.locator('.sms-ucs2 .char').allTextContents())
      .toEqual(['“', '”', '–']);
    await page.getByRole('button', { name: 'Replace look-alikes' }).click();
    expect(await input.inputValue()).toBe('See you "tomorrow" - at 10');
    await expect.poll(() => page.locator('.sms-counter').textContent()).toMatch(/GSM-7/);
  });

  it('warns about content carriers filter', async () => {
    await page.getByTestId('composer-input').fill('CALL THE OFFICE NOW!!! bit.ly/X');

    const warnings = page.getByRole('list', { name: 'Deliverability warnings' });
    await expect.poll(() => warnings.textContent()).toMatch(/link shorteners/);
    expect(await warnings.textContent()).toMatch(/capital letters/);
    expect(await warnings.textContent()).toMatch(/"!!!"/);
    expect(await warnings.textContent()).toMatch(/Say who is writing/);
  });

  it('attaches a picture with an aspect-ratio warning and sends it as MMS', async () => {
    await page.getByTestId('composer-input').fill('Here is the campus map.');
    await expect.poll(() => page.getByTestId('mms-note').textContent()).toMatch(/US numbers only/);

    await page.getByTestId('attach-input').setInputFiles({
      name: 'map.png',
      mimeType: 'image/png',
      buffer: png(1000, 500),
    });

    await expect.poll(() => page.getByTestId('attached-file').count()).toBe(1);
    expect(await page.getByTestId('attach-warning').textContent()).toMatch(/1000×500/);
    await screenshot(page, 'sms-composer-attachment');
    await page.getByTestId('send-button').click();
    const [request] = await h.fake!.waitForRequests(1, 10_000);
    expect(request!.body).toMatchObject({ channel: 'mms', message_type: 'image' });
    await expect.poll(() => bubbles('campus map').locator('img').count()).toBe(1);
    expect(await page.getByTestId('attached-file').count()).toBe(0);
  });

  it('says a Canadian number cannot get pictures and offers no attaching', async () => {
    await openThreadFrom('14165550100', 'Bonjour');

    await expect.poll(() => page.getByTestId('mms-note').textContent()).toMatch(/not a US number/);
    expect(await page.getByRole('button', { name: 'Attach picture or PDF' }).isDisabled()).toBe(
      true,
    );
  });

  it('offers Retry on a failed text and really sends it again', async () => {
    await openThreadFrom('14155550100', 'Another question');
    h.fake!.reset();
    h.fake!.enqueue({ status: 422 });
    await page.getByTestId('composer-input').fill('Your form is in.');
    await page.getByTestId('send-button').click();
    const reply = bubbles('Your form is in.');
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 10_000 }).toBe('failed');

    await reply.getByTestId('retry-button').click();

    await h.fake!.waitForRequests(2, 10_000);
    await expect.poll(() => reply.getAttribute('data-status')).toBe('submitted');
  });
});

describe('ThreadNotices possible opt-out', () => {
  it('confirms a possible opt-out in one click and blocks the composer', async () => {
    await openThreadFrom('14155550100', 'Stop please, I enrolled elsewhere');
    const notice = page.getByTestId('possible-opt-out');
    await notice.waitFor();

    await notice.getByRole('button', { name: /Confirm opt-out/ }).click();

    const reason = page.getByTestId('composer-opted-out');
    await reason.waitFor();
    await expect.poll(() => notice.count()).toBe(0);
    expect(await reason.textContent()).toMatch(/has opted out of texts/);
    expect(await page.getByTestId('composer-input').isDisabled()).toBe(true);
    expect(await page.getByTestId('send-button').count()).toBe(0);
    await screenshot(page, 'sms-composer-opted-out');
  });

  it('dismisses a possible opt-out and leaves the contact subscribed', async () => {
    await openThreadFrom('14165550100', 'Cancel my visit on Friday');
    const notice = page.getByTestId('possible-opt-out');
    await notice.waitFor();

    await notice.getByRole('button', { name: 'Dismiss' }).click();

    await expect.poll(() => notice.count()).toBe(0);
    expect(await page.getByTestId('composer-opted-out').count()).toBe(0);
  });
});

describe('ContactPage consent', () => {
  it('shows the opt-out state and its history', async () => {
    const contact = h.db.sqlite
      .prepare(`SELECT contact_id AS id FROM contact_phones WHERE e164 = '+14155550100'`)
      .get() as { id: number };

    await page.goto(`${h.url}/contacts/${contact.id}`);

    await page.getByText('Opted out', { exact: true }).waitFor();
    await page.getByText('Consent history').click();
    await expect
      .poll(() => page.getByTestId('consent-history').textContent())
      .toMatch(/Opted out by Dana Reyes on Admissions/);
  });
});
